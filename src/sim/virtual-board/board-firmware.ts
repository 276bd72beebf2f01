import { installBoardModules, type SimulatedBoard } from "../../vm/board-modules.js";
import type { BoardClock } from "../../vm/board-clock.js";
import type { NvsPartition } from "../../vm/nvs-partition.js";
import { MicroPythonError, MicroPythonVm } from "../../vm/micropython-vm.js";
import { BoardOutput } from "./board-output.js";
import { FLASH_ROOT, limitFlashSize, readFlash, renameInFlash, writeFlash, type FlashContents } from "./board-filesystem.js";
import { RunContext, type SharedRunState } from "./run-state.js";
import type { RenameFault } from "./faults.js";
import type { BoardFiles } from "./worker-messages.js";
import { ResetCause } from "../../devices/reset-cause.js";

const CTRL_A = 0x01;
const CTRL_B = 0x02;
const CTRL_C = 0x03;
const CTRL_D = 0x04;
const CTRL_E = 0x05;
const CR = 0x0d;
/** replProcessChar's PYEXEC_FORCED_EXIT bit: Ctrl-D at an empty prompt, or SystemExit. */
const FORCED_EXIT = 0x100;

const RAW_BANNER = "raw REPL; CTRL-B to exit\r\n";
/** What os.statvfs reports: a 2 MiB flash filesystem, as on many boards. */
const FLASH_SIZE = 2 * 1024 * 1024;
const decoder = new TextDecoder();

export interface BoardFirmwareOptions {
  runState: SharedRunState;
  /** Python run in every fresh VM before boot.py (board_setup.py). */
  setupSource: string;
  /** Sends bytes to the UART transmit line. */
  transmit(bytes: Uint8Array): void;
  /** The next bytes the host sent, if any are waiting (for a program reading input). */
  takeInput(): Uint8Array | undefined;
  /** Told once, when the board starts main.py or first shows a prompt: it is up. */
  ready(): void;
  /**
   * Told each time the board is up again after a hard reset (machine.reset, the watchdog, deep
   * sleep): main.py has started or the prompt shows. Until then a Ctrl-C could still stop the
   * program before it resets, as on a board.
   */
  rebooted(cause: number): void;
  /** Told whenever the REPL switches between friendly and raw mode. */
  modeChanged(rawRepl: boolean): void;
  rawPasteWindow: number;
  refuseRawPaste: boolean;
  /** The power goes: told the flash as it is, this never returns (the host stops the worker). */
  cutPower?(flash: FlashContents): never;
  /** What the chip prints as it comes out of a hard reset, by reset cause (an ESP32's ROM lines). */
  resetBanners?: Partial<Record<number, string>>;
}

/** How a board standing by is switched on. */
export interface PowerOn {
  flash: { files: BoardFiles; dirs: string[] };
  /** Why the board starts: a power-up by default; HARD_RESET when its reset button was pressed. */
  resetCause?: number;
  /** The test fault of that name (faults.ts); its count goes down as renames fail. */
  failRename?: RenameFault;
  /** Set to continue after a previous board had to be stopped by force while Python ignored a Ctrl-C (see VirtualBoard). */
  resume?: { interruptedIn: RunContext; rawRepl: boolean };
}

interface RawPaste {
  code: number[];
  windowRemain: number;
  /** Bytes the host may have sent so far: two windows, plus one per `\x01` we sent. */
  credit: number;
  received: number;
}

/** The part of the Emscripten module the interrupt needs (not in the package's typed API). */
interface KeyboardInterruptExport {
  _mp_sched_keyboard_interrupt(): void;
}

/**
 * A MicroPython board's firmware around the real VM: boot (boot.py, main.py), the friendly REPL
 * (the VM's own), the raw REPL and raw-paste mode (here: the VM's raw-paste hangs), soft reset.
 * It follows shared/runtime/pyexec.c and a port's main loop (ports/rp2/main.c) byte for byte.
 */
