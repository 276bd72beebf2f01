import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";
import { SerialPort } from "serialport";
import { TsmpError } from "../../errors.js";
import type { ByteLink } from "../../flash/byte-link.js";
import { flipByte, lineNoise, receivedCorruption, type RenameFault, type VirtualBoardFaults } from "./faults.js";
import { MemoryLink } from "./memory-link.js";
import { PacedChannel } from "./paced-channel.js";
import { PtyLink } from "../pty-link.js";
import { repairSerialPolling } from "../../flash/serial-polling.js";
import { ResetCause } from "../../devices/reset-cause.js";
import { SharedRunState, type RunContext } from "./run-state.js";
import type { BoardWorkerData, FromBoard, PowerOnMessage, ToBoard } from "./worker-messages.js";

export interface VirtualBoardOptions {
  /** Where the pty a client opens appears (a symlink); a temporary path by default. */
  link?: string;
  /** Emulate a UART at this baud rate in both directions (baud/10 bytes per second). */
  baud?: number;
  /** The flash's initial files, by path from the board's root ("main.py", "lib/util.py"). */
  files?: Record<string, string | Uint8Array>;
  faults?: VirtualBoardFaults;
  /**
   * How the host reaches the board: a pty a serial client opens at `portPath` (the default), or
   * "memory", a link from openLink() straight into the firmware, for protocol tests without socat;
   * or a wire to another simulated part, connected from power-on: the board's output goes to its
   * `transmit`, and receive() feeds the board's input (the virtual ESP32 runs its app this way).
   */
  cable?: "pty" | "memory" | BoardWire;
  /**
   * What the chip prints as it comes out of a hard reset (machine.reset, watchdog, deep sleep),
   * by machine.reset_cause() value: an ESP32's ROM boot lines. Nothing by default, as on boards
   * whose USB serial restarts with them.
   */
  resetBanners?: Partial<Record<number, string>>;
}

/** A UART wired straight to another simulated part. */
export interface BoardWire {
  transmit(bytes: Uint8Array): void;
}

/** The board's end of its cable: where its UART transmits to. */
interface BoardEnd {
  /** Sends bytes to the host and calls `sent` once they left the board. */
  transmit(bytes: Uint8Array, sent: () => void): void;
  close(): Promise<void>;
}

export class VirtualBoardError extends TsmpError {}

/** A board's raw-paste window with the default 256-byte stdin buffer (pyexec.c). */
const RAW_PASTE_WINDOW = 128;
/**
 * How long Python may ignore a Ctrl-C (a loop that never sleeps or prints) before the board is
 * restarted. Measured at load 14–16 on 2 cores: a sleeping loop takes Ctrl-C within 7 ms, a
 * printing one within 27 ms, one computing 50 ms between prints within 121 ms, and a long call
 * with no check inside (compiling 24 KB of code) lasts up to 130 ms. Well above those, so a
 * program that would take the KeyboardInterrupt (and run its `finally`) gets to; well below the
 * second within which tsmp's and mpremote's raw-REPL entry expect the banner after their Ctrl-A.
 */
const FORCED_STOP_AFTER_MS = 500;
/** How long the board's output may stand still before the board decides nobody reads it. */
const OUTPUT_STALL_MS = 250;
const CTRL_C = 0x03;
/** How long start() waits for boot.py to finish. */
const BOOT_WAIT_MS = 10_000;

/**
 * A MicroPython board on a pty (or an in-memory cable), backed by the real MicroPython VM:
 * friendly and raw REPL, raw-paste with flow control, soft reset, a flash that survives resets,
 * boot.py and main.py, Ctrl-C for running programs, optional baud pacing and test faults.
 * Works with mpremote.
 *
 * The VM runs in a worker thread (the board's CPU) so Python that runs synchronously never
 * blocks this thread, which plays the UART: it moves bytes between the cable and the board and
 * turns Ctrl-C into a KeyboardInterrupt while Python runs.
 */
