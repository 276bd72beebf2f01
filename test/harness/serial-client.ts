import { SerialPort } from "serialport";

/**
 * A bare serial client for talking to the virtual board byte by byte: what a host tool sees,
 * with nothing of tsmp's own board client in between.
 */
export class SerialClient {
  private received = Buffer.alloc(0);
  private waiters: Array<() => void> = [];
  closed = false;

  private constructor(readonly port: SerialPort) {
    port.on("data", (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      for (const wake of this.waiters.splice(0)) wake();
    });
    port.on("close", () => {
      this.closed = true;
      for (const wake of this.waiters.splice(0)) wake();
    });
    port.on("error", () => undefined);
  }

  static async open(path: string): Promise<SerialClient> {
    const port = new SerialPort({ path, baudRate: 115200, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    return new SerialClient(port);
  }

  write(data: string | Uint8Array): void {
    this.port.write(typeof data === "string" ? Buffer.from(data, "utf8") : Buffer.from(data));
  }

  /** Everything received since the last read, once it ends with `ending` (as latin1 text). */
  async readUntil(ending: string, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.received.toString("latin1");
      const at = text.indexOf(ending);
      if (at >= 0) {
        this.received = this.received.subarray(at + ending.length);
        return text.slice(0, at + ending.length);
      }
      if (this.closed) throw new Error(`port closed while waiting for ${JSON.stringify(ending)}; got ${JSON.stringify(text)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${JSON.stringify(ending)}; got ${JSON.stringify(text)}`);
      await this.nextData(left);
    }
  }

  private nextData(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** Reads exactly `count` bytes. */
  async readBytes(count: number, timeoutMs = 30_000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      const left = deadline - Date.now();
      if (this.closed || left <= 0) throw new Error(`wanted ${count} bytes, got ${JSON.stringify(this.received.toString("latin1"))}`);
      await this.nextData(left);
    }
    const bytes = this.received.subarray(0, count);
    this.received = this.received.subarray(count);
    return bytes;
  }

  /** Drops whatever arrived so far (what mpremote does before entering the raw REPL). */
  discard(): void {
    this.received = Buffer.alloc(0);
  }

  /** Interrupts whatever runs and enters the raw REPL, as mpremote does. */
  async enterRawRepl(): Promise<void> {
    this.write("\r\x03");
    await new Promise((resolve) => setTimeout(resolve, 50));
    this.discard();
    this.write("\r\x01");
    await this.readUntil("raw REPL; CTRL-B to exit\r\n>");
  }

  /** Runs code in the raw REPL: the board's stdout and stderr parts. */
  async execRaw(code: string): Promise<{ stdout: string; stderr: string }> {
    this.write(code);
    this.write("\x04");
    await this.readUntil("OK");
    const stdout = (await this.readUntil("\x04")).slice(0, -1);
    const stderr = (await this.readUntil("\x04")).slice(0, -1);
    await this.readUntil(">");
    return { stdout, stderr };
  }

  async close(): Promise<void> {
    if (!this.port.isOpen) return;
    await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }
}
