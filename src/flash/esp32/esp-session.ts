import { createHash } from "node:crypto";
import { deflate } from "node:zlib";
import { promisify } from "node:util";
import { realpathSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { ClassicReset, ESPError, ESPLoader, Transport, type IEspLoaderTerminal, type ROM } from "esptool-js";
import { ESP32ROM } from "esptool-js/lib/targets/esp32.js";
import { ESP8266ROM } from "esptool-js/lib/targets/esp8266.js";
import { TsmpError } from "../../errors.js";
import { listSerialPorts, scanLinuxPorts } from "../ports.js";
import { chipByName, type Esp32Chip } from "./chips.js";
import { flashDataFrame } from "./data-frames.js";
import { NodeWebSerialPort, type UsbIdentity } from "./web-serial-port.js";

export class Esp32NotAnswering extends TsmpError {}
export class FlashWriteFailed extends TsmpError {}

/**
 * How long the line must stay silent before esptool-js's drain calls the input settled. The
 * drain follows a command the ROM rejects (GET_SECURITY_INFO on an ESP32, in every connect)
 * and a baud change, where esptool-js waits for 100 ms of silence each time. What it waits for
 * is a few short replies, about 10 ms of line time at 115200; 30 ms also covers a USB serial
 * adapter holding bytes back for its 16 ms latency timer.
 */
const SETTLED_AFTER_MS = 30;

/**
 * esptool-js's transport with three changes: its trace lines (printed with console.log) go to
 * stderr with TSMP_DEBUG only, since tsmp's stdout belongs to the program; its drain waits for
 * a silence sized to what it drains (see SETTLED_AFTER_MS): 0.14 s less per connect; and a
 * read that finds no bytes waits for the port to deliver some instead of esptool-js's 1 ms
 * polling, which answered each reply 1–8 ms late on a busy machine (one reply per 16 KB block
 * written, one per register access while connecting).
 */
class QuietTransport extends Transport {
  constructor(private readonly port: NodeWebSerialPort) {
    super(port, false);
  }

  override async read(timeout: number): Promise<Uint8Array> {
    const deadline = Date.now() + timeout;
    for (;;) {
      // The transport's own read loop moves delivered bytes into its buffer some promise steps
      // after the port hands them over; a turn of the event loop lets it finish first.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const left = deadline - Date.now();
      if (this.inWaiting() > 0 || left <= 0) break;
      await this.port.bytesArrive(left);
    }
    return super.read(timeout);
  }

  /** Writes bytes framed already (see data-frames.ts), bypassing esptool-js's per-byte SLIP encoder. */
  async writeFrame(frame: Uint8Array): Promise<void> {
    const writable = this.port.writable;
    if (!writable) throw new Error("the serial port is closed");
    const writer = writable.getWriter();
    try {
      await writer.write(frame);
    } finally {
      writer.releaseLock();
    }
  }

  override trace(message: string): void {
    if (process.env.TSMP_DEBUG) process.stderr.write(`esptool-js: ${message}\n`);
  }

  override drainInput(quietMs?: number, maxMs?: number): Promise<void> {
    return super.drainInput(Math.min(quietMs ?? SETTLED_AFTER_MS, SETTLED_AFTER_MS), maxMs);
  }
}

/**
 * esptool-js's DTR/RTS reset into the bootloader, skipped on a port without modem lines (a pty):
 * there the pulse cannot reach the chip, and its 150 ms of waiting per attempt would be spent
 * for nothing before the SYNC that follows.
 */
class ResetWhereWired extends ClassicReset {
  constructor(
    transport: Transport,
    resetDelay: number,
    private readonly port: NodeWebSerialPort,
  ) {
    super(transport, resetDelay);
  }

  override async reset(): Promise<void> {
    // Re-asserting the lines as they are finds out whether the port has any.
    await this.port.setSignals({});
    if (this.port.modemLinesWork) await super.reset();
  }
}

/** What goes over the wire for one image: padded to whole words, deflated unless told otherwise. */
export interface PreparedImage {
  data: Uint8Array;
  payload: Uint8Array;
  compressed: boolean;
}

const deflateAsync = promisify(deflate);

/**
 * Pads and (off the main thread) deflates the image. Started before connecting, the compression
 * (about 0.3 s for 512 KB at level 9) overlaps the connect and the stub upload instead of
 * following them. Level 9: the line, not the CPU, is the bottleneck of a flash write.
 */
export async function prepareImage(image: Uint8Array, compress: boolean): Promise<PreparedImage> {
  // The stub writes whole 32-bit words; esptool pads the file the same way.
  const data = padTo(image, 4);
  if (!compress) return { data, payload: data, compressed: false };
  return { data, payload: new Uint8Array(await deflateAsync(data, { level: 9 })), compressed: true };
}

const ROM_BAUD = 115200;
const FLASH_SECTOR = 0x1000;

/** The rate the chip's UART was last set to, carried from a failed connect into its retry. */
interface LineRate {
  baud: number;
}

export interface ChipInfo {
  chip: Esp32Chip | undefined;
  /** esptool's chip name ("ESP32-S3"), even for chips tsmp has no entry for. */
  chipName: string;
  description: string;
  revision: number | undefined;
  mac: string;
  features: string[];
  /** "4MB", or undefined when the flash ID did not name a size. */
  flashSize: string | undefined;
}

export interface Esp32SessionOptions {
  port: string;
  /** Baud rate for the transfer after the ROM's 115200; the stub switches to it. */
  baud: number;
  /** Where esptool-js's own progress chatter goes (stderr with --verbose, nowhere otherwise). */
  log?: (line: string) => void;
  /** Reset-and-SYNC rounds before giving up (esptool's default is 7). */
  connectAttempts?: number;
}

/**
 * One connection to an ESP chip's bootloader through esptool-js: connect (reset into the ROM,
 * SYNC, identify, upload the stub, raise the baud rate), then read, write, erase, reset.
 */
export class Esp32Session {
  private constructor(
    private readonly loader: ESPLoader,
    private readonly port: NodeWebSerialPort,
    readonly path: string,
    readonly description: string,
  ) {}

  static async connect(options: Esp32SessionOptions): Promise<Esp32Session> {
    const usb = await usbIdentity(options.port);
    const line: LineRate = { baud: ROM_BAUD };
    try {
      return await Esp32Session.connectOnce(options, usb, line);
    } catch (error) {
      // esptool-js gives MEM_END (the jump into the stub) only 200 ms to be acknowledged; a busy
      // host or hub misses that now and then although the stub did start. One more round
      // recovers: SYNC then finds the stub running and skips the upload.
      if (error instanceof TsmpError || isNoSync(error)) throw describeConnectFailure(options.port, error);
      options.log?.(`Retrying after: ${messageOf(error)}`);
      try {
        // The port was ours a moment ago: openPort waits out the lock a close can leave behind.
        return await Esp32Session.connectOnce({ ...options, connectAttempts: 2 }, usb, line);
      } catch (retryError) {
        // Silence on the retry means the link died: the first failure says where.
        throw describeConnectFailure(options.port, isNoSync(retryError) ? error : retryError);
      }
    }
  }

  private static async connectOnce(options: Esp32SessionOptions, usb: UsbIdentity, line: LineRate): Promise<Esp32Session> {
    const port = new NodeWebSerialPort(options.port, usb);
    const log = options.log ?? (() => {});
    const terminal: IEspLoaderTerminal = { clean: () => {}, writeLine: (line) => log(line), write: (text) => log(text) };
    const transport = new QuietTransport(port);
    const resetConstructors = {
      classicReset: (resetTransport: Transport, delay: number) => new ResetWhereWired(resetTransport, delay, port),
    };
    // A retry talks at the rate the chip was left at: a stub started after the ROM's baud change
    // answers at the new rate.
    const loader = new ESPLoader({
      transport,
      baudrate: options.baud,
      romBaudrate: line.baud,
      terminal,
      debugLogging: false,
      resetConstructors,
    });
    identifyByMagicFirst(loader);
    try {
      await loader.connect("default_reset", options.connectAttempts ?? 7, true);
      // The ROM changes baud too, so the stub (about 6.7 KB for an ESP32) goes up at the fast
      // rate: at 460800 that is 0.15 s instead of 0.6 s at 115200. The stub keeps the UART's
      // divider (it only re-clocks the CPU when it talks over USB, where baud does not apply).
      // A stub left running by an earlier session is kept (runStub uploads nothing then), and
      // must be told the rate it runs at, which only a stub-mode baud change sends.
      if (stubAlreadyRunning(loader)) await loader.runStub();
      if (options.baud !== line.baud) line.baud = await changeBaud(loader, options.port, line.baud, options.baud, log);
      // The description's eFuse reads go at the fast rate too, and runStub's revision check
      // asks for the same eFuse words again.
      const description = await withReadsRemembered(loader, DESCRIPTION_REGISTERS.get(loader.chip.CHIP_NAME) ?? [], async () => {
        const text = await loader.chip.getChipDescription(loader);
        if (!loader.IS_STUB) await loader.runStub();
        return text;
      });
      // Where the ROM could not be trusted with the rate (see romBaudRequest), the stub sets it.
      if (options.baud !== line.baud) line.baud = await changeBaud(loader, options.port, line.baud, options.baud, log);
      return new Esp32Session(loader, port, options.port, description);
    } catch (error) {
      await transport.disconnect().catch(() => {});
      // esptool-js's disconnect can fail before it reaches the close; the retry must find the port free.
      await port.close().catch(() => {});
      throw error;
    }
  }

  get chipName(): string {
    return this.loader.chip.CHIP_NAME;
  }

  get chip(): Esp32Chip | undefined {
    return chipByName(this.loader.chip.CHIP_NAME);
  }

  async info(): Promise<ChipInfo> {
    const romChip = this.loader.chip;
    const revision = romChip.getChipRevision ? await romChip.getChipRevision(this.loader) : undefined;
    return {
      chip: this.chip,
      chipName: romChip.CHIP_NAME,
      description: this.description,
      revision,
      mac: await romChip.readMac(this.loader),
      features: (await romChip.getChipFeatures(this.loader)).map((feature) => feature.trim()),
      flashSize: await this.flashSize(),
    };
  }

  /** The flash size from the SPI flash's JEDEC ID, e.g. "4MB". */
  async flashSize(): Promise<string | undefined> {
    const loader = this.loader;
    if (!loader.IS_STUB || !loader.chip.SPI_MOSI_DLEN_OFFS) return loader.detectFlashSize();
    return loader.DETECTED_FLASH_SIZES[((await readFlashId(loader)) >>> 16) & 0xff];
  }

  /**
   * Whether the flash at `offset` already holds `data`, by the chip's MD5: first of the first
   * sector, one short round trip, which is all that a board holding anything else costs; then
   * of the whole region.
   */
  async holds(data: Uint8Array, offset: number): Promise<boolean> {
    try {
      const head = data.subarray(0, Math.min(data.length, FLASH_SECTOR));
      if ((await this.loader.flashMd5sum(offset, head.length)) !== md5Hex(head)) return false;
      return (await this.loader.flashMd5sum(offset, data.length)) === md5Hex(data);
    } catch (error) {
      throw describeWriteFailure(this.path, error);
    }
  }

  /**
   * Writes `image` at `offset` (deflate-compressed unless told otherwise), then compares the
   * chip's MD5 of the written region with the file's. esptool-js's protocol calls around the
   * blocks (FLASH_(DEFL_)BEGIN/END, SPI_FLASH_MD5); the data packets built ahead by
   * data-frames.ts (see sendDataFrame; a block the chip rejects, e.g. for a bad checksum, is sent
   * up to three times); Node's native zlib doing the compression: esptool-js's `writeFlash`
   * re-inflates every block in JavaScript, byte by byte, only to count progress, which costs
   * more than the line time of a compressed block.
   */
  async writeFlash(
    image: PreparedImage,
    offset: number,
    options: { eraseAll: boolean; onProgress: (written: number, total: number) => void },
  ): Promise<void> {
    const loader = this.loader;
    const { data, payload } = image;
    const compress = image.compressed;
    try {
      if (options.eraseAll) {
        if (!loader.IS_STUB)
          throw new FlashWriteFailed("erasing the whole flash needs esptool's flasher stub, which this chip did not run");
        await loader.eraseFlash();
      }
      const blockSize = loader.FLASH_WRITE_SIZE;
      if (compress) await loader.flashDeflBegin(data.length, payload.length, offset);
      else await loader.flashBegin(data.length, offset);
      options.onProgress(0, data.length);
      const op = compress ? loader.ESP_FLASH_DEFL_DATA : loader.ESP_FLASH_DATA;
      const count = Math.ceil(payload.length / blockSize);
      const frameOf = (seq: number): Uint8Array => {
        let block = payload.subarray(seq * blockSize, (seq + 1) * blockSize);
        // The ROM and stub take plain blocks of exactly the announced size, padded with 0xFF.
        if (!compress && block.length < blockSize) block = padTo(block, blockSize);
        return flashDataFrame(op, block, seq);
      };
      const plainPerByte = data.length / payload.length;
      let frame: Uint8Array | undefined = frameOf(0);
      for (let seq = 0; frame; seq++) {
        const sent = Math.min(payload.length, (seq + 1) * blockSize);
        // The ROM writes a block before it answers (the stub answers first): allow for that.
        const timeout = loader.timeoutPerMb(loader.ERASE_WRITE_TIMEOUT_PER_MB, (sent - seq * blockSize) * plainPerByte);
        const next = (): Uint8Array | undefined => (seq + 1 < count ? frameOf(seq + 1) : undefined);
        frame = await sendDataFrame(loader, { op, frame, seq, timeout, next });
        options.onProgress(Math.min(data.length, Math.round(sent * plainPerByte)), data.length);
      }
      // Only the stub needs the END: to the ROM it means "leave the loader and run the app".
      if (loader.IS_STUB) {
        if (compress) await loader.flashDeflFinish(false);
        else await loader.flashFinish(false);
      }
      const expected = md5Hex(data);
      let actual = await loader.flashMd5sum(offset, data.length);
      // A byte garbled in the question (its address or length) makes the chip hash another
      // region: asked again, a flash that holds the image answers right; a bad cell stays wrong.
      if (actual !== expected) actual = await loader.flashMd5sum(offset, data.length);
      if (actual !== expected) {
        throw new FlashWriteFailed(
          `the flash on ${this.path} does not hold what was written (MD5 mismatch after writing: ${actual}, expected ${expected}); try again, or a lower --baud`,
        );
      }
    } catch (error) {
      throw describeWriteFailure(this.path, error);
    }
  }

  async eraseFlash(): Promise<void> {
    try {
      await this.loader.eraseFlash();
    } catch (error) {
      throw describeWriteFailure(this.path, error);
    }
  }

  /**
   * Restarts the chip into the firmware in flash. The stub reboots itself on FLASH_END with
   * "reboot" (works without any reset wiring, and on a virtual chip); where the port has modem
   * lines, an RTS pulse (EN low, GPIO0 high) then resets it the usual esptool way as well.
   */
  async resetIntoFirmware(): Promise<void> {
    try {
      await this.loader.flashBegin(0, 0);
      await this.loader.flashFinish(true);
    } catch {
      // A chip that resets before its reply is flushed is doing what was asked.
    }
    if (this.port.modemLinesWork) {
      await this.port.setSignals({ dataTerminalReady: false, requestToSend: true }).catch(() => {});
      await sleep(100);
      await this.port.setSignals({ dataTerminalReady: false, requestToSend: false }).catch(() => {});
    }
  }

  async close(): Promise<void> {
    await this.loader.transport.disconnect().catch(() => {});
  }
}

/** One data packet of a flash write, ready for the wire, and how to build the one after it. */
interface DataFrame {
  op: number;
  frame: Uint8Array;
  seq: number;
  timeout: number;
  next: () => Uint8Array | undefined;
}

/**
 * Sends one data packet and waits for the chip's answer, building the next packet while this one
 * crosses the line; returns the next packet. A packet the chip rejects (a bad checksum) or does
 * not answer in time is sent again after a pause, as esptool-js's flashDeflBlock does
 * (WRITE_BLOCK_ATTEMPTS tries, WRITE_BLOCK_RETRY_DELAY_MS apart).
 */
async function sendDataFrame(loader: ESPLoader, packet: DataFrame): Promise<Uint8Array | undefined> {
  const transport = loader.transport as QuietTransport;
  let following: (() => Uint8Array | undefined) | Uint8Array | undefined = packet.next;
  for (let attemptsLeft = loader.WRITE_BLOCK_ATTEMPTS - 1; ; attemptsLeft--) {
    try {
      // An answer left over from an earlier try must not pass for this one's.
      transport.flushInput();
      await transport.writeFrame(packet.frame);
      const answer = loader.readPacket(packet.op, packet.timeout);
      if (typeof following === "function") following = following();
      const [, body] = await answer;
      // The status follows the (empty) body: ROM and stub both put the error flag first.
      if (body.length < 2 || body[0] !== 0) {
        throw new ESPError(
          `Failed to write to target Flash after seq ${packet.seq} failed with status ${Array.from(body.subarray(0, 2)).join(",")}`,
        );
      }
      return following;
    } catch (error) {
      if (attemptsLeft === 0) throw error;
      await sleep(loader.WRITE_BLOCK_RETRY_DELAY_MS);
    }
  }
}

/**
 * How long after the chip's CHANGE_BAUDRATE reply the host waits before talking at the new
 * rate: esptool's stub sets its UART divider 10 ms after the reply and reads again 1 ms later
 * (the ROM's timing is not published; the stub's is assumed). esptool.py and esptool-js wait
 * 50 ms, esptool-js then 100 ms more for silence: 0.1 s of every connect.
 */
const BAUD_SETTLE_MS = 20;

/**
 * Moves chip and host from `from` to `to` baud and returns the rate they talk at. A register
 * read proves the chip hears the new rate; if it does not after a longer wait either, host and
 * chip go back to `from` (a chip that never switched answers there) or the connect fails.
 */
async function changeBaud(loader: ESPLoader, path: string, from: number, to: number, log: (line: string) => void): Promise<number> {
  const transport = loader.transport;
  const request = loader.IS_STUB ? to : await romBaudRequest(loader, to);
  if (request === undefined) return from;
  const args = new Uint8Array(8);
  const view = new DataView(args.buffer);
  view.setUint32(0, request, true);
  // The stub is told the rate it runs at; the ROM takes 0.
  view.setUint32(4, loader.IS_STUB ? from : 0, true);
  await loader.command(loader.ESP_CHANGE_BAUDRATE, args);
  for (const rate of [to, from]) {
    await transport.changeBaudrate(rate);
    for (const settle of [BAUD_SETTLE_MS, 100]) {
      await sleep(settle);
      // Bytes that arrived while the two ends were at different rates are noise.
      transport.flushInput();
      if (await answers(loader)) {
        if (rate !== to) log(`The chip did not answer at ${to} baud; continuing at ${rate} baud.`);
        return rate;
      }
    }
  }
  throw new Esp32NotAnswering(`the ESP32 on ${path} stopped answering after the change to ${to} baud; try a lower --baud`);
}

/**
 * The rate to ask the ROM for so that its UART runs at `baud`, or undefined when the ROM cannot
 * be trusted with it. The ESP32's ROM derives its divider from a crystal frequency it measured
 * against its drifting internal 8 MHz clock; esptool (ESP32ROM.change_baud) reads that estimate
 * back (RTC calibration register, eFuse CK8M field) and scales the request by estimate / real
 * crystal. Later chips' ROMs take the rate as it is.
 */
async function romBaudRequest(loader: ESPLoader, baud: number): Promise<number | undefined> {
  if (loader.chip.CHIP_NAME !== "ESP32") return baud;
  const [rtcCalibration, efuseWord4] = await readRegisters(loader, [ESP32_RTC_CALI_REG, ESP32_EFUSE_WORD4]);
  const calibration = (rtcCalibration! >>> 7) & 0x1ffffff;
  const clock8M = efuseWord4! & 0xff;
  const romCrystal = (calibration * 15625 * clock8M) / 40;
  // A reading no crystal could give: leave the rate to the stub, which keeps the ROM's divider
  // for 115200 and computes its own.
  if (romCrystal < 20e6 || romCrystal > 50e6) return undefined;
  const crystal = romCrystal > 33e6 ? 40e6 : 26e6;
  return Math.floor((baud * romCrystal) / crystal);
}

/**
 * The SPI flash's JEDEC ID (command 0x9F, 24 bits back), by the same register writes as
 * esptool-js's runSpiflashCommand, but with the five writes that start the command, and the two
 * that restore the controller, each sent as one WRITE_REG: the stub writes every register a
 * command lists, in order; and the reads go in pairs (see readRegisters). Four round trips
 * instead of eleven.
 */
async function readFlashId(loader: ESPLoader): Promise<number> {
  const chip = loader.chip;
  const base = chip.SPI_REG_BASE;
  const usr = base + chip.SPI_USR_OFFS;
  const usr2 = base + chip.SPI_USR2_OFFS;
  const [oldUsr, oldUsr2] = await readRegisters(loader, [usr, usr2]);
  await writeRegisters(loader, [
    [base + chip.SPI_MISO_DLEN_OFFS, 24 - 1],
    [usr, SPI_USR_COMMAND | SPI_USR_MISO],
    [usr2, (7 << 28) | SPIFLASH_RDID],
    [base + chip.SPI_W0_OFFS, 0],
    [base, SPI_CMD_USR],
  ]);
  // The ID register is read with the busy flag; it counts only once the flag reads clear.
  let [command, id] = await readRegisters(loader, [base, base + chip.SPI_W0_OFFS]);
  for (let poll = 0; command! & SPI_CMD_USR; poll++) {
    if (poll === 10) throw new Esp32NotAnswering("the SPI flash did not answer its ID command in time");
    [command, id] = await readRegisters(loader, [base, base + chip.SPI_W0_OFFS]);
  }
  await writeRegisters(loader, [
    [usr, oldUsr!],
    [usr2, oldUsr2!],
  ]);
  return id!;
}

const SPIFLASH_RDID = 0x9f;
const SPI_CMD_USR = 1 << 18;
const SPI_USR_COMMAND = 1 << 31;
const SPI_USR_MISO = 1 << 28;

/** One WRITE_REG of [address, value] pairs (mask all ones, no delay), as the stub takes it. */
async function writeRegisters(loader: ESPLoader, writes: [number, number][]): Promise<void> {
  const data = new Uint8Array(16 * writes.length);
  const view = new DataView(data.buffer);
  writes.forEach(([address, value], i) => {
    view.setUint32(16 * i, address >>> 0, true);
    view.setUint32(16 * i + 4, value >>> 0, true);
    view.setUint32(16 * i + 8, 0xffffffff, true);
  });
  await loader.checkCommand("write target memory", loader.ESP_WRITE_REG, data);
}

/** RTCCALICFG1 (calibration value in bits 7..31) and eFuse read word 4 (CK8M in bits 0..7). */
const ESP32_RTC_CALI_REG = 0x3ff5f06c;
const ESP32_EFUSE_WORD4 = 0x3ff5a000 + 4 * 4;

async function answers(loader: ESPLoader): Promise<boolean> {
  try {
    await loader.readReg(loader.CHIP_DETECT_MAGIC_REG_ADDR, 100);
    return true;
  } catch {
    return false;
  }
}

/**
 * The chips whose ROM has no GET_SECURITY_INFO, by the value of their magic register (esptool's
 * USES_MAGIC_VALUE chips, less the ESP32-S2, whose ROM has the command and may be in secure
 * download mode, where the register cannot be read).
 */
const MAGIC_ONLY_CHIPS = new Map<number, () => ROM>([
  [0x00f01d83, () => new ESP32ROM()],
  [0xfff0c101, () => new ESP8266ROM()],
]);

/**
 * esptool-js identifies a chip by GET_SECURITY_INFO first, as esptool does. The ESP32's ROM does
 * not know that command: its refusal is followed by 30 ms of draining (see SETTLED_AFTER_MS)
 * before the magic register is read anyway. Reading the register first names an ESP32 or an
 * ESP8266 in one round trip; for any other value (or a register the ROM will not read) the usual
 * identification follows, one short round trip later than before.
 */
function identifyByMagicFirst(loader: ESPLoader): void {
  const internals = loader as unknown as { identifyChip(): Promise<ROM> };
  const usual = internals.identifyChip.bind(loader);
  internals.identifyChip = async () => {
    let magic: number;
    try {
      magic = (await loader.readReg(loader.CHIP_DETECT_MAGIC_REG_ADDR)) >>> 0;
    } catch {
      return usual();
    }
    return MAGIC_ONLY_CHIPS.get(magic)?.() ?? usual();
  };
}

/**
 * READ_REGs sent back to back, their answers read after: one round trip for all of them instead
 * of one each. The ROM and the stub answer commands in the order they came; a few 14-byte
 * requests fit the ROM's 128-byte UART FIFO, and the stub takes each frame from its receive
 * buffer as soon as it is complete, long before the next one (its second buffer) is. Values as
 * esptool-js's readReg returns them.
 */
async function readRegisters(loader: ESPLoader, addresses: number[]): Promise<number[]> {
  loader.transport.flushInput();
  for (const address of addresses) {
    const request = new Uint8Array(12);
    const view = new DataView(request.buffer);
    request[1] = loader.ESP_READ_REG;
    view.setUint16(2, 4, true);
    view.setUint32(8, address >>> 0, true);
    await loader.transport.write(request);
  }
  const values: number[] = [];
  for (let i = 0; i < addresses.length; i++) values.push((await loader.readPacket(loader.ESP_READ_REG))[0]);
  return values;
}

/**
 * The registers esptool-js's chip description reads (ROM class getChipDescription, with
 * getPkgVersion and getChipRevision), by chip name: read together first, they cost one round
 * trip instead of one each. A chip left out, or a register missing here, is read as before.
 */
const DESCRIPTION_REGISTERS = new Map<string, number[]>([
  // eFuse read words 3 and 5, APB_CTRL_DATE.
  ["ESP32", [0x3ff5a000 + 4 * 3, 0x3ff5a000 + 4 * 5, 0x3ff66000 + 0x7c]],
]);

/**
 * Runs `work` with each register read once: a second read of the same address is answered from
 * the first, and the `known` registers are read together before it starts. Only for values that
 * cannot change while the loader runs (eFuses, the chip's revision date): esptool-js's chip
 * description and its stub upload read the same words.
 */
async function withReadsRemembered<T>(loader: ESPLoader, known: number[], work: () => Promise<T>): Promise<T> {
  const values = new Map<number, number>();
  const prefetched = await readRegisters(loader, known);
  known.forEach((address, i) => values.set(address, prefetched[i]!));
  const read = loader.readReg.bind(loader);
  loader.readReg = async (address, timeout) => {
    const known = values.get(address);
    if (known !== undefined) return known;
    const value = await read(address, timeout);
    values.set(address, value);
    return value;
  };
  try {
    return await work();
  } finally {
    // The prototype's method again.
    delete (loader as { readReg?: unknown }).readReg;
  }
}

/**
 * Web Serial reports the USB IDs; esptool-js chooses the USB-JTAG reset for 303A:1001 from them.
 * On Linux they are read from sysfs: serialport's listing runs udevadm over every device the
 * system knows, a process start before the first byte of every connect.
 */
async function usbIdentity(path: string): Promise<UsbIdentity> {
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    return {};
  }
  const ports = process.platform === "linux" ? scanLinuxPorts() : await listSerialPorts().catch(() => []);
  const match = ports.find((port) => port.path === path || port.path === real);
  if (!match?.vendorId || !match.productId) return {};
  return { usbVendorId: Number.parseInt(match.vendorId, 16), usbProductId: Number.parseInt(match.productId, 16) };
}

