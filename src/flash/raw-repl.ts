import { TsmpError } from "../errors.js";
import { ReadTimeout, type ByteLink } from "./byte-link.js";

/** Nothing that behaves like a MicroPython REPL answered on the port. */
export class BoardNotResponding extends TsmpError {}

/** The board broke the raw-REPL protocol mid-exchange (noise, a reset, a different program). */
export class ProtocolError extends TsmpError {
  constructor(message: string) {
    super(`${message}; if this repeats, check the cable and the baud rate`);
  }
}

/** Code sent to the board raised; `stderr` holds MicroPython's traceback. */
export class BoardExecError extends TsmpError {
  constructor(
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(stderr.trim().split("\n").at(-1) ?? "the board reported an error");
  }
}

export interface ExecOptions {
  /** Receives stdout bytes as the board prints them; streamed output is not kept (returned empty). */
  onStdout?: (bytes: Buffer) => void;
  onStderr?: (bytes: Buffer) => void;
  /** Fail when the board is silent this long while running the code; undefined waits forever. */
  idleTimeoutMs?: number;
  /** Fail when kept stdout grows past this many bytes (a board that keeps printing). */
  maxOutputBytes?: number;
}

/** The most stdout one command's answer may hold: a 4 MiB board file read back as base64 fits. */
const MAX_ANSWER_BYTES = 6 * 1024 * 1024;
/** Of a traceback only the end matters; a board printing errors forever keeps only this much. */
const MAX_STDERR_BYTES = 64 * 1024;

export interface ExecResult {
  stdout: Buffer;
  stderr: Buffer;
}

const CTRL_A = "\x01";
const CTRL_B = "\x02";
const CTRL_C = "\x03";
const CTRL_D = "\x04";
const RAW_BANNER = "raw REPL; CTRL-B to exit\r\n";
const SOFT_REBOOT = "soft reboot\r\n";

/** Fallback pacing from mpremote: 256 bytes per 10 ms fits any board's UART buffer. */
const RAW_WRITE_CHUNK = 256;
const RAW_WRITE_PAUSE_MS = 10;

/**
 * MicroPython's raw REPL over a byte link (the protocol in shared/runtime/pyexec.c): enter and
 * leave it, execute code with stdout and stderr apart, prefer raw-paste with its flow control
 * and fall back to paced raw writes on boards that refuse it, and soft-reset.
 */
export class RawRepl {
  private rawPasteSupported: boolean | undefined;
  private inRawRepl = false;
  /** Whether the raw prompt `>` has already been read (it is read before sending code). */
  private atPrompt = false;
  /** Increments on every soft reset so callers can tell when board-side state was wiped. */
  resetCount = 0;

  constructor(
    readonly transport: ByteLink,
    private readonly options: { attempts?: number; answerTimeoutMs?: number } = {},
  ) {}

  get isInRawRepl(): boolean {
    return this.inRawRepl;
  }

  get usesRawPaste(): boolean | undefined {
    return this.rawPasteSupported;
  }

  /**
   * Stops whatever the board is running and enters the raw REPL. A busy `while True` main.py
   * may swallow one Ctrl-C (inside a try, mid-sleep, or while printing), so this retries,
   * draining the program's output between attempts.
   */
  async enter(): Promise<void> {
    const attempts = this.options.attempts ?? 3;
    const answerTimeoutMs = this.options.answerTimeoutMs ?? 1000;
    const seen: Buffer[] = [];
    for (let attempt = 0; attempt < attempts; attempt++) {
      await this.transport.write(`\r${CTRL_C}${CTRL_C}`);
      seen.push(await this.transport.readUntilQuiet(attempt === 0 ? 50 : 200, 1000));
      await this.transport.write(`\r${CTRL_A}`);
      try {
        const banner = await this.transport.readUntil(RAW_BANNER, {
          idleTimeoutMs: answerTimeoutMs,
          deadline: Date.now() + 3 * answerTimeoutMs,
        });
        // Output of the interrupted program can still trail in (a board that restarted replays
        // what it was sent): only a line that has gone quiet on the raw prompt is trusted.
        const settled = Buffer.concat([banner, await this.transport.readUntilQuiet(30, 1000)]).toString("latin1");
        if (settled.endsWith(RAW_BANNER) || settled.endsWith(`${RAW_BANNER}>`)) {
          this.inRawRepl = true;
          this.atPrompt = settled.endsWith(">");
          return;
        }
        seen.push(Buffer.from(settled, "latin1"));
      } catch (error) {
        if (!(error instanceof ReadTimeout)) throw error;
        seen.push(error.received);
      }
    }
    throw new BoardNotResponding(describeSilence(this.transport.path, Buffer.concat(seen)));
  }

