import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { SocketOperation, SocketReply } from "./socket-host-protocol.js";

/** A socket call failed with MicroPython's errno (`code` is its name: "ECONNREFUSED"). */
export class SocketCallFailed extends Error {
  constructor(
    readonly errno: number,
    readonly code: string,
  ) {
    super(code);
    this.name = "SocketCallFailed";
  }
}

/** The wait was cut short by Ctrl-C (or a run's time limit); the caller raises KeyboardInterrupt. */
export class SocketWaitInterrupted extends Error {}

/** How often a waiting call looks whether it has been interrupted. */
const INTERRUPT_CHECK_MS = 20;

/**
 * The sockets of one simulated board, held by a worker thread (socket-host-worker.ts) and
 * called synchronously, as MicroPython's socket calls are: each call waits until the worker has
 * answered. The worker starts on the first call and does not keep the process alive; `close()`
 * ends it, and with it every socket the program left open.
 */
export class HostSockets {
  private worker: Worker | null = null;
  private port: MessagePort | null = null;
  private counter = new Int32Array(new SharedArrayBuffer(4));
  private seq = 0;

  /** `interrupted()` is asked while a call waits; true abandons the wait. */
  constructor(private readonly interrupted: () => boolean = () => false) {}

  /** Performs one socket operation; throws SocketCallFailed with the board's errno. */
  call<T>(operation: SocketOperation): T {
    const port = this.start();
    const seq = ++this.seq;
    port.postMessage({ ...operation, seq });
    for (;;) {
      const seen = Atomics.load(this.counter, 0);
      const received = receiveMessageOnPort(port);
      if (received !== undefined) {
        const reply = received.message as SocketReply;
        // An answer to a call abandoned by an interrupt arrives late: it is nobody's any more.
        if (reply.seq !== seq) continue;
        if (!reply.ok) throw new SocketCallFailed(reply.errno, reply.code);
        return reply.value as T;
      }
      if (this.interrupted()) throw new SocketWaitInterrupted();
      Atomics.wait(this.counter, 0, seen, INTERRUPT_CHECK_MS);
    }
  }

  /** Whether any socket was ever opened (the worker has started). */
  get started(): boolean {
    return this.worker !== null;
  }

  /** Ends the worker, closing every socket still open. */
  close(): void {
    this.port?.close();
    void this.worker?.terminate();
    this.worker = null;
    this.port = null;
  }

  private start(): MessagePort {
    if (this.port !== null) return this.port;
    const { port1, port2 } = new MessageChannel();
    this.worker = spawnSocketHost({ port: port2, answered: this.counter.buffer as SharedArrayBuffer }, [port2]);
    this.worker.unref();
    this.port = port1;
    return port1;
  }
}

function spawnSocketHost(workerData: { port: MessagePort; answered: SharedArrayBuffer }, transferList: MessagePort[]): Worker {
  const here = import.meta.url;
  if (here.endsWith(".ts")) {
    // Running from source (vitest, tsx): the worker needs tsx's loader to import TypeScript.
    const tsx = import.meta.resolve("tsx/esm/api");
    const entry = new URL("./socket-host-worker.ts", here).href;
    const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(bootstrap, { eval: true, workerData, transferList });
  }
  return new Worker(new URL("./socket-host-worker.js", here), { workerData, transferList });
}