export class BoardFirmware {
  private vm!: MicroPythonVm;
  /** Set while the VM is loaded and set up but has no flash yet: the next boot uses it. */
  private vmStandingBy = false;
  private failRename: RenameFault | undefined;
  private readonly output: BoardOutput;
  private rawRepl = false;
  private rawLine: number[] = [];
  private paste: RawPaste | undefined;
  /** Received bytes not handled yet: `input` from `inputAt` on. */
  private input: number[] = [];
  private inputAt = 0;
  private ready = false;
  /** The cause of the hard reset the board is booting from, until it is up. */
  private rebootingFrom: number | undefined;
  private flashTouched = true;
  /**
   * Set by machine.reset(), a starved watchdog or deep sleep, which then raise a SystemExit to
   * unwind the running code: why the board resets, and how long it stays down (deep sleep).
   */
  private hardResetRequested: { cause: number; downMs: number } | undefined;
  private boardClock: BoardClock | undefined;
  private nvs: NvsPartition | undefined;
  private board: SimulatedBoard | undefined;
  /** What machine.reset_cause() answers in this boot. */
  private resetCause: number = ResetCause.PWRON_RESET;

  private constructor(private readonly options: BoardFirmwareOptions) {
    this.output = new BoardOutput(options.transmit);
  }

  /**
   * A board with its VM loaded and set up (the board modules compiled, the filesystem mounted)
   * but no flash yet, so that powerOn() is a matter of milliseconds: the virtual board keeps one
   * standing by to replace a board it has to stop by force.
   */
  static async standBy(options: BoardFirmwareOptions): Promise<BoardFirmware> {
    const firmware = new BoardFirmware(options);
    await firmware.loadVm();
    firmware.vmStandingBy = true;
    return firmware;
  }

  /** Starts the board with `start.flash` on its flash; resolves once it is up (or runs main.py for ever). */
  async powerOn(start: PowerOn): Promise<void> {
    this.failRename = start.failRename;
    if (start.resetCause !== undefined) {
      this.resetCause = start.resetCause;
      const banner = this.options.resetBanners?.[start.resetCause];
      if (banner !== undefined) this.output.protocol(banner);
    }
    if (start.resume) {
      this.rawRepl = start.resume.rawRepl;
      await this.resumeAfterForcedStop(start.flash, start.resume.interruptedIn);
    } else {
      await this.boot(start.flash);
    }
  }

  /** Whether Python ran (and so may have changed files) since the last call. */
  takeFlashTouched(): boolean {
    const touched = this.flashTouched;
    this.flashTouched = false;
    return touched;
  }

  /** The flash as it is now. */
  readFlash(): FlashContents {
    return readFlash(this.vm.module.FS);
  }

  /** Handles bytes from the UART receive line, in order. */
  async receive(bytes: Uint8Array): Promise<void> {
    // Bytes that arrive beyond the raw-paste credit overflow the board's receive buffer, as
    // on a UART board: the host may only send what the flow-control windows allowed so far.
    let allowance = this.paste ? this.paste.credit - this.paste.received : Infinity;
    this.input = this.input.slice(this.inputAt).concat(Array.from(bytes));
    this.inputAt = 0;
    while (this.inputAt < this.input.length) {
      const byte = this.input[this.inputAt++]!;
      if (this.paste) {
        // The end-of-data \x04 and an abort never overflow: the host sends them without
        // waiting for credit (mpremote does), and a board has read the window before they land.
        const endsPaste = byte === CTRL_D || byte === CTRL_C;
        if (allowance <= 0 && !endsPaste) continue;
        allowance--;
        await this.rawPasteByte(byte);
      } else if (this.rawRepl) {
        await this.rawReplByte(byte);
        // Ctrl-A may just have started raw-paste mode (TypeScript cannot see that through the call).
        const started = this.paste as RawPaste | undefined;
        if (started) allowance = started.credit;
      } else {
        await this.friendlyReplByte(byte);
      }
    }
    this.output.flush();
  }

  private async friendlyReplByte(byte: number): Promise<void> {
    // Only Enter (run a line) and Ctrl-D (finish paste mode) can start Python.
    const mayRun = byte === CR || byte === CTRL_D;
    if (mayRun) this.beginRun(RunContext.friendlyRepl);
    const result = this.vm.module.replProcessChar(byte);
    if (mayRun) this.endRun();
    this.output.flush();
    if (result & FORCED_EXIT) {
      await this.softReset();
    } else if (byte === CTRL_A && this.output.endsWith(RAW_BANNER + ">")) {
      this.setRawRepl(true);
    }
  }