  /** Back to the friendly REPL (`>>>`), as a user at a terminal expects to find the board. */
  async exit(): Promise<void> {
    await this.transport.write(`\r${CTRL_B}`);
    this.inRawRepl = false;
  }

  /** Runs code and returns its output; throws BoardExecError when it raised. */
  async execOrThrow(code: string, options: ExecOptions = {}): Promise<string> {
    const { stdout, stderr } = await this.exec(code, { idleTimeoutMs: 10_000, ...options });
    if (stderr.length > 0) throw new BoardExecError(stdout.toString("utf8"), stderr.toString("utf8"));
    return stdout.toString("utf8");
  }

  async exec(code: string | Uint8Array, options: ExecOptions = {}): Promise<ExecResult> {
    await this.send(typeof code === "string" ? Buffer.from(code, "utf8") : Buffer.from(code));
    return this.follow(options);
  }

  /** Sends code and returns once the board has started running it; follow() reads its output. */
  private async send(code: Buffer): Promise<void> {
    await this.waitForPrompt();
    if (this.rawPasteSupported !== false) {
      await this.transport.write(`\x05A${CTRL_A}`);
      const answer = await this.transport.readExactly(2, this.answerWait());
      if (answer.toString("latin1") === "R\x01") {
        this.rawPasteSupported = true;
        await this.rawPasteWrite(code);
        return;
      }
      this.rawPasteSupported = false;
      if (answer.toString("latin1") !== "R\x00") {
        // Firmware older than 1.13 took \x05A into its line buffer and \x01 re-printed the banner.
        await this.readExpected(`w REPL; CTRL-B to exit\r\n>`, "the raw REPL banner");
      }
    }
    await this.pacedRawWrite(code);
  }

  /**
   * Collects the output of the code just sent: stdout, \x04, stderr, \x04. Memory stays bounded
   * whatever the board sends: streamed stdout is not kept, kept stdout has a ceiling, and only
   * the end of stderr is kept.
   */
  async follow(options: ExecOptions = {}): Promise<ExecResult> {
    const read = { idleTimeoutMs: options.idleTimeoutMs };
    const maxOutput = options.maxOutputBytes ?? MAX_ANSWER_BYTES;
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = Buffer.alloc(0);
    const keepStdout = (bytes: Buffer): void => {
      if (options.onStdout) return options.onStdout(bytes);
      stdoutBytes += bytes.length;
      if (stdoutBytes > maxOutput) {
        throw new ProtocolError(
          `the board on ${this.transport.path} sent more than ${Math.round(maxOutput / 1024)} KiB in answer to one command; something on it keeps printing`,
        );
      }
      stdout.push(bytes);
    };
    const keepStderr = (bytes: Buffer): void => {
      options.onStderr?.(bytes);
      stderr = Buffer.concat([stderr, bytes]);
      if (stderr.length > MAX_STDERR_BYTES) stderr = stderr.subarray(stderr.length - MAX_STDERR_BYTES);
    };
    try {
      await this.transport.streamUntil(0x04, keepStdout, read);
      await this.transport.streamUntil(0x04, keepStderr, read);
    } catch (error) {
      if (error instanceof ReadTimeout) {
        throw new BoardNotResponding(`the board on ${this.transport.path} stopped answering while running code`);
      }
      throw error;
    }
    return { stdout: Buffer.concat(stdout), stderr };
  }

  /** Interrupts the running code (a user's Ctrl-C); its KeyboardInterrupt ends follow(). */
  async interrupt(): Promise<void> {
    await this.transport.write(CTRL_C);
  }

  /**
   * Soft-resets into a clean interpreter without running main.py (the raw REPL skips it),
   * and waits until the board is back at the raw REPL.
   */
  async softReset(): Promise<void> {
    await this.waitForPrompt();
    await this.transport.write(CTRL_D);
    await this.readExpected(SOFT_REBOOT, "the soft reboot", 10_000);
    await this.readExpected(RAW_BANNER, "the raw REPL after the soft reboot", 10_000);
    this.resetCount++;
  }

  /**
   * Soft-resets from the friendly REPL so the board runs boot.py and main.py, as after power-up.
   * Resolves once the board has announced the reboot; its output follows on the transport.
   */
  async resetAndRun(): Promise<void> {
    if (this.inRawRepl) {
      await this.exit();
      await this.readExpected(">>> ", "the friendly REPL prompt");
    }
    await this.transport.write(CTRL_D);
    await this.readExpected(SOFT_REBOOT, "the soft reboot", 10_000);
    this.resetCount++;
  }

