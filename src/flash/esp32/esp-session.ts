import { createHash } from "node:crypto";
import { deflateSync } from "node:zlib";
import { realpathSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { ESPLoader, Transport, type IEspLoaderTerminal } from "esptool-js";
import { TsmpError } from "../../errors.js";
import { listSerialPorts } from "../ports.js";
import { chipByName, type Esp32Chip } from "./chips.js";
import { NodeWebSerialPort, type UsbIdentity } from "./web-serial-port.js";

export class Esp32NotAnswering extends TsmpError {}
export class FlashWriteFailed extends TsmpError {}

/** esptool-js prints its trace lines with console.log; tsmp's stdout belongs to the program. */
class QuietTransport extends Transport {
  override trace(message: string): void {
    if (process.env.TSMP_DEBUG) process.stderr.write(`esptool-js: ${message}\n`);
  }
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
    try {
      return await Esp32Session.connectOnce(options, usb);
    } catch (error) {
      // esptool-js gives MEM_END (the jump into the stub) only 200 ms to be acknowledged; a busy
      // host or hub misses that now and then although the stub did start. One more round
      // recovers: SYNC then finds the stub running and skips the upload.
      if (error instanceof TsmpError || isNoSync(error)) throw describeConnectFailure(options.port, error);
      options.log?.(`Retrying after: ${messageOf(error)}`);
      try {
        return await Esp32Session.connectOnce({ ...options, connectAttempts: 2 }, usb);
      } catch (retryError) {
        // Silence on the retry means the link died: the first failure says where.
        throw describeConnectFailure(options.port, isNoSync(retryError) ? error : retryError);
      }
    }
  }

  private static async connectOnce(options: Esp32SessionOptions, usb: UsbIdentity): Promise<Esp32Session> {
    const port = new NodeWebSerialPort(options.port, usb);
    const log = options.log ?? (() => {});
    const terminal: IEspLoaderTerminal = { clean: () => {}, writeLine: (line) => log(line), write: (text) => log(text) };
    const transport = new QuietTransport(port, false);
    const loader = new ESPLoader({ transport, baudrate: options.baud, terminal, debugLogging: false });
    try {
      await loader.connect("default_reset", options.connectAttempts ?? 7, true);
      const description = await loader.chip.getChipDescription(loader);
      await loader.runStub();
      if (options.baud !== 115200) await loader.changeBaud();
      return new Esp32Session(loader, port, options.port, description);
    } catch (error) {
      await transport.disconnect().catch(() => {});
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
    return this.loader.detectFlashSize();
  }

  /**
   * Writes `image` at `offset` (deflate-compressed unless told otherwise), then compares the
   * chip's MD5 of the written region with the file's. The block loop is esptool-js's own
   * protocol calls (FLASH_(DEFL_)BEGIN/DATA/END, SPI_FLASH_MD5; a block the chip rejects, e.g.
   * for a bad checksum, is sent up to three times) with Node's native zlib doing the
   * compression: esptool-js's `writeFlash` re-inflates every block in JavaScript, byte by byte,
   * only to count progress, which costs more than the line time of a compressed block.
   */
  async writeFlash(
    image: Uint8Array,
    offset: number,
    options: { compress: boolean; eraseAll: boolean; onProgress: (written: number, total: number) => void },
  ): Promise<void> {
    const loader = this.loader;
    // The stub writes whole 32-bit words; esptool pads the file the same way.
    const data = padTo(image, 4);
    try {
      if (options.eraseAll) {
        if (!loader.IS_STUB) throw new FlashWriteFailed("erasing the whole flash needs esptool's flasher stub, which this chip did not run");
        await loader.eraseFlash();
      }
      const payload = options.compress ? deflateSync(data, { level: 9 }) : data;
      const blockSize = loader.FLASH_WRITE_SIZE;
      if (options.compress) await loader.flashDeflBegin(data.length, payload.length, offset);
      else await loader.flashBegin(data.length, offset);
      options.onProgress(0, data.length);
      const plainPerByte = data.length / payload.length;
      for (let seq = 0, at = 0; at < payload.length; seq++, at += blockSize) {
        const block = payload.subarray(at, at + blockSize);
        // The ROM writes a block before it answers (the stub answers first): allow for that.
        const timeout = loader.timeoutPerMb(loader.ERASE_WRITE_TIMEOUT_PER_MB, block.length * plainPerByte);
        if (options.compress) {
          await loader.flashDeflBlock(block, seq, timeout);
        } else {
          const padded = new Uint8Array(blockSize).fill(0xff);
          padded.set(block);
          await loader.flashBlock(padded, seq, timeout);
        }
        options.onProgress(Math.min(data.length, Math.round((at + block.length) * plainPerByte)), data.length);
      }
      // Only the stub needs the END: to the ROM it means "leave the loader and run the app".
      if (loader.IS_STUB) {
        if (options.compress) await loader.flashDeflFinish(false);
        else await loader.flashFinish(false);
      }
      const expected = createHash("md5").update(data).digest("hex");
      const actual = await loader.flashMd5sum(offset, data.length);
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

/** Web Serial reports the USB IDs; esptool-js chooses the USB-JTAG reset for 303A:1001 from them. */
async function usbIdentity(path: string): Promise<UsbIdentity> {
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    return {};
  }
  const ports = await listSerialPorts().catch(() => []);
  const match = ports.find((port) => port.path === path || port.path === real);
  if (!match?.vendorId || !match.productId) return {};
  return { usbVendorId: Number.parseInt(match.vendorId, 16), usbProductId: Number.parseInt(match.productId, 16) };
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

function padTo(data: Uint8Array, alignment: number): Uint8Array {
  const remainder = data.length % alignment;
  if (remainder === 0) return data;
  const padded = new Uint8Array(data.length + alignment - remainder).fill(0xff);
  padded.set(data);
  return padded;
}
