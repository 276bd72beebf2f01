import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { SerialPort } from "serialport";
import { TsmpError } from "../../errors.js";
import { PtyLink } from "../pty-link.js";
import { repairSerialPolling } from "../../flash/serial-polling.js";
import { virtualChip, virtualChipIds, type VirtualChip } from "./chips.js";
import { FlashMemory, parseFlashSize } from "./flash-memory.js";
import { LoaderCommands, type AfterReply, type LoaderFaults } from "./loader-commands.js";
import { ResetCause } from "../../devices/reset-cause.js";
import { MicroPythonApp, micropythonBanner } from "./micropython-app.js";
import { FileStore } from "../stored-files.js";
import { SlipDecoder, encodeSlipFrame } from "./slip.js";

export interface VirtualEsp32Faults extends LoaderFaults {
  /** After this many bytes from the host the chip stops answering (a pulled cable). */
  dropAfterBytes?: number;
  /** The lowest bit of the host's byte at this position (from 0) flips on the line. */
  flipByteAt?: number;
  /**
   * Hold back the reply to one command (by opcode) this long: a slow host, hub or chip. A
   * register read of `exceptAddress` still answers at once (the host probes the chip with a
   * short-timeout read of its magic register, which a long hold would fail).
   */
  slowReply?: { op: number; ms: number; exceptAddress?: number };
}

export interface VirtualEsp32Options {
  /** Where to put the symlink a client opens; a temporary path when omitted. */
  link?: string;
  /** "esp32" (default), "esp32s2", "esp32s3" or "esp32c3". */
  chip?: string;
  /** "4MB" by default. */
  flashSize?: string;
  /**
   * Keep the flash contents in this file (read at start, written after each flash operation),
   * and MicroPython's files beside it in `<flashFile>.files/`, so both outlive a restart.
   */
  flashFile?: string;
  /**
   * Deliver bytes no faster than the current baud rate would (10 bits per byte), both ways.
   * A pty has no baud rate of its own, so without this a transfer runs at memory speed.
   */
  baudPacing?: boolean;
  faults?: VirtualEsp32Faults;
  /** Record every packet in `packetTrace`, with the time it crossed the line (for timelines and tests). */
  tracePackets?: boolean;
}

/** One packet in the trace: a request received whole, or a reply (or other output) put on the line. */
export interface TracedPacket {
  /** performance.now() in this process when the last byte arrived (in) or was handed to the pty (out). */
  at: number;
  direction: "in" | "out";
  /** The command's opcode; undefined for output outside the protocol (boot messages, REPL). */
  op: number | undefined;
  /** The packet's length, unframed (in), or the bytes written (out). */
  bytes: number;
}

const ROM_BAUD = 115200;

class VirtualEsp32Error extends TsmpError {}

/**
 * An ESP32 in its ROM serial bootloader, on a pty. The protocol layers mirror esptool-js:
 * SLIP framing (slip.ts), command handlers for the ROM and the uploaded stub
 * (loader-commands.ts), chip descriptions (chips.ts). A pty carries no DTR/RTS, so the chip
 * cannot see esptool's reset-into-bootloader pulse: it starts in the bootloader and answers
 * SYNC at any time, even while the app runs (as if the pulse had happened). A reboot (stub
 * FLASH_END with "reboot", ROM FLASH_END, RUN_USER_CODE) boots what is in flash: a MicroPython
 * image gets a REPL, anything else only the ROM's boot messages.
 */
export class VirtualEsp32 {
  private readonly decoder: SlipDecoder;
  private rxChain: Promise<void> = Promise.resolve();
  private workChain: Promise<void> = Promise.resolve();
  private txChain: Promise<void> = Promise.resolve();
  private rxFreeAt = 0;
  private txFreeAt = 0;
  private baud = ROM_BAUD;
  /** Until then the UART is between two rates (see BAUD_SWITCH_MS): what arrives is garbled. */
  private switchingUntil = 0;
  private received = 0;
  /** Bytes handed to the SLIP decoder so far (after pacing). */
  private consumed = 0;
  private readonly packetEndOffsets: number[] = [];
  /** Every packet in and out, when started with tracePackets. */
  readonly packetTrace: TracedPacket[] = [];
  private app: MicroPythonApp | null = null;
  private booting: Promise<void> | null = null;
  private stopped = false;
  /** Everything the chip printed outside the protocol (boot messages, REPL), for tests. */
  uartLog = "";

