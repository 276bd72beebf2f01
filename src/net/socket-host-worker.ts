// The socket host: a worker thread that owns the real Node sockets of one simulated board.
// MicroPython's socket calls block, and the VM (or the Node shim's blocking socket module)
// holds its thread while they do; Node's sockets only make progress on a free event loop. So
// the sockets live here, and each call is answered when it is done (a blocking recv when data
// has come), while the caller waits on a shared counter (socket-host.ts).
import dgram from "node:dgram";
import { lookup } from "node:dns/promises";
import net from "node:net";
import { workerData, type MessagePort } from "node:worker_threads";
import { errnoOf } from "./errno-numbers.js";
import {
  POLLERR,
  POLLHUP,
  POLLIN,
  POLLNVAL,
  POLLOUT,
  type RecvMode,
  type SocketReply,
  type SocketRequest,
  type WaitMs,
} from "./socket-host-protocol.js";

const { port, answered } = workerData as { port: MessagePort; answered: SharedArrayBuffer };
const counter = new Int32Array(answered);

/** An error answered with MicroPython's errno. */
class SocketFailure extends Error {
  constructor(
    readonly errno: number,
    readonly code: string,
  ) {
    super(code);
  }
}

const failure = (code: string, errno: number) => new SocketFailure(errno, code);

/** One socket of the board: a fresh one, a connected stream, a listener, or a UDP socket. */
class HostSocket {
  stream: net.Socket | null = null;
  server: net.Server | null = null;
  /** A UDP socket's, with the datagrams that came and their senders, oldest first. */
  datagram: dgram.Socket | null = null;
  readonly datagrams: Array<[data: Buffer, host: string, port: number]> = [];
  connected = false;
  closed = false;
  ended = false;
  error: Error | null = null;
  received: Buffer = Buffer.alloc(0);
  readonly pending: net.Socket[] = [];

  adopt(stream: net.Socket, connected: boolean): void {
    this.stream = stream;
    this.connected = connected;
    stream.on("connect", () => {
      this.connected = true;
      changed();
    });
    stream.on("data", (chunk: Buffer) => {
      this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
      changed();
    });
    stream.on("end", () => {
      this.ended = true;
      changed();
    });
    stream.on("close", () => {
      this.ended = true;
      changed();
    });
    stream.on("error", (error) => {
      this.error = error;
      changed();
    });
    stream.on("drain", changed);
  }

  /**
   * The poll bits the ESP32 port's socket gives now: readable with data, a connection to accept,
   * the peer's close (recv then gives b"") or an error; writable once connected; a socket never
   * connected is writable with HUP.
   */
  events(): number {
    if (this.datagram !== null) return (this.datagrams.length > 0 ? POLLIN : 0) | POLLOUT;
    if (this.server !== null) return this.pending.length > 0 ? POLLIN : 0;
    if (this.stream === null) return POLLOUT | POLLHUP;
    let bits = 0;
    if (this.received.length > 0 || this.ended || this.error !== null) bits |= POLLIN;
    if (this.connected && !this.stream.writableNeedDrain) bits |= POLLOUT;
    if (this.error !== null) bits |= POLLERR;
    return bits;
  }
}

/** A UDP socket: datagrams queue as they come, for recvfrom. */
function datagramSocket(): HostSocket {
  const socket = new HostSocket();
  const datagram = dgram.createSocket("udp4");
  socket.datagram = datagram;
  datagram.on("message", (data, sender) => {
    socket.datagrams.push([data, plainAddress(sender.address), sender.port]);
    changed();
  });
  datagram.on("error", (error) => {
    socket.error = error;
    changed();
  });
  return socket;
}

const sockets = new Map<number, HostSocket>();
let nextId = 1;
const waiters = new Set<() => boolean>();

/** Something happened on a socket: every waiting operation looks again. */
function changed(): void {
  for (const waiter of [...waiters]) if (waiter()) waiters.delete(waiter);
}

/** Resolves true once `ready()` holds, false when `waitMs` ran out first (0: look once, -1: never runs out). */
function waitUntil(ready: () => boolean, waitMs: WaitMs): Promise<boolean> {
  if (ready()) return Promise.resolve(true);
  if (waitMs === 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = waitMs > 0 ? setTimeout(() => finish(false), waitMs) : undefined;
    const waiter = () => {
      if (!ready()) return false;
      finish(true);
      return true;
    };
    const finish = (value: boolean) => {
      if (timer !== undefined) clearTimeout(timer);
      waiters.delete(waiter);
      resolve(value);
    };
    waiters.add(waiter);
  });
}

/** What a wait that ran out raises: EAGAIN on a non-blocking socket, ETIMEDOUT after a timeout. */
const ranOut = (waitMs: WaitMs) => (waitMs === 0 ? failure("EAGAIN", 11) : failure("ETIMEDOUT", 110));