export class VirtualBoard {
  private readonly files = new Map<string, Uint8Array>();
  private dirs: string[] = [];
  /** The failRename fault, until a power cut it caused has struck. */
  private renameFault: RenameFault | undefined;
  private rawRepl = false;
  private readonly runState = new SharedRunState();
  private worker!: Worker;
  private toBoardPort!: MessagePort;
  /** The next board's CPU, standing by so that a forced stop or a reset takes milliseconds. */
  private spare: SpareWorker | undefined;
  private boardEnd: BoardEnd | undefined;
  /** With the in-memory cable, the host's end that is open now. */
  private memoryLink: MemoryLink | undefined;
  private toBoard!: PacedChannel;
  private toHost!: PacedChannel;
  private received = 0;
  private forcedStopTimer: NodeJS.Timeout | undefined;
  /** Input that reached a board stuck after Ctrl-C; a restarted board gets it again. */
  private inputSinceInterrupt: Uint8Array[] = [];
  private readonly syncWaiters = new Map<number, () => void>();
  private nextSyncId = 0;
  private stopped = false;
  private noise: ((bytes: Uint8Array) => Uint8Array) | undefined;
  private corruptReceived: ((bytes: Uint8Array) => Uint8Array) | undefined;
  private dropAfterBytes: number | undefined;
  private slowMs: number | undefined;
  private flipAt: number | undefined;
  private delayedFaults: { noise: ((bytes: Uint8Array) => Uint8Array) | undefined; slowMs: number | undefined; at: number } | undefined;
  private announceDrop!: () => void;
  /** Resolves when the `dropAfterBytes` fault unplugs the cable. */
  readonly linkDropped: Promise<void> = new Promise((resolve) => (this.announceDrop = resolve));
  private announcePowerBack!: () => void;
  /** Resolves when a board the `failRename` fault's `cutPower` switched off is up and plugged in again. */
  readonly poweredBackOn: Promise<void> = new Promise((resolve) => (this.announcePowerBack = resolve));

  private rebootWaiters: Array<(cause: number) => void> = [];

  private constructor(
    private readonly options: VirtualBoardOptions,
    private readonly tempDir: string,
    readonly portPath: string,
  ) {
    this.applyFaults(options.faults ?? {});
    this.renameFault = options.faults?.failRename;
    for (const [path, content] of Object.entries(options.files ?? {})) {
      this.files.set(boardPath(path), typeof content === "string" ? new TextEncoder().encode(content) : content);
    }
  }

  static async start(options: VirtualBoardOptions = {}): Promise<VirtualBoard> {
    if (options.baud !== undefined && !(Number.isInteger(options.baud) && options.baud > 0)) {
      throw new VirtualBoardError(`baud rate must be a positive whole number, not ${options.baud}`);
    }
    const tempDir = mkdtempSync(join(tmpdir(), "tsmp-virtual-board-"));
    const portPath =
      typeof options.cable === "object"
        ? "virtual-board:wire"
        : options.cable === "memory"
          ? "virtual-board:memory"
          : (options.link ?? join(tempDir, "board"));
    const board = new VirtualBoard(options, tempDir, portPath);
    try {
      const up = board.startWorker();
      // The first spare boots alongside the board, so that a host that sends Ctrl-C as soon as
      // the board is up (tsmp flash, mpremote) finds it ready should the program ignore it.
      const spareReady = board.standBySpare();
      await board.plugIn();
      await up;
      await spareReady;
    } catch (error) {
      await board.stop();
      throw error;
    }
    return board;
  }

  /**
   * Resolves with machine.reset_cause() once the board is up again after its next hard reset
   * (machine.reset, the watchdog, deep sleep). A tool that resets the board and talks to it at
   * once may otherwise stop the reset with its Ctrl-C, as with a real board that stays attached.
   */
  nextHardReset(): Promise<number> {
    return new Promise((resolve) => this.rebootWaiters.push(resolve));
  }