  private constructor(
    readonly portPath: string,
    readonly chip: VirtualChip,
    private readonly memory: FlashMemory,
    private readonly commands: LoaderCommands,
    private readonly device: SerialPort,
    private readonly link: PtyLink,
    private readonly tempDir: string | undefined,
    private readonly options: VirtualEsp32Options,
    /** MicroPython's filesystem partition, kept while the chip is in its bootloader. */
    private readonly filesystem: FileStore,
  ) {
    this.decoder = new SlipDecoder(
      (packet) => this.onPacket(packet),
      (byte) => this.onStrayByte(byte),
    );
    device.on("data", (chunk: Buffer) => this.onData(chunk));
    // A write still queued when the chip stops (or the host's side goes away) fails with EBADF
    // or EIO: the chip has nobody to answer, which is not an error of the process running it.
    device.on("error", () => undefined);
  }

  static async start(options: VirtualEsp32Options = {}): Promise<VirtualEsp32> {
    const chipId = options.chip ?? "esp32";
    const chip = virtualChip(chipId);
    if (!chip) throw new VirtualEsp32Error(`unknown chip "${chipId}" for the virtual ESP32 (choose ${virtualChipIds.join(", ")})`);
    const sizeText = options.flashSize ?? "4MB";
    const size = parseFlashSize(sizeText);
    if (!size || size < 0x10000) throw new VirtualEsp32Error(`flash size "${sizeText}" is not a size like 4MB or 512KB`);
    // The stored flash is read before the pty exists: a bad --flash-file leaves nothing running.
    if (options.flashFile !== undefined) checkFlashFile(options.flashFile);
    const memory = new FlashMemory(size, options.flashFile);
    const commands = new LoaderCommands(chip, memory, options.faults);
    const filesystem = new FileStore(options.flashFile === undefined ? undefined : `${options.flashFile}.files`);
    const tempDir = options.link ? undefined : mkdtempSync(join(tmpdir(), "tsmp-esp32-"));
    const portPath = options.link ?? join(tempDir!, "port");
    const link = await PtyLink.open(portPath, `${portPath}.device`);
    repairSerialPolling();
    const device = new SerialPort({ path: link.boardPath, baudRate: ROM_BAUD, autoOpen: false });
    try {
      await new Promise<void>((resolve, reject) => device.open((error) => (error ? reject(error) : resolve())));
    } catch (error) {
      await link.close();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      throw new VirtualEsp32Error(`could not open the chip's side of the pty: ${(error as Error).message}`);
    }
    const esp32 = new VirtualEsp32(portPath, chip, memory, commands, device, link, tempDir, options, filesystem);
    // Powered on with MicroPython in its flash, the chip boots it, as a real one does (GPIO0 high).
    try {
      if (esp32.micropythonBanner() !== undefined) await esp32.after({ kind: "boot-app" });
    } catch (error) {
      await esp32.stop();
      throw error;
    }
    return esp32;
  }

  /** The flash contents (live view). */
  get flash(): Uint8Array {
    return this.memory.bytes;
  }

  /** Commands the chip handled, e.g. "stub op=0x11 len=16400", for tests that check the protocol used. */
  get commandLog(): readonly string[] {
    return this.commands.log;
  }

  /** The rate the chip's UART runs at now (what pacing uses). */
  get baudRate(): number {
    return this.baud;
  }

  /** True once a MicroPython REPL is answering on the UART. */
  get runningMicroPython(): boolean {
    return this.app !== null;
  }

  /**
   * Resolves with machine.reset_cause() once the MicroPython the chip runs is up again after its
   * next hard reset (machine.reset, the watchdog, deep sleep).
   */
  nextHardReset(): Promise<number> {
    if (!this.app) return Promise.reject(new VirtualEsp32Error("the virtual ESP32 is not running MicroPython"));
    return this.app.nextHardReset();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.booting?.catch(() => {});
    await this.stopApp();
    this.commands.reset();
    this.memory.save();
    if (this.device.isOpen) await new Promise<void>((resolve) => this.device.close(() => resolve()));
    await this.link.close();
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
  }

  /** Where each packet from the host ended in the bytes received, in order: a test aims faults with it. */
  get packetEnds(): readonly number[] {
    return this.packetEndOffsets;
  }