  /**
   * `machine.reset()`: the board restarts as at power-up (boot.py, then main.py). A USB board's
   * port vanishes meanwhile, so its answer is not waited for; the REPL state starts afresh.
   */
  async hardReset(): Promise<void> {
    await this.send(Buffer.from("import machine\nmachine.reset()\n"));
    this.inRawRepl = false;
    this.atPrompt = false;
    this.resetCount++;
  }

  private async waitForPrompt(): Promise<void> {
    if (!this.inRawRepl) await this.enter();
    if (!this.atPrompt) await this.readExpected(">", "the raw REPL prompt");
    this.atPrompt = false;
  }

  private answerWait() {
    const ms = this.options.answerTimeoutMs ?? 1000;
    return { idleTimeoutMs: ms * 5 };
  }

  private async readExpected(marker: string, what: string, timeoutMs?: number): Promise<Buffer> {
    const idleTimeoutMs = timeoutMs ?? (this.options.answerTimeoutMs ?? 1000) * 5;
    try {
      // A deadline as well: a board that babbles never goes idle, and must not be waited on for ever.
      return await this.transport.readUntil(marker, { idleTimeoutMs, deadline: Date.now() + 2 * idleTimeoutMs });
    } catch (error) {
      if (error instanceof ReadTimeout) {
        throw new ProtocolError(`the board on ${this.transport.path} did not send ${what} (got ${preview(error.received)})`);
      }
      throw error;
    }
  }

  /**
   * Raw-paste: the board grants a window of bytes and sends \x01 each time it has consumed one
   * more, so the host streams at wire speed without ever overrunning the board's buffer.
   */
  private async rawPasteWrite(code: Buffer): Promise<void> {
    const window = (await this.transport.readExactly(2, this.answerWait())).readUInt16LE(0);
    let windowRemaining = window;
    let offset = 0;
    // The closing \x04 also waits for room in the window: a board whose receive buffer is just the
    // window would otherwise drop it when it lands right behind a full window of code.
    for (;;) {
      while (windowRemaining === 0 || this.transport.pending > 0) {
        const signal = (await this.transport.readExactly(1, this.answerWait()))[0];
        if (signal === 0x01) {
          windowRemaining += window;
        } else if (signal === 0x04) {
          // The board stopped reading early (a syntax error): acknowledge; the error follows.
          await this.transport.write(CTRL_D);
          return;
        } else {
          throw new ProtocolError(`unexpected byte 0x${signal!.toString(16)} from the board during raw-paste`);
        }
      }
      if (offset >= code.length) break;
      const piece = code.subarray(offset, offset + windowRemaining);
      await this.transport.write(piece);
      offset += piece.length;
      windowRemaining -= piece.length;
    }
    await this.transport.write(CTRL_D);
    await this.readExpected(CTRL_D, "the end of raw-paste");
  }

  private async pacedRawWrite(code: Buffer): Promise<void> {
    for (let offset = 0; offset < code.length; offset += RAW_WRITE_CHUNK) {
      await this.transport.write(code.subarray(offset, offset + RAW_WRITE_CHUNK));
      await new Promise((resolvePause) => setTimeout(resolvePause, RAW_WRITE_PAUSE_MS));
    }
    await this.transport.write(CTRL_D);
    const answer = await this.transport.readExactly(2, this.answerWait()).catch((error: unknown) => {
      if (error instanceof ReadTimeout) return error.received;
      throw error;
    });
    if (answer.toString("latin1") !== "OK") {
      throw new ProtocolError(`the board did not accept the code (answered ${preview(answer)})`);
    }
  }
}

function describeSilence(path: string, received: Buffer): string {
  const text = received
    .toString("latin1")
    .replace(/[\r\n]+/g, " ")
    .trim();
  if (text.length === 0) {
    return `no MicroPython board answered on ${path} (nothing came back; is MicroPython running on it, and is the baud rate right?)`;
  }
  return `the device on ${path} does not answer like a MicroPython REPL (it sent ${preview(received)}); is MicroPython flashed on it?`;
}

function preview(bytes: Buffer): string {
  if (bytes.length === 0) return "nothing";
  const text = JSON.stringify(bytes.subarray(-60).toString("latin1"));
  return bytes.length > 60 ? `…${text}` : text;
}