  /** A file on the board's flash as it is now ("/main.py" or "main.py"). */
  async readFile(path: string): Promise<Uint8Array> {
    await this.syncFromBoard();
    const content = this.files.get(boardPath(path));
    if (!content) throw new VirtualBoardError(`no file ${boardPath(path)} on the virtual board`);
    return content;
  }

  /** Every file on the board's flash, sorted ("/lib/util.py", "/main.py"). */
  async listFiles(): Promise<string[]> {
    await this.syncFromBoard();
    return [...this.files.keys()].sort();
  }

  /**
   * Opens the host's end of the in-memory cable (`cable: "memory"`), like opening the pty: a
   * link opened earlier stops receiving.
   */
  openLink(): ByteLink {
    if (this.options.cable !== "memory") throw new VirtualBoardError('openLink() needs a virtual board started with cable: "memory"');
    if (!this.boardEnd) throw new VirtualBoardError("the virtual board's cable is unplugged");
    void this.memoryLink?.close();
    this.memoryLink = new MemoryLink(this.portPath, (bytes) => this.toBoard.push(bytes));
    return this.memoryLink;
  }

  /** Bytes arriving on the board's UART over a `BoardWire` cable. */
  receive(bytes: Uint8Array): void {
    if (typeof this.options.cable !== "object")
      throw new VirtualBoardError("receive() needs a virtual board wired with cable: { transmit }");
    this.toBoard?.push(bytes);
  }

  /**
   * Changes the cable's faults from now on (`dropAfterBytes` counts from here; `{}` heals it),
   * so a test can set a board up cleanly and then fault one step. `refuseRawPaste` is fixed at start.
   */
  setFaults(faults: Omit<VirtualBoardFaults, "refuseRawPaste" | "failRename">): void {
    this.applyFaults(faults);
  }

  private applyFaults(faults: VirtualBoardFaults): void {
    const from = this.received;
    this.corruptReceived = faults.corruptReceived ? receivedCorruption(faults.corruptReceived) : undefined;
    this.dropAfterBytes = faults.dropAfterBytes === undefined ? undefined : from + faults.dropAfterBytes;
    this.flipAt = faults.flipByteAt === undefined ? undefined : from + faults.flipByteAt;
    this.delayedFaults = {
      noise: faults.noise ? lineNoise(faults.noise) : undefined,
      slowMs: faults.slowMs,
      at: from + (faults.startAfterBytes ?? 0),
    };
    this.noise = undefined;
    this.slowMs = undefined;
    this.toHost?.setDelay(0);
    this.armDelayedFaults();
  }

  /** noise and slowMs begin once the board has received `startAfterBytes`. */
  private armDelayedFaults(): void {
    const delayed = this.delayedFaults;
    if (!delayed || this.received < delayed.at) return;
    this.delayedFaults = undefined;
    this.noise = delayed.noise;
    this.slowMs = delayed.slowMs;
    this.toHost?.setDelay(delayed.slowMs ?? 0);
  }

  /** Plugs the cable back in after the `dropAfterBytes` fault; the board kept running meanwhile. */
  async replug(): Promise<void> {
    if (this.boardEnd || this.stopped) return;
    await this.plugIn();
  }