  private async rawReplByte(byte: number): Promise<void> {
    const line = this.rawLine;
    if (byte === CTRL_A) {
      this.rawLine = [];
      if (line.length === 2 && line[0] === CTRL_E) {
        this.startRawPaste(line[1]!);
      } else {
        this.output.protocol(RAW_BANNER + ">");
      }
    } else if (byte === CTRL_B) {
      this.rawLine = [];
      this.setRawRepl(false);
      // The VM is in raw mode too (it saw the Ctrl-A); its Ctrl-B prints "\r\n", banner, prompt.
      this.vm.module.replProcessChar(CTRL_B);
    } else if (byte === CTRL_C) {
      this.rawLine = [];
    } else if (byte === CTRL_D) {
      this.rawLine = [];
      this.output.protocol("OK");
      if (line.length === 0) {
        this.output.protocol("\r\n");
        await this.softReset();
        return;
      }
      if (this.runRawCode(Uint8Array.from(line)) === "system-exit") {
        await this.softReset();
        return;
      }
      this.output.protocol(">");
    } else {
      line.push(byte);
    }
  }

  private startRawPaste(command: number): void {
    if (command !== "A".charCodeAt(0)) {
      this.output.protocol("R\x00>");
      return;
    }
    if (this.options.refuseRawPaste) {
      // As a board without raw-paste support answers; no new prompt, which is what
      // mpremote's fallback to plain raw mode expects.
      this.output.protocol("R\x00");
      return;
    }
    const window = this.options.rawPasteWindow;
    // The window size itself frees one window and the trailing \x01 a second one.
    this.output.protocol(Uint8Array.of(0x52, 0x01, window & 0xff, window >> 8, 0x01));
    this.paste = { code: [], windowRemain: window, credit: 2 * window, received: 0 };
  }

  private async rawPasteByte(byte: number): Promise<void> {
    const paste = this.paste!;
    paste.received++;
    if (byte === CTRL_C) {
      // The reader raises KeyboardInterrupt before any code ran (it has no traceback).
      this.paste = undefined;
      this.output.protocol("\x04\x04");
      this.output.python("KeyboardInterrupt: \n");
      this.output.protocol("\x04>");
      return;
    }
    if (byte === CTRL_D) {
      this.paste = undefined;
      this.output.protocol("\x04");
      const outcome = this.runRawCode(Uint8Array.from(paste.code));
      if (outcome === "system-exit") {
        await this.softReset();
        return;
      }
      this.output.protocol(">");
      return;
    }
    paste.code.push(byte);
    if (--paste.windowRemain === 0) {
      paste.windowRemain = this.options.rawPasteWindow;
      paste.credit += this.options.rawPasteWindow;
      this.output.protocol("\x01");
      this.output.flush();
    }
  }

  /** Runs raw-REPL code: stdout, `\x04`, the traceback if any, `\x04`. */
  private runRawCode(code: Uint8Array): "done" | "system-exit" {
    this.beginRun(RunContext.rawRepl);
    let traceback = "";
    let systemExit = false;
    try {
      this.vm.exec(decoder.decode(code));
    } catch (error) {
      if (!(error instanceof MicroPythonError)) throw error;
      if (error.pythonType === "SystemExit" || this.hardResetRequested) systemExit = true;
      else traceback = error.traceback;
    }
    this.endRun();
    this.output.protocol("\x04");
    this.output.python(traceback);
    this.output.protocol("\x04");
    this.output.flush();
    return systemExit ? "system-exit" : "done";
  }

  /** Soft reset, or the hard reset the program asked for; then the board boots again. */
  private async softReset(): Promise<void> {
    if (!this.hardResetRequested) {
      this.resetCause = ResetCause.SOFT_RESET;
      this.output.python("MPY: soft reboot\n");
      this.output.flush();
    }
    await this.boot(this.readFlash());
  }

  /**
   * A fresh VM with the same flash: boot.py, then main.py in friendly mode, then the prompt.
   * Booting again after each hard reset the program asks for (machine.reset, the watchdog, deep
   * sleep), as a board does: no message, only what the chip prints as it starts (if anything),
   * and the board comes up friendly. Deep sleep keeps it down for its time first, on the real
   * clock as a pty board runs.
   */
  private async boot(flash: FlashContents | { files: BoardFiles; dirs: string[] }): Promise<void> {
    for (;;) {
      const hardReset = this.hardResetRequested;
      if (hardReset !== undefined) {
        this.hardResetRequested = undefined;
        this.resetCause = hardReset.cause;
        this.rebootingFrom = hardReset.cause;
        this.setRawRepl(false);
        this.output.flush();
        if (hardReset.downMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, hardReset.downMs);
        const banner = this.options.resetBanners?.[hardReset.cause];
        if (banner !== undefined) this.output.protocol(banner);
        this.output.flush();
        flash = this.readFlash();
      }
      await this.startVm({ files: [...flash.files], dirs: flash.dirs, mtimes: "mtimes" in flash ? flash.mtimes : undefined });
      const bootRan = this.runFile("boot.py", RunContext.bootPy);
      // A port runs main.py only when it will come up in the friendly REPL and boot.py raised
      // nothing (ports/esp32/main.c, ports/rp2/main.c): Ctrl-C during boot.py skips main.py.
      if (bootRan && !this.rawRepl && !this.hardResetRequested) this.runFile("main.py", RunContext.mainPy);
      if (!this.hardResetRequested) break;
    }
    this.showPrompt();
  }

