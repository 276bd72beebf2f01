/**
 * `tsmp/socket` ⇔ MicroPython's `socket`, as on the ESP32 port: TCP sockets, blocking (the
 * default), non-blocking (`setblocking(false)`: OSError EAGAIN where a call would wait) or with a
 * timeout (`settimeout(s)`: OSError ETIMEDOUT). On the simulated board they reach real servers
 * on the host (127.0.0.1); the host keeps the real sockets in a worker thread, so a blocking call
 * blocks the program as on a board. UDP sockets (`SOCK_DGRAM`: `bind`, `sendto`, `recvfrom`,
 * `recv`) are simulated the same way; raw sockets and TLS are not (OSError EOPNOTSUPP). Waits
 * take real time, on the virtual clock too, where board time stands still meanwhile.
 * https://docs.micropython.org/en/latest/library/socket.html
 */
import { OSError } from "./exceptions.js";
import { runtime, type Runtime } from "./runtime.js";
import { HostSockets, SocketCallFailed } from "../net/socket-host.js";
import type { RecvMode, SocketOperation } from "../net/socket-host-protocol.js";

export const AF_INET = 2;
export const AF_INET6 = 10;
export const SOCK_STREAM = 1;
export const SOCK_DGRAM = 2;
export const SOCK_RAW = 3;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const SOL_SOCKET = 0xfff;
export const SO_REUSEADDR = 4;

/** A socket address as MicroPython's ESP32 port gives and takes it: `[ip, port]`. */
export type Address = [host: string, port: number];

const EAGAIN = 11;
const EOPNOTSUPP = 95;

const hostSlot = Symbol.for("tsmp.hostSockets");
type HostHolder = { [hostSlot]?: { rt: Runtime; sockets: HostSockets } };

/** The current board's socket host; a new board (the next run, a reset) gets a fresh one. */
function host(): HostSockets {
  const holder = globalThis as HostHolder;
  const rt = runtime();
  const current = holder[hostSlot];
  if (current?.rt === rt) return current.sockets;
  current?.sockets.close();
  const sockets = new HostSockets();
  rt.stopOnReset.add(() => sockets.close());
  holder[hostSlot] = { rt, sockets };
  return sockets;
}

/** @internal one request to the socket host, its failure as the OSError a board raises. */
export function callHost<T>(operation: SocketOperation): T {
  try {
    return host().call<T>(operation);
  } catch (error) {
    if (error instanceof SocketCallFailed) throw new OSError(error.errno, error.code);
    throw error;
  }
}

/** Resolves `host` (an IPv4 address or a name) as `[[family, type, proto, canonname, address]]`. */
export function getaddrinfo(
  host: string,
  port: number,
  _af = 0,
  _type = 0,
  _proto = 0,
  _flags = 0,
): Array<[family: number, type: number, proto: number, canonname: string, address: Address]> {
  return [[AF_INET, SOCK_STREAM, IPPROTO_TCP, "", [callHost<string>({ op: "lookup", host }), port]]];
}

/**
 * A TCP socket (its stream methods `read`, `readline`, `readinto`, `write` are MicroPython's
 * too), or a UDP one (`SOCK_DGRAM`): `sendto` and `recvfrom` a datagram at a time.
 */
export class socket {
  /** @internal the host's number for it */
  readonly hostId: number;
  /** -1: blocking; 0: non-blocking; otherwise the timeout in ms. */
  private waitMs = -1;
  /** A UDP socket: `recv` takes a datagram. */
  private readonly datagrams: boolean = false;

  constructor(_af = AF_INET, type = SOCK_STREAM, _proto = IPPROTO_TCP) {
    if (type !== SOCK_STREAM && type !== SOCK_DGRAM) throw new OSError(EOPNOTSUPP, "EOPNOTSUPP");
    this.datagrams = type === SOCK_DGRAM;
    this.hostId = callHost<number>(this.datagrams ? { op: "create", kind: "udp" } : { op: "create" });
  }

  /** Sends `bytes` as one datagram to `[ip, port]` (UDP); returns how many were sent. */
  sendto(bytes: Uint8Array | string, address: Address): number {
    const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : Uint8Array.from(bytes);
    return callHost<number>({ op: "sendto", id: this.hostId, data, host: address[0], port: address[1] });
  }