/**
 * Whether SYNC was answered by esptool's stub rather than the ROM (the stub answers with 0).
 * esptool-js records this in a private field, read here by name.
 */
function stubAlreadyRunning(loader: ESPLoader): boolean {
  return (loader as unknown as { syncStubDetected?: boolean }).syncStubDetected === true;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** esptool-js's verdict after every reset-and-SYNC round went unanswered. */
function isNoSync(error: unknown): boolean {
  return /failed to connect/i.test(messageOf(error));
}

function describeConnectFailure(path: string, error: unknown): TsmpError {
  if (error instanceof TsmpError) return error;
  const message = messageOf(error);
  if (isNoSync(error)) {
    return new Esp32NotAnswering(
      `no ESP32 bootloader answered on ${path} (no reply to SYNC after the reset attempts). ` +
        "Is this an ESP32 board? If it is, hold its BOOT button, tap RESET, and try again.",
    );
  }
  return new Esp32NotAnswering(`talking to the ESP32 bootloader on ${path} failed: ${message}`);
}

function describeWriteFailure(path: string, error: unknown): TsmpError {
  if (error instanceof TsmpError) return error;
  const message = messageOf(error);
  return new FlashWriteFailed(`writing the flash on ${path} failed: ${message}`);
}

function md5Hex(data: Uint8Array): string {
  return createHash("md5").update(data).digest("hex");
}

function padTo(data: Uint8Array, alignment: number): Uint8Array {
  const remainder = data.length % alignment;
  if (remainder === 0) return data;
  const padded = new Uint8Array(data.length + alignment - remainder).fill(0xff);
  padded.set(data);
  return padded;
}