  private async resumeAfterForcedStop(flash: { files: BoardFiles; dirs: string[] }, context: RunContext): Promise<void> {
    await this.startVm(flash);
    if (context === RunContext.rawRepl) {
      this.output.protocol("\x04");
      this.output.python("KeyboardInterrupt: \n");
      this.output.protocol("\x04>");
      this.enterVmRawRepl();
    } else if (context === RunContext.friendlyRepl) {
      this.output.python("KeyboardInterrupt: \n");
      this.output.muted = true;
      this.vm.module.replInit();
      this.output.muted = false;
      this.output.protocol(">>> ");
    } else {
      // A KeyboardInterrupt in boot.py is an exception like any other: main.py is skipped.
      this.output.python("KeyboardInterrupt: \n");
      this.showPrompt();
    }
    this.output.flush();
    this.announceReady();
  }

  private showPrompt(): void {
    if (this.rawRepl) {
      this.enterVmRawRepl();
      this.output.protocol(RAW_BANNER + ">");
    } else {
      // The VM's REPL greets with "\r\n" + banner + prompt; a board's starts at the banner.
      this.output.dropLeading("\r\n");
      this.vm.module.replInit();
    }
    this.output.flush();
    this.announceReady();
  }

  /** Puts the VM's own REPL into raw mode silently, so its later Ctrl-B returns to friendly mode. */
  private enterVmRawRepl(): void {
    this.output.muted = true;
    this.vm.module.replInit();
    this.vm.module.replProcessChar(CTRL_A);
    this.output.muted = false;
  }

  /** Runs a file of the flash; false when it raised (a SystemExit or a reset counts as ending well). */
  private runFile(name: string, context: RunContext): boolean {
    if (!this.vm.module.FS.analyzePath(`${FLASH_ROOT}/${name}`).exists) return true;
    let ended = true;
    this.beginRun(context);
    try {
      this.vm.exec(`exec(compile(open(${JSON.stringify(name)}).read(), ${JSON.stringify(name)}, "exec"))`);
    } catch (error) {
      if (!(error instanceof MicroPythonError)) throw error;
      // SystemExit (and a reset) ends the script quietly; anything else prints as the board's pyexec_file does.
      if (error.pythonType !== "SystemExit" && !this.hardResetRequested) {
        this.output.python(error.traceback.replace(/^ {2}File "<stdin>", line 1, in <module>\n/m, ""));
        ended = false;
      }
    }
    this.endRun();
    this.output.flush();
    return ended;
  }

  /** Emscripten's EIO when the failRename fault hits this rename. */
  private failedRename(from: string, to: string): number | undefined {
    const fault = this.failRename;
    if (!fault || (fault.count ?? 1) <= 0 || (from !== fault.path && to !== fault.path)) return undefined;
    if (fault.cutPowerAt !== undefined) {
      fault.cutPowerAt--;
      if (fault.cutPowerAt === 0) this.options.cutPower?.(this.readFlash());
      return undefined;
    }
    fault.count = (fault.count ?? 1) - 1;
    return 29;
  }

  /** A fresh VM with `flash` on it, ready to run boot.py. */
  private async startVm(flash: { files: BoardFiles; dirs: string[]; mtimes?: Map<string, number> }): Promise<void> {
    this.paste = undefined;
    this.rawLine = [];
    this.output.flush();
    if (!this.vmStandingBy) await this.loadVm();
    this.vmStandingBy = false;
    writeFlash(this.vm.module.FS, flash.files, flash.dirs, flash.mtimes);
  }