  /** Heals the line and the flash from now on: the next session with the chip is clean. */
  clearFaults(): void {
    const faults = this.options.faults;
    if (!faults) return;
    for (const key of Object.keys(faults) as (keyof VirtualEsp32Faults)[]) delete faults[key];
  }

  private onData(chunk: Buffer): void {
    if (this.stopped) return;
    const at = this.received;
    this.received += chunk.length;
    const flip = this.options.faults?.flipByteAt;
    if (flip !== undefined && flip >= at && flip < at + chunk.length) {
      chunk = Buffer.from(chunk);
      chunk[flip - at]! ^= 1;
    }
    const limit = this.options.faults?.dropAfterBytes;
    if (limit !== undefined) {
      const room = limit - at;
      if (room <= 0) return;
      if (room < chunk.length) chunk = chunk.subarray(0, room);
    }
    if (!this.options.baudPacing) {
      this.consume(chunk);
      return;
    }
    // Bytes arrive no sooner than the line could have carried them.
    const arrival = Math.max(performance.now(), this.rxFreeAt) + lineTimeMs(chunk.length, this.baud);
    this.rxFreeAt = arrival;
    this.rxChain = this.rxChain.then(async () => {
      const wait = arrival - performance.now();
      if (wait > 0) await sleep(wait);
      this.consume(chunk);
    });
  }

  private consume(chunk: Buffer): void {
    this.consumed += chunk.length;
    // Bytes sent at the new rate before the chip switched to it never decode; the frame they
    // belonged to is lost, as on the real chip.
    if (performance.now() < this.switchingUntil) return;
    if (this.app && !this.decoder.inFrame && !chunk.includes(0xc0)) {
      this.app.input(chunk);
      return;
    }
    this.decoder.push(chunk);
  }

  /** Outside a SLIP frame, bytes are keystrokes for the app (the ROM loader ignores them). */
  private onStrayByte(byte: number): void {
    this.app?.input(Uint8Array.of(byte));
  }

  private onPacket(packet: Buffer): void {
    // The host waits for each reply before it sends the next command: a packet ends its chunk.
    this.packetEndOffsets.push(this.consumed);
    if (this.options.tracePackets) this.packetTrace.push({ at: performance.now(), direction: "in", op: packet[1], bytes: packet.length });
    this.workChain = this.workChain
      .then(() => this.handlePacket(packet))
      .catch((error: unknown) => {
        this.uartLog += `\n[virtual-esp32 internal error: ${error instanceof Error ? error.message : String(error)}]\n`;
      });
  }

  private async handlePacket(packet: Buffer): Promise<void> {
    if (this.app || this.booting) {
      // Only a SYNC gets through to a running app: it stands for esptool's DTR/RTS pulse
      // that resets the chip into the bootloader, which a pty cannot carry.
      if (!isSyncRequest(packet)) return;
      await this.booting?.catch(() => {});
      await this.stopApp();
      this.commands.reset();
    }
    // Erasing the whole chip erases MicroPython's filesystem partition too.
    if (packet[1] === ERASE_FLASH) this.filesystem.erase();
    const outcome = await this.commands.handle(packet);
    const slow = this.options.faults?.slowReply;
    // A command's arguments start after the 8-byte header; a READ_REG's is the address.
    if (slow && packet[1] === slow.op && (packet.length < 12 || packet.readUInt32LE(8) !== slow.exceptAddress)) await sleep(slow.ms);
    for (const reply of outcome.replies) this.send(encodeSlipFrame(reply));
    await this.after(outcome.after);
  }

  private async after(after: AfterReply): Promise<void> {
    switch (after.kind) {
      case "run-stub":
        this.commands.enterStub();
        this.send(encodeSlipFrame(Buffer.from("OHAI", "ascii")));
        return;
      case "baud":
        // The reply goes out at the old rate; the new one takes effect BAUD_SWITCH_MS later.
        await this.txChain;
        this.baud = after.baud;
        this.switchingUntil = performance.now() + BAUD_SWITCH_MS;
        return;
      case "boot-app":
        this.booting = this.bootApp();
        await this.booting;
        this.booting = null;
        return;
      case "none":
        return;
    }
  }

