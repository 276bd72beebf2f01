/**
 * asyncio streams (`open_connection`, `start_server`, Stream, Server) over Node `net`.
 * A socket is an IO source the loop polls, as MicroPython's loop polls its sockets: every
 * read parks the task until the socket has data, end-of-stream or an error.
 */
import net from "node:net";
import { coroutine } from "./coroutine.js";
import { CancelledError, EOFError, OSError } from "./exceptions.js";
import type { KwArgs } from "./kwargs.js";
import { runtime } from "./runtime.js";
import type { IoSource, Task } from "./scheduler.js";
import { pollSource, type PollableStream } from "./pollable.js";
import { errnoByCode } from "../net/errno-numbers.js";

function toOSError(error: Error): OSError {
  const code = (error as NodeJS.ErrnoException).code ?? "EIO";
  return new OSError(errnoByCode[code] ?? 5, code);
}

/** A connected socket's receive side, buffered so reads can take exactly what they need. */
class SocketSource implements IoSource {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private ended = false;
  private failure: Error | null = null;

  constructor(
    readonly socket: net.Socket,
    private connected: boolean,
  ) {
    const wake = () => runtime().scheduler.wakeIo();
    socket.on("data", (chunk: Buffer) => {
      this.chunks.push(chunk);
      this.buffered += chunk.length;
      wake();
    });
    socket.on("end", () => {
      this.ended = true;
      wake();
    });
    socket.on("close", () => {
      this.ended = true;
      wake();
    });
    socket.on("error", (error) => {
      this.failure = error;
      wake();
    });
    socket.on("connect", () => {
      this.connected = true;
      wake();
    });
    socket.on("drain", wake);
  }

  readable(): boolean {
    return this.buffered > 0 || this.ended || this.failure !== null;
  }

  writable(): boolean {
    return (this.connected && !this.socket.writableNeedDrain) || this.failure !== null || this.ended;
  }

  throwIfFailed(): void {
    if (this.failure !== null && this.buffered === 0) throw toOSError(this.failure);
  }

  /** Up to `n` buffered bytes (all of them when n < 0); empty at end of stream. */
  take(n: number): Uint8Array {
    const all = Buffer.concat(this.chunks);
    const count = n < 0 ? all.length : Math.min(n, all.length);
    this.setBuffer(all.subarray(count));
    return new Uint8Array(all.subarray(0, count));
  }

  /** Buffered bytes up to and including the first newline (or all buffered bytes). */
  takeLine(): Uint8Array {
    const all = Buffer.concat(this.chunks);
    const newline = all.indexOf(10);
    return this.take(newline < 0 ? all.length : newline + 1);
  }

  private setBuffer(rest: Buffer): void {
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered = rest.length;
  }
}

/**
 * A connected socket as MicroPython's stream protocol shows it to asyncio's Stream: reads take
 * what is buffered (undefined, Python's None, while nothing is), errors surface at the next read or write.
 */
class SocketStream implements PollableStream {
  constructor(readonly source: SocketSource) {}

  read(nbytes?: number): Uint8Array | undefined {
    this.source.throwIfFailed();
    return this.source.readable() ? this.source.take(nbytes ?? -1) : undefined;
  }

  readinto(buf: Uint8Array): number | undefined {
    const chunk = this.read(buf.length);
    if (chunk === undefined) return undefined;
    buf.set(chunk);
    return chunk.length;
  }

  readline(): Uint8Array | undefined {
    this.source.throwIfFailed();
    return this.source.readable() ? this.source.takeLine() : undefined;
  }

  write(buf: Uint8Array | string): number {
    this.source.throwIfFailed();
    const bytes = toBytes(buf);
    if (bytes.length > 0) this.source.socket.write(bytes);
    return bytes.length;
  }

  close(): void {
    const socket = this.source.socket;
    socket.end(() => socket.destroy());
  }

  [pollSource](): IoSource {
    return this.source;
  }
}

function waitReadable(source: IoSource): Promise<void> {
  const loop = runtime().scheduler;
  return loop.suspend((task) => loop.io.queue(source, task, "reader"));
}

function waitWritable(source: IoSource): Promise<void> {
  const loop = runtime().scheduler;
  return loop.suspend((task) => loop.io.queue(source, task, "writer"));
}