  /**
   * Loads a VM and sets it up as the board's, with an empty flash: the board modules, and the
   * flash mounted as its root. Compiling the board modules is most of a board's boot (about
   * 150 ms of the 170 ms here on an idle machine).
   */
  private async loadVm(): Promise<void> {
    const vm = await MicroPythonVm.load({ stdout: (text) => this.pythonOutput(text), stderr: (text) => this.pythonOutput(text) });
    this.vm = vm;
    writeFlash(vm.module.FS, [], []);
    limitFlashSize(vm.module.FS, FLASH_SIZE);
    // machine, pyb, time and a blocking asyncio.run; their waits see Ctrl-C through the shared words.
    // One board clock for the board's life: its RTC and RTC memory outlive resets and deep sleep;
    // NVS outlives them too, as flash does.
    // A reset closes the sockets the last program left open, as a board's reboot does.
    this.board?.closeSockets();
    const currentCause = (): number => this.resetCause;
    this.board = installBoardModules(vm, {
      interrupt: this.options.runState.words,
      onOutput: () => this.output.flush(),
      // Read when Python asks, so that a VM set up ahead of its boot answers for that boot.
      get resetCause() {
        return currentCause();
      },
      boardClock: this.boardClock,
      nvs: this.nvs,
    });
    this.boardClock = this.board.clock;
    this.nvs = this.board.nvs;
    vm.registerJsModule("_vboard", {
      root: FLASH_ROOT,
      flash_size: FLASH_SIZE,
      setup_source: this.options.setupSource,
      rename: (from: string, to: string) => this.failedRename(from, to) ?? renameInFlash(vm.module.FS, from, to),
      request_hard_reset: (cause: number, downMs: number) => {
        this.hardResetRequested = { cause, downMs };
      },
      read_stdin: () => this.readStdinByte(),
      skip_received_lf: () => {
        if (this.input[this.inputAt] === 0x0a) this.inputAt++;
      },
    });
    vm.exec('import _vboard\nexec(compile(_vboard.setup_source, "/.board/_vboard.py", "exec"), {})\ndel _vboard');
  }

  /**
   * A byte for Python's input(), as a board's UART gives it: input already received comes
   * first, then whatever the host sends, waiting for it. null when Ctrl-C arrived instead (the
   * KeyboardInterrupt is raised as Python goes on).
   */
  private readStdinByte(): number | null {
    this.output.flush();
    for (;;) {
      if (this.inputAt < this.input.length) return this.input[this.inputAt++]!;
      const sequence = this.options.runState.inputSequence;
      const more = this.options.takeInput();
      if (more) {
        this.input.push(...more);
        continue;
      }
      if (this.options.runState.takeInterrupt()) {
        this.raiseKeyboardInterrupt();
        return null;
      }
      this.options.runState.waitForInput(sequence, 1000);
    }
  }

  private pythonOutput(text: string): void {
    this.output.python(text);
    this.pollInterrupt();
  }

  /** Turns a pending Ctrl-C into a KeyboardInterrupt that Python raises at its next bytecode check. */
  private pollInterrupt(): void {
    if (this.options.runState.takeInterrupt()) this.raiseKeyboardInterrupt();
  }

  private raiseKeyboardInterrupt(): void {
    (this.vm.module._module as KeyboardInterruptExport)._mp_sched_keyboard_interrupt();
  }

  /**
   * Python starts. What the board printed so far (such as the raw REPL's "OK") goes out now,
   * since Python may run for ever, but only once Ctrl-C counts as an interrupt: a host that
   * answers that output with Ctrl-C must find Python running.
   */
  private beginRun(context: RunContext): void {
    this.options.runState.beginRun(context);
    this.output.flush();
    if (context === RunContext.mainPy) this.announceReady();
  }

  private announceReady(): void {
    const rebootedFrom = this.rebootingFrom;
    this.rebootingFrom = undefined;
    if (rebootedFrom !== undefined) this.options.rebooted(rebootedFrom);
    if (this.ready) return;
    this.ready = true;
    this.options.ready();
  }

  /** Python finished; a Ctrl-C it never saw is handled as an ordinary character next. */
  private endRun(): void {
    this.flashTouched = true;
    if (this.options.runState.endRun()) this.input.splice(this.inputAt, 0, CTRL_C);
  }

  private setRawRepl(rawRepl: boolean): void {
    this.rawRepl = rawRepl;
    this.options.modeChanged(rawRepl);
  }
}