function socketOf(id: number): HostSocket {
  const socket = sockets.get(id);
  if (socket === undefined || socket.closed) throw failure("EBADF", 9);
  return socket;
}

function connectionOf(id: number): HostSocket & { stream: net.Socket } {
  const socket = socketOf(id);
  if (socket.stream === null) throw failure("ENOTCONN", 107);
  return socket as HostSocket & { stream: net.Socket };
}

async function connect(id: number, host: string, portNumber: number, waitMs: WaitMs): Promise<null> {
  const socket = socketOf(id);
  if (socket.stream !== null) {
    // Connecting again tells how a non-blocking connect went, as lwip's connect does.
    if (socket.error !== null) throw socket.error;
    throw socket.connected ? failure("EISCONN", 106) : failure("EALREADY", 114);
  }
  // Half-open, as TCP is on a board: the peer's close ends reading, not writing.
  socket.adopt(net.connect({ host, port: portNumber, allowHalfOpen: true }), false);
  // A non-blocking connect goes on in the background, as lwip's does.
  if (waitMs === 0) throw failure("EINPROGRESS", 115);
  if (!(await waitUntil(() => socket.connected || socket.error !== null, waitMs))) throw ranOut(waitMs);
  if (socket.error !== null) throw socket.error;
  return null;
}

/** bind() listens at once (Node binds only to listen), so an address in use fails here, as on a board. */
async function bind(id: number, host: string, portNumber: number): Promise<null> {
  const socket = socketOf(id);
  if (socket.datagram !== null) return bindDatagram(socket.datagram, host, portNumber);
  if (socket.server !== null || socket.stream !== null) throw failure("EINVAL", 22);
  const server = net.createServer({ allowHalfOpen: true });
  socket.server = server;
  server.on("connection", (stream) => {
    socket.pending.push(stream);
    changed();
  });
  let error: Error | null = null;
  server.on("error", (e) => {
    error = e;
    changed();
  });
  server.on("listening", changed);
  server.listen({ host, port: portNumber, exclusive: true });
  await waitUntil(() => server.listening || error !== null, -1);
  if (error !== null) {
    socket.server = null;
    throw error;
  }
  return null;
}

async function bindDatagram(datagram: dgram.Socket, host: string, portNumber: number): Promise<null> {
  let bound = false;
  let error: Error | null = null;
  const failed = (e: Error) => {
    error = e;
    changed();
  };
  datagram.once("error", failed);
  datagram.bind({ address: host, port: portNumber, exclusive: true }, () => {
    bound = true;
    changed();
  });
  await waitUntil(() => bound || error !== null, -1);
  datagram.off("error", failed);
  if (error !== null) throw error;
  return null;
}

function datagramOf(id: number): HostSocket & { datagram: dgram.Socket } {
  const socket = socketOf(id);
  if (socket.datagram === null) throw failure("EOPNOTSUPP", 95);
  return socket as HostSocket & { datagram: dgram.Socket };
}

/** Sends one datagram (an unbound socket is bound to a free port first, as lwip does). */
async function sendto(id: number, data: Uint8Array, host: string, portNumber: number): Promise<number> {
  const { datagram } = datagramOf(id);
  await new Promise<void>((resolve, reject) => datagram.send(data, portNumber, host, (error) => (error ? reject(error) : resolve())));
  return data.length;
}

/** The next datagram, cut to `n` bytes (the rest is lost, as on a board), and its sender. */
async function recvfrom(id: number, n: number, waitMs: WaitMs): Promise<[Uint8Array, [string, number]]> {
  const socket = datagramOf(id);
  if (!(await waitUntil(() => socket.closed || socket.datagrams.length > 0, waitMs))) throw ranOut(waitMs);
  if (socket.closed) throw failure("EBADF", 9);
  const [data, host, sender] = socket.datagrams.shift()!;
  return [Uint8Array.from(data.subarray(0, Math.max(n, 0))), [host, sender]];
}

async function accept(id: number, waitMs: WaitMs): Promise<[number, [string, number]]> {
  const socket = socketOf(id);
  if (socket.server === null) throw failure("EINVAL", 22);
  if (!(await waitUntil(() => socket.pending.length > 0 || socket.closed, waitMs))) throw ranOut(waitMs);
  if (socket.closed) throw failure("EBADF", 9);
  const stream = socket.pending.shift()!;
  const accepted = new HostSocket();
  accepted.adopt(stream, true);
  const acceptedId = nextId++;
  sockets.set(acceptedId, accepted);
  return [acceptedId, [plainAddress(stream.remoteAddress), stream.remotePort ?? 0]];
}

/** IPv4 addresses as a board shows them ("127.0.0.1", not "::ffff:127.0.0.1"). */
const plainAddress = (address: string | undefined) => (address ?? "0.0.0.0").replace(/^::ffff:/, "");