  /**
   * Presses the board's reset button: the chip restarts from its flash (boot.py, main.py) with
   * machine.reset_cause() HARD_RESET, whatever Python was doing, Ctrl-C ignored or not. The
   * serial port stays, as a USB-to-UART bridge's does. Resolves once the board is up again.
   */
  async pressReset(): Promise<void> {
    if (this.stopped) return;
    clearTimeout(this.forcedStopTimer);
    this.forcedStopTimer = undefined;
    await this.worker.terminate();
    this.runState.endRun();
    this.rawRepl = false;
    await this.startWorker(undefined, ResetCause.HARD_RESET);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.forcedStopTimer);
    await this.unplug();
    await this.worker?.terminate();
    this.toBoardPort?.close();
    await this.dropSpare();
    rmSync(this.tempDir, { recursive: true, force: true });
  }

  private async plugIn(): Promise<void> {
    const cable = this.options.cable;
    this.boardEnd = typeof cable === "object" ? wireEnd(cable) : cable === "memory" ? this.memoryEnd() : await this.ptyEnd();
    const baud = this.options.baud;
    this.toBoard = new PacedChannel((bytes) => this.boardReceives(bytes), { baud });
    this.toHost = new PacedChannel((bytes) => this.hostReceives(bytes), { baud, delayMs: this.slowMs });
  }

  /** A pty (socat) whose other end a serial client opens at `portPath`. */
  private async ptyEnd(): Promise<BoardEnd> {
    const link = await PtyLink.open(this.portPath, join(this.tempDir, "board-side"));
    repairSerialPolling();
    const port = new SerialPort({ path: link.boardPath, baudRate: this.options.baud ?? 115200, autoOpen: false });
    try {
      await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    } catch (error) {
      await link.close();
      throw new VirtualBoardError(`could not open the board side of the pty: ${(error as Error).message}`);
    }
    // Errors here mean the link went away, which unplug() handles.
    port.on("error", () => undefined);
    port.on("data", (chunk: Buffer) => this.toBoard.push(new Uint8Array(chunk)));
    return {
      transmit: (bytes, sent) => port.write(Buffer.from(bytes), sent),
      close: async () => {
        if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
        await link.close();
      },
    };
  }

  /** The in-memory cable: output goes to the link openLink() handed out last. */
  private memoryEnd(): BoardEnd {
    return {
      transmit: (bytes, sent) => {
        this.memoryLink?.boardSent(bytes);
        sent();
      },
      close: async () => {
        this.memoryLink?.unplugged();
        this.memoryLink = undefined;
      },
    };
  }

  private async unplug(): Promise<void> {
    this.toBoard?.close();
    this.toHost?.close();
    this.runState.clearUnsent();
    const boardEnd = this.boardEnd;
    this.boardEnd = undefined;
    await boardEnd?.close();
  }

  /** Bytes leave the UART's receive side into the board, in order. */
  private boardReceives(bytes: Uint8Array): void {
    const dropAfter = this.dropAfterBytes;
    let dropNow = false;
    if (dropAfter !== undefined && this.received + bytes.length >= dropAfter) {
      bytes = bytes.subarray(0, Math.max(0, dropAfter - this.received));
      dropNow = true;
    }
    if (this.flipAt !== undefined) bytes = flipByte(bytes, this.received, this.flipAt);
    this.received += bytes.length;
    this.armDelayedFaults();
    if (this.corruptReceived) bytes = this.corruptReceived(bytes);
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
      // A board's UART interrupt handler swallows Ctrl-C while Python runs and raises KeyboardInterrupt.
      if (bytes[i] === CTRL_C && this.runState.requestInterrupt()) {
        this.sendInput(bytes.subarray(start, i));
        start = i + 1;
        this.watchInterrupt();
      }
    }
    this.sendInput(bytes.subarray(start));
    if (dropNow && this.boardEnd) {
      // One-shot: after a replug the cable works again.
      this.dropAfterBytes = undefined;
      void this.unplug().then(this.announceDrop);
    }
  }

  private sendInput(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    const copy = bytes.slice();
    if (this.forcedStopTimer) this.inputSinceInterrupt.push(copy);
    this.post({ type: "input", bytes: copy });
  }

  /** What the board transmits reaches the host's end of the pty. */
  private hostReceives(bytes: Uint8Array): void {
    const boardEnd = this.boardEnd;
    if (!boardEnd) {
      this.runState.markSent(bytes.length);
      return;
    }
    const sent = this.noise ? this.noise(bytes) : bytes;
    boardEnd.transmit(sent, () => {
      if (this.boardEnd === boardEnd) this.runState.markSent(bytes.length);
    });
  }

  /**
   * Python picks up Ctrl-C when it sleeps, prints or touches a pin. A loop that does none of
   * these never would: like pressing reset, the board then restarts with the same flash and
   * reports the KeyboardInterrupt the program would have raised.
   */
  private watchInterrupt(): void {
    if (this.forcedStopTimer) return;
    this.inputSinceInterrupt = [];
    this.forcedStopTimer = setTimeout(() => {
      this.forcedStopTimer = undefined;
      const replay = this.inputSinceInterrupt;
      this.inputSinceInterrupt = [];
      if (this.runState.interruptPending && !this.stopped) void this.restartAfterInterrupt(this.runState.context, replay);
    }, FORCED_STOP_AFTER_MS);
  }

  private async restartAfterInterrupt(context: RunContext, replay: Uint8Array[]): Promise<void> {
    await this.worker.terminate();
    if (this.stopped) return;
    this.runState.endRun();
    await this.startWorker(context);
    for (const bytes of replay) this.post({ type: "input", bytes });
  }

  /** After a power cut the board boots from its flash as a fresh one would (boot.py, main.py). */
  private async powerOnAgain(): Promise<void> {
    // A USB board's serial port goes with its power: the host's end is lost, as after a reset.
    await this.unplug();
    await this.worker.terminate();
    if (this.stopped) return;
    this.runState.endRun();
    this.rawRepl = false;
    // The fault struck once; the board that comes back renames normally.
    this.renameFault = undefined;
    await this.startWorker();
    await this.plugIn();
    this.announcePowerBack();
  }

  /**
   * Switches the next board's CPU on (the spare standing by, or a new one); resolves once the
   * board is up (runs main.py or shows a prompt).
   */
  private startWorker(interruptedIn?: RunContext, resetCause?: number): Promise<void> {
    // A spare that failed while standing by is dead; a new one reports why if it fails too.
    const spare = this.spare && !this.spare.failed ? this.spare : this.spawnSpare();
    this.spare = undefined;
    this.worker = spare.worker;
    this.toBoardPort?.close();
    this.toBoardPort = spare.port;
    const powerOn: PowerOnMessage = {
      type: "power-on",
      files: [...this.files],
      dirs: this.dirs,
      ...(this.renameFault ? { failRename: this.renameFault } : {}),
      stallMs: OUTPUT_STALL_MS + (this.slowMs ?? 0),
      ...(interruptedIn === undefined ? {} : { interruptedIn, rawRepl: this.rawRepl }),
      ...(resetCause === undefined ? {} : { resetCause }),
    };
    return new Promise((resolve, reject) => {
      let up = false;
      let bootTimer: NodeJS.Timeout | undefined;
      const isUp = (): void => {
        clearTimeout(bootTimer);
        up = true;
        resolve();
        void this.standBySpare();
      };
      spare.onMessage = (message) => {
        // A boot.py that never ends keeps a board from coming up; it is running all the same.
        if (message.type === "powered-on") bootTimer = setTimeout(isUp, BOOT_WAIT_MS);
        if (message.type === "up") isUp();
        this.fromBoard(message);
      };
      spare.onError = (error) => {
        if (!up) {
          clearTimeout(bootTimer);
          reject(new VirtualBoardError(`the virtual board's firmware did not start: ${error.message}`));
          return;
        }
        if (this.stopped) return;
        // Like a watchdog reset: report it and power the board on again with its flash.
        process.stderr.write(`virtual board: the firmware crashed (${error.message}); restarting\n`);
        this.rawRepl = false;
        void this.startWorker();
      };
      spare.port.postMessage(powerOn);
    });
  }

  /**
   * Boots a spare CPU if there is none; resolves once it stands by (or failed). After a restart
   * this runs once the new board is up, not alongside its boot, which it would slow down on a
   * busy machine. Booting is mostly loading the worker's code and compiling the board modules in
   * a fresh VM: 0.3–0.6 s on an idle 2-core machine, 1.3–1.9 s under load.
   */
  private standBySpare(): Promise<void> {
    if (!this.spare && !this.stopped) this.spare = this.spawnSpare();
    return this.spare?.standingBy ?? Promise.resolve();
  }

  private spawnSpare(): SpareWorker {
    const channel = new MessageChannel();
    const data: BoardWorkerData = {
      runState: this.runState.buffer,
      toBoard: channel.port2,
      rawPasteWindow: RAW_PASTE_WINDOW,
      refuseRawPaste: this.options.faults?.refuseRawPaste ?? false,
      ...(this.options.resetBanners ? { resetBanners: this.options.resetBanners } : {}),
    };
    let settled!: () => void;
    const spare: SpareWorker = {
      worker: spawnBoardWorker(data, [channel.port2]),
      port: channel.port1,
      standingBy: new Promise((resolve) => (settled = resolve)),
      failed: undefined,
      onMessage: () => undefined,
      // A spare that failed while standing by is not switched on: a new one is started instead.
      onError: (error) => {
        spare.failed = error;
        settled();
      },
    };
    spare.worker.on("message", (message: FromBoard) => {
      if (message.type === "standing-by") settled();
      spare.onMessage(message);
    });
    spare.worker.on("error", (error) => spare.onError(error));
    return spare;
  }

  private async dropSpare(): Promise<void> {
    const spare = this.spare;
    this.spare = undefined;
    spare?.port.close();
    await spare?.worker.terminate();
  }

  private fromBoard(message: FromBoard): void {
    switch (message.type) {
      case "output":
        if (this.boardEnd) this.toHost.push(message.bytes);
        else this.runState.markSent(message.bytes.length);
        break;
      case "files":
        for (const [path, content] of message.changed) this.files.set(path, content);
        for (const path of message.removed) this.files.delete(path);
        this.dirs = message.dirs;
        break;
      case "mode":
        this.rawRepl = message.rawRepl;
        break;
      case "synced":
        this.syncWaiters.get(message.id)?.();
        break;
      case "power-cut":
        this.files.clear();
        for (const [path, content] of message.files) this.files.set(path, content);
        this.dirs = message.dirs;
        void this.powerOnAgain();
        break;
      case "rebooted":
        for (const resolve of this.rebootWaiters.splice(0)) resolve(message.cause);
        break;
      case "standing-by":
      case "powered-on":
      case "up":
        break;
    }
  }

  /** Waits until the board has handled all input so far and reported its flash (or it is busy running). */
  private async syncFromBoard(timeoutMs = 1000): Promise<void> {
    if (this.stopped) return;
    const id = this.nextSyncId++;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.syncWaiters.delete(id);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.syncWaiters.set(id, done);
      this.post({ type: "sync-files", id });
    });
  }

  private post(message: ToBoard): void {
    this.toBoardPort.postMessage(message);
    this.runState.noteInput();
  }
}