  /** The next datagram, cut to `bufsize` bytes (the rest is lost), and its sender (UDP). */
  recvfrom(bufsize: number): [Uint8Array, Address] {
    return callHost<[Uint8Array, Address]>({ op: "recvfrom", id: this.hostId, n: bufsize, waitMs: this.waitMs });
  }

  /** Connects to `[ip, port]`; a non-blocking socket raises EINPROGRESS and connects meanwhile. */
  connect(address: Address): void {
    callHost({ op: "connect", id: this.hostId, host: address[0], port: address[1], waitMs: this.waitMs });
  }

  /** Binds to `[ip, port]` (and starts listening: the backlog then holds incoming connections). */
  bind(address: Address): void {
    callHost({ op: "bind", id: this.hostId, host: address[0], port: address[1] });
  }

  /** Lets the socket accept connections (bind already listens on the host). */
  listen(_backlog = 5): void {}

  /** The next incoming connection and its peer's address. */
  accept(): [socket, Address] {
    const [id, address] = callHost<[number, Address]>({ op: "accept", id: this.hostId, waitMs: this.waitMs });
    const connection = Object.create(socket.prototype) as socket;
    Object.assign(connection, { hostId: id, waitMs: -1 });
    return [connection, address];
  }

  /** Sends `bytes`; returns how many were sent (all of them: the host buffers what is not yet on the wire). */
  send(bytes: Uint8Array | string): number {
    const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : Uint8Array.from(bytes);
    return callHost<number>({ op: "send", id: this.hostId, data });
  }

  /** Sends all of `bytes`. */
  sendall(bytes: Uint8Array | string): void {
    this.send(bytes);
  }

  /** As `send`, the stream way. */
  write(buf: Uint8Array | string): number {
    return this.send(buf);
  }

  /** Up to `bufsize` bytes, as soon as some have come; empty once the peer has closed. */
  recv(bufsize: number): Uint8Array {
    if (this.datagrams) return this.recvfrom(bufsize)[0];
    return this.receive(bufsize, "some");
  }

  /** `size` bytes (all until the peer closes without a size); undefined (None) on a non-blocking socket with nothing there. */
  read(size = -1): Uint8Array | undefined {
    return this.streamRead(size, this.waitMs === 0 ? "some" : "all");
  }

  /** One line, with its newline; undefined (None) on a non-blocking socket with nothing there. */
  readline(): Uint8Array | undefined {
    return this.streamRead(-1, "line");
  }

  /** Reads into `buf` what has come (at most `nbytes`); returns the count, or undefined (None) if nothing is there (non-blocking). */
  readinto(buf: Uint8Array, nbytes = -1): number | undefined {
    const data = this.streamRead(nbytes < 0 ? buf.length : Math.min(nbytes, buf.length), "some");
    if (data === undefined) return undefined;
    buf.set(data);
    return data.length;
  }

  /** The socket itself, as MicroPython's makefile gives. */
  makefile(_mode = "rb", _buffering = 0): socket {
    return this;
  }

  setblocking(flag: boolean): void {
    this.waitMs = flag ? -1 : 0;
  }

  /** null: blocking; 0: non-blocking; otherwise calls wait at most this many seconds. */
  settimeout(value: number | null): void {
    this.waitMs = value === null ? -1 : value <= 0 ? 0 : Math.max(1, Math.trunc(value * 1000));
  }

  /** Accepted and ignored, as the host socket's options are fixed (SO_REUSEADDR is what they do). */
  setsockopt(_level: number, _optname: number, _value: number | Uint8Array): void {}

  close(): void {
    callHost({ op: "close", id: this.hostId });
  }

  private receive(n: number, mode: RecvMode): Uint8Array {
    return callHost<Uint8Array>({ op: "recv", id: this.hostId, n, mode, waitMs: this.waitMs });
  }

  private streamRead(n: number, mode: RecvMode): Uint8Array | undefined {
    try {
      return this.receive(n, mode);
    } catch (error) {
      if (error instanceof OSError && error.errno === EAGAIN) return undefined;
      throw error;
    }
  }
}
