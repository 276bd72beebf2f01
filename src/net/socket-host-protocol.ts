/** What the socket host worker is asked, and what it answers (socket-host.ts ↔ socket-host-worker.ts). */

/** How long an operation may wait: -1 for ever (a blocking socket), 0 not at all, else milliseconds. */
export type WaitMs = number;

/** How much `recv` takes: what is there (`some`), `n` bytes or the end (`all`, n = -1: the end), one line. */
export type RecvMode = "some" | "all" | "line";

export type SocketOperation =
  | { op: "create"; kind?: "udp" }
  | { op: "connect"; id: number; host: string; port: number; waitMs: WaitMs }
  | { op: "bind"; id: number; host: string; port: number }
  | { op: "accept"; id: number; waitMs: WaitMs }
  | { op: "send"; id: number; data: Uint8Array }
  | { op: "recv"; id: number; n: number; mode: RecvMode; waitMs: WaitMs }
  | { op: "sendto"; id: number; data: Uint8Array; host: string; port: number }
  | { op: "recvfrom"; id: number; n: number; waitMs: WaitMs }
  | { op: "close"; id: number }
  | { op: "poll"; entries: Array<[id: number, mask: number]>; waitMs: WaitMs }
  | { op: "address"; id: number; which: "peer" | "local" }
  | { op: "lookup"; host: string };

export type SocketRequest = SocketOperation & { seq: number };

export type SocketReply = { seq: number } & ({ ok: true; value: unknown } | { ok: false; errno: number; code: string });

/** MicroPython's poll event bits (MP_STREAM_POLL_*). */
export const POLLIN = 0x01;
export const POLLOUT = 0x04;
export const POLLERR = 0x08;
export const POLLHUP = 0x10;
export const POLLNVAL = 0x20;