  /** What the chip does after a reset with GPIO0 high: the ROM boots the image in flash. */
  private async bootApp(): Promise<void> {
    await this.txChain;
    this.commands.reset();
    this.baud = ROM_BAUD;
    this.switchingUntil = 0;
    this.decoder.reset();
    const header = this.memory.read(this.chip.bootOffset, 4);
    this.print(this.romBootLines("0xc (SW_CPU_RESET)"));
    if (header[0] !== 0xe9) {
      const word = Buffer.from(header).readUInt32LE(0).toString(16).padStart(8, "0");
      this.print(`invalid header: 0x${word}\r\n`);
      return;
    }
    const banner = this.micropythonBanner();
    if (!banner) return;
    // The app's own resets come back through the ROM, which says why (esp_reset_reason's codes).
    this.app = await MicroPythonApp.boot(banner, (text) => this.print(text, "latin1"), this.filesystem.files, {
      [ResetCause.HARD_RESET]: this.romBootLines("0xc (SW_CPU_RESET)"),
      [ResetCause.WDT_RESET]: this.romBootLines("0xc (SW_CPU_RESET)"),
      [ResetCause.DEEPSLEEP_RESET]: this.romBootLines("0x5 (DEEPSLEEP_RESET)"),
    });
  }

  /** What the ROM prints as the chip starts: its banner and the reset reason. */
  private romBootLines(reason: string): string {
    return `${this.chip.bootBanner}rst:${reason},boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n`;
  }

  /** The banner of the MicroPython image in flash, if there is one. */
  private micropythonBanner(): string | undefined {
    if (this.memory.read(this.chip.bootOffset, 1)[0] !== 0xe9) return undefined;
    return micropythonBanner(this.memory.read(this.chip.bootOffset, this.memory.size - this.chip.bootOffset), this.chip.name);
  }

  /** Powers the app down, keeping its files for the next boot. */
  private async stopApp(): Promise<void> {
    const app = this.app;
    this.app = null;
    if (app) this.filesystem.keep(await app.stop());
  }

  private print(text: string, encoding: "utf8" | "latin1" = "utf8"): void {
    this.uartLog += text;
    this.send(Buffer.from(text, encoding));
  }

  private send(bytes: Buffer): void {
    if (this.stopped) return;
    if (!this.options.baudPacing) {
      this.write(bytes);
      return;
    }
    const done = Math.max(performance.now(), this.txFreeAt) + lineTimeMs(bytes.length, this.baud);
    this.txFreeAt = done;
    this.txChain = this.txChain.then(async () => {
      const wait = done - performance.now();
      if (wait > 0) await sleep(wait);
      if (!this.stopped) this.write(bytes);
    });
  }

  private write(bytes: Buffer): void {
    if (this.options.tracePackets) {
      const op = bytes[0] === 0xc0 && bytes[1] === 0x01 ? bytes[2] : undefined;
      this.packetTrace.push({ at: performance.now(), direction: "out", op, bytes: bytes.length });
    }
    this.device.write(bytes);
  }
}

/**
 * After its CHANGE_BAUDRATE reply, esptool's stub waits 10 ms, sets the UART's divider, and
 * waits 1 ms more before it reads again (stub_io_set_baudrate). A host that talks at the new
 * rate sooner is not understood; esptool.py and esptool-js wait 50 ms. The ROM's timing is not
 * published and is modelled the same.
 */
const BAUD_SWITCH_MS = 11;

/** The stub's and ROM's ERASE_FLASH opcode (the whole chip). */
const ERASE_FLASH = 0xd0;

function lineTimeMs(bytes: number, baud: number): number {
  return (bytes * 10 * 1000) / baud;
}

function isSyncRequest(packet: Buffer): boolean {
  return packet.length >= 2 && packet[0] === 0x00 && packet[1] === 0x08;
}

/** --flash-file names a file (its MicroPython files go beside it in `<file>.files/`), in an existing folder. */
function checkFlashFile(file: string): void {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    throw new VirtualEsp32Error(`--flash-file ${file} is a folder; give a file to keep the flash in (its files go in ${file}.files/)`);
  }
  const folder = dirname(file);
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    throw new VirtualEsp32Error(`--flash-file ${file}: the folder ${folder} does not exist`);
  }
  if (statSync(`${file}.files`, { throwIfNoEntry: false })?.isFile()) {
    throw new VirtualEsp32Error(`--flash-file ${file}: ${file}.files, where its MicroPython files go, is a file`);
  }
}