/** A board worker: standing by until startWorker() switches it on and routes its messages. */
interface SpareWorker {
  worker: Worker;
  /** The host's end of its toBoard port. */
  port: MessagePort;
  /** Resolves once it stands by (its VM set up) or failed. */
  standingBy: Promise<void>;
  /** An error it had while standing by. */
  failed: Error | undefined;
  onMessage(message: FromBoard): void;
  onError(error: Error): void;
}

/** "main.py", "/main.py", "./main.py" → "/main.py". */
function boardPath(path: string): string {
  const parts = path.split("/").filter((part) => part !== "" && part !== ".");
  return `/${parts.join("/")}`;
}

function spawnBoardWorker(workerData: BoardWorkerData, transferList: MessagePort[]): Worker {
  const here = import.meta.url;
  if (here.endsWith(".ts")) {
    // Running from source (vitest, tsx): the worker needs tsx's loader to import TypeScript.
    const tsx = import.meta.resolve("tsx/esm/api");
    const entry = new URL("./board-worker.ts", here).href;
    const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
    return new Worker(bootstrap, { eval: true, workerData, transferList });
  }
  return new Worker(new URL("./board-worker.js", here), { workerData, transferList });
}

/** A wire's end: output goes to the part on the other side as soon as it leaves the board. */
function wireEnd(wire: BoardWire): BoardEnd {
  return {
    transmit: (bytes, sent) => {
      wire.transmit(bytes);
      sent();
    },
    close: async () => {},
  };
}