function send(id: number, data: Uint8Array): number {
  const socket = connectionOf(id);
  if (socket.error !== null) throw socket.error;
  if (!socket.connected) throw failure("ENOTCONN", 107);
  if (socket.stream.writableEnded) throw failure("EPIPE", 32);
  socket.stream.write(data);
  return data.length;
}

/** How many buffered bytes `recv` in `mode` can take now; undefined while it must wait. */
function available(socket: HostSocket, n: number, mode: RecvMode, waitMs: WaitMs): number | undefined {
  const buffered = socket.received.length;
  const done = socket.ended || socket.error !== null;
  if (mode === "some") return buffered > 0 || done ? (n < 0 ? buffered : Math.min(n, buffered)) : undefined;
  if (mode === "line") {
    const newline = socket.received.indexOf(10);
    const line = newline < 0 ? undefined : newline + 1;
    const limit = n < 0 ? Infinity : n;
    if (line !== undefined) return Math.min(line, limit);
    // A non-blocking readline gives the part of the line that is there, as MicroPython's does.
    return buffered >= limit ? limit : done || (waitMs === 0 && buffered > 0) ? buffered : undefined;
  }
  if (n >= 0 && buffered >= n) return n;
  return done ? buffered : undefined;
}

async function recv(id: number, n: number, mode: RecvMode, waitMs: WaitMs): Promise<Uint8Array> {
  const socket = connectionOf(id);
  if (!(await waitUntil(() => socket.closed || available(socket, n, mode, waitMs) !== undefined, waitMs))) throw ranOut(waitMs);
  if (socket.closed) throw failure("EBADF", 9);
  const count = available(socket, n, mode, waitMs)!;
  if (count === 0 && socket.error !== null) throw socket.error;
  const taken = Uint8Array.from(socket.received.subarray(0, count));
  socket.received = socket.received.subarray(count);
  return taken;
}

function close(id: number): null {
  const socket = sockets.get(id);
  if (socket === undefined || socket.closed) return null;
  socket.closed = true;
  sockets.delete(id);
  socket.stream?.end(() => socket.stream?.destroy());
  socket.server?.close();
  socket.datagram?.close();
  for (const pending of socket.pending) pending.destroy();
  changed();
  return null;
}

async function poll(entries: Array<[number, number]>, waitMs: WaitMs): Promise<Array<[number, number]>> {
  // POLLERR and POLLHUP are reported whatever the mask asks for, as MicroPython's poll does.
  const ready = () =>
    entries
      .map(([id, mask]): [number, number] => {
        const socket = sockets.get(id);
        // A closed socket answers POLLNVAL, as the ESP32 port's does.
        return [id, socket === undefined ? POLLNVAL : socket.events() & (mask | POLLERR | POLLHUP)];
      })
      .filter(([, events]) => events !== 0);
  await waitUntil(() => ready().length > 0, waitMs);
  return ready();
}

function address(id: number, which: "peer" | "local"): [string, number] {
  const socket = socketOf(id);
  if (which === "local" && socket.server !== null) {
    const bound = socket.server.address();
    if (bound !== null && typeof bound === "object") return [plainAddress(bound.address), bound.port];
  }
  if (which === "local" && socket.datagram !== null) {
    const bound = socket.datagram.address();
    return [plainAddress(bound.address), bound.port];
  }
  const stream = socket.stream;
  if (stream === null || (which === "peer" && !socket.connected)) throw failure("ENOTCONN", 107);
  return which === "peer"
    ? [plainAddress(stream.remoteAddress), stream.remotePort ?? 0]
    : [plainAddress(stream.localAddress), stream.localPort ?? 0];
}

async function perform(request: SocketRequest): Promise<unknown> {
  switch (request.op) {
    case "create": {
      const id = nextId++;
      sockets.set(id, request.kind === "udp" ? datagramSocket() : new HostSocket());
      return id;
    }
    case "connect":
      return connect(request.id, request.host, request.port, request.waitMs);
    case "bind":
      return bind(request.id, request.host, request.port);
    case "accept":
      return accept(request.id, request.waitMs);
    case "send":
      return send(request.id, request.data);
    case "recv":
      return recv(request.id, request.n, request.mode, request.waitMs);
    case "sendto":
      return sendto(request.id, request.data, request.host, request.port);
    case "recvfrom":
      return recvfrom(request.id, request.n, request.waitMs);
    case "close":
      return close(request.id);
    case "poll":
      return poll(request.entries, request.waitMs);
    case "address":
      return address(request.id, request.which);
    case "lookup":
      return (await lookup(request.host, { family: 4 })).address;
  }
}

function answer(reply: SocketReply): void {
  port.postMessage(reply);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}

port.on("message", (request: SocketRequest) => {
  perform(request).then(
    (value) => answer({ seq: request.seq, ok: true, value }),
    (error: unknown) => {
      const { errno, code } = error instanceof SocketFailure ? error : error instanceof Error ? errnoOf(error) : { errno: 5, code: "EIO" };
      answer({ seq: request.seq, ok: false, errno, code });
    },
  );
});
