/**
 * MicroPython's stream protocol as asyncio's Stream uses it: reads that never block (`null` when
 * nothing is there yet, as EAGAIN gives None; empty at the end of the stream), writes that say how
 * much they took, and a poll the event loop waits on. Sockets and UARTs have it, so
 * `asyncio.StreamReader(uart)` streams over a UART as on a board.
 */
import type { IoSource } from "./scheduler.js";

/** The key under which a stream hands the loop what to poll (kept off the facade's names). */
export const pollSource: unique symbol = Symbol.for("tsmp.pollSource");

export interface PollableStream {
  read(nbytes?: number): Uint8Array | undefined;
  readinto(buf: Uint8Array): number | undefined;
  readline(): Uint8Array | undefined;
  write(buf: Uint8Array | string): number | undefined;
  /** @internal what the event loop polls for readiness */
  [pollSource](): IoSource;
}