function toBytes(buf: Uint8Array | string): Uint8Array {
  return typeof buf === "string" ? new TextEncoder().encode(buf) : buf;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/**
 * A stream for both reading and writing (StreamReader and StreamWriter are this class), over a
 * TCP connection or anything with MicroPython's stream protocol: `new StreamReader(uart)`.
 */
export class Stream {
  private outBuf: Uint8Array = new Uint8Array(0);

  constructor(
    /** @internal */ readonly s: PollableStream,
    private readonly e: Record<string, unknown> = {},
  ) {}

  /** Extra information about the connection: "peername" gives `[host, port]` on server streams. */
  get_extra_info(v: "peername"): [string, number];
  get_extra_info(v: string): unknown;
  get_extra_info(v: string): unknown {
    if (!(v in this.e)) throw Object.assign(new Error(v), { name: "KeyError" });
    return this.e[v];
  }

  /** Does nothing, as in MicroPython: `wait_closed()` closes the underlying stream. */
  close(): void {}

  /** Closes the underlying stream (a socket). */
  wait_closed(): Promise<void> {
    return coroutine(async () => {
      (this.s as { close?: () => void }).close?.();
    }, "wait_closed");
  }

  private get source(): IoSource {
    return this.s[pollSource]();
  }

  /** Reads up to `n` bytes; with no `n`, reads until the end of the stream. */
  read(n = -1): Promise<Uint8Array> {
    return coroutine(async () => {
      let result: Uint8Array = new Uint8Array(0);
      for (;;) {
        await waitReadable(this.source);
        const chunk = this.s.read(n < 0 ? undefined : n);
        if (chunk === undefined) continue;
        if (n >= 0) return chunk;
        if (chunk.length === 0) return result;
        result = concat(result, chunk);
      }
    }, "read");
  }

  /** Reads into `buf` as many bytes as are available (at most its length); returns the count. */
  readinto(buf: Uint8Array): Promise<number> {
    return coroutine(async () => {
      await waitReadable(this.source);
      // Readable, so the stream has bytes (or is at its end): a count, never None.
      return this.s.readinto(buf) ?? 0;
    }, "readinto");
  }

  /** Reads exactly `n` bytes; EOFError if the stream ends first. */
  readexactly(n: number): Promise<Uint8Array> {
    return coroutine(async () => {
      let result: Uint8Array = new Uint8Array(0);
      let remaining = n;
      while (remaining > 0) {
        await waitReadable(this.source);
        const chunk = this.s.read(remaining);
        if (chunk === undefined) continue;
        if (chunk.length === 0) throw new EOFError();
        result = concat(result, chunk);
        remaining -= chunk.length;
      }
      return result;
    }, "readexactly");
  }

  /** Reads one line, including its newline (without it at the end of the stream). */
  readline(): Promise<Uint8Array> {
    return coroutine(async () => {
      let line: Uint8Array = new Uint8Array(0);
      for (;;) {
        await waitReadable(this.source);
        const chunk = this.s.readline();
        if (chunk === undefined) continue;
        line = concat(line, chunk);
        if (chunk.length === 0 || line[line.length - 1] === 10) return line;
      }
    }, "readline");
  }

  /** Writes what the stream takes at once and queues the rest; `drain()` waits until it has gone. */
  write(buf: Uint8Array | string): void {
    let bytes = toBytes(buf);
    if (this.outBuf.length === 0) {
      const written = this.s.write(bytes);
      if (written === bytes.length) return;
      if (written !== undefined) bytes = bytes.subarray(written);
    }
    this.outBuf = concat(this.outBuf, bytes);
  }

  /** Waits until queued data is sent; always yields to other tasks at least once. */
  drain(): Promise<void> {
    return coroutine(async () => {
      const loop = runtime().scheduler;
      if (this.outBuf.length === 0 && this.source.writable()) {
        await loop.suspend((task) => loop.schedule(task));
        return;
      }
      // A socket still sending what it took waits too, then reports a failure by its write.
      let offset = 0;
      do {
        await waitWritable(this.source);
        offset += this.s.write(this.outBuf.subarray(offset)) ?? 0;
      } while (offset < this.outBuf.length);
      this.outBuf = new Uint8Array(0);
    }, "drain");
  }

  /** Legacy uasyncio name for `wait_closed`. */
  aclose(): Promise<void> {
    return this.wait_closed();
  }

  /** Legacy uasyncio: writes `buf[off:off+sz]` and drains. */
  awrite(buf: Uint8Array | string, off = 0, sz = -1): Promise<void> {
    return coroutine(async () => {
      const bytes = toBytes(buf);
      this.write(off !== 0 || sz !== -1 ? bytes.subarray(off, sz === -1 ? bytes.length : off + sz) : bytes);
      await this.drain();
    }, "awrite");
  }

  /** Legacy uasyncio: as `awrite`, for text. */
  awritestr(buf: string, off = 0, sz = -1): Promise<void> {
    return this.awrite(buf, off, sz);
  }
}

/** MicroPython's StreamReader: the same class as Stream. */
export const StreamReader = Stream;
export type StreamReader = Stream;
/** MicroPython's StreamWriter: the same class as Stream. */
export const StreamWriter = Stream;
export type StreamWriter = Stream;

/** Options MicroPython's stream functions take as keywords. TLS is not simulated. */
type SslOption = { ssl?: boolean | null };

/** Opens a TCP connection; returns the `[reader, writer]` pair (one Stream twice). */
export function open_connection(
  host: string,
  port: number,
  options?: KwArgs<SslOption & { server_hostname?: string | null }>,
): Promise<[Stream, Stream]> {
  return coroutine(async () => {
    if (options?.ssl) throw new OSError(95, "EOPNOTSUPP");
    const source = new SocketSource(net.connect({ host, port }), false);
    await waitWritable(source);
    source.throwIfFailed();
    const stream = new Stream(new SocketStream(source));
    return [stream, stream] as [Stream, Stream];
  }, "open_connection");
}

/** A listening TCP server (returned by `start_server`). */
export class Server {
  /** @internal */
  task: Task<void> | null = null;

  /** Stops accepting connections (cancels the server's task). */
  close(): void {
    this.task?.cancel();
  }

  /** Waits until the server has closed. */
  wait_closed(): Promise<void> {
    return coroutine(async () => {
      if (this.task !== null) await this.task;
    }, "wait_closed");
  }
}

/** Incoming connections of a listening Node server, polled by the loop like a listening socket. */
class ListenerSource implements IoSource {
  readonly pending: net.Socket[] = [];
  listening = false;
  failure: Error | null = null;

  constructor(readonly server: net.Server) {
    const wake = () => runtime().scheduler.wakeIo();
    server.on("connection", (socket) => {
      this.pending.push(socket);
      wake();
    });
    server.on("listening", () => {
      this.listening = true;
      wake();
    });
    server.on("error", (error) => {
      this.failure = error;
      wake();
    });
  }

  readable(): boolean {
    return this.pending.length > 0 || this.failure !== null || this.listening;
  }

  writable(): boolean {
    return false;
  }
}

/**
 * Starts a TCP server on `host:port`; `callback(reader, writer)` runs as a new task for each
 * connection.
 */
export function start_server(
  callback: (reader: Stream, writer: Stream) => PromiseLike<void>,
  host: string,
  port: number,
  backlog = 5,
  options?: KwArgs<SslOption>,
): Promise<Server> {
  return coroutine(async () => {
    if (options?.ssl) throw new OSError(95, "EOPNOTSUPP");
    const loop = runtime().scheduler;
    const listener = new ListenerSource(net.createServer());
    listener.server.listen({ host, port, backlog });
    // Node binds asynchronously; wait for the bind so address errors surface here, as on a board.
    while (!listener.listening && listener.failure === null) await waitReadable(listener);
    if (listener.failure !== null) throw toOSError(listener.failure);
    const server = new Server();
    server.task = loop.createTask(
      coroutine(async () => {
        try {
          for (;;) {
            if (listener.pending.length === 0) await waitReadable({ readable: () => listener.pending.length > 0, writable: () => false });
            const socket = listener.pending.shift()!;
            const stream = new Stream(new SocketStream(new SocketSource(socket, true)), {
              peername: [socket.remoteAddress ?? "", socket.remotePort ?? 0],
            });
            loop.createTask(callback(stream, stream));
          }
        } catch (error) {
          if (error instanceof CancelledError) {
            listener.server.close();
            for (const socket of listener.pending) socket.destroy();
            return;
          }
          throw error;
        }
      }, "_serve"),
    );
    try {
      await loop.suspend((task) => loop.schedule(task));
    } catch (error) {
      server.task.cancel();
      throw error;
    }
    return server;
  }, "start_server");
}
