import type { SerialOptions } from "esptool-js";
import { SerialPort } from "serialport";
import { openPort } from "../open-port.js";

/** The USB identity Web Serial reports in `getInfo()`; esptool-js picks its reset strategy from it. */
export interface UsbIdentity {
  usbVendorId?: number;
  usbProductId?: number;
}

/** Web Serial's `SerialOutputSignals`, which esptool-js sets one or all at a time. */
export interface WebSerialSignals {
  dataTerminalReady?: boolean;
  requestToSend?: boolean;
  break?: boolean;
}

/**
 * The part of a Web Serial `SerialPort` that esptool-js's `Transport` uses as its `device`
 * (webserial.d.ts), with `BaudRateConfigurablePort`'s optional in-place baud change. esptool-js
 * names the device with the w3c-web-serial types, which tsmp does not depend on, so there it
 * resolves to `any`; this interface is what the Node port promises instead.
 */
export interface EsptoolSerialDevice {
  readonly readable: ReadableStream<Uint8Array> | null;
  readonly writable: WritableStream<Uint8Array> | null;
  getInfo(): UsbIdentity;
  open(options: SerialOptions): Promise<void>;
  close(): Promise<void>;
  setSignals(signals: WebSerialSignals): Promise<void>;
  setBaudRate?(baudRate: number): Promise<void>;
}

/**
 * A Web-Serial-shaped port (what `navigator.serial.requestPort()` returns in a browser) over
 * Node's `serialport`, so esptool-js's `Transport` runs unchanged in Node.
 *
 * Two quirks it absorbs: esptool-js sets DTR and RTS one at a time (`setSignals({requestToSend})`)
 * while `serialport`'s `set()` fills any omitted line with `true`, so the adapter remembers both
 * lines and always sends the pair; and a pty has no modem lines at all (ENOTTY), which is treated
 * as "nothing to toggle" rather than an error.
 */
export class NodeWebSerialPort implements EsptoolSerialDevice {
  readable: ReadableStream<Uint8Array> | null = null;
  writable: WritableStream<Uint8Array> | null = null;
  /** False once the device refused modem-line control (a pty): resets by DTR/RTS cannot work. */
  modemLinesWork = true;
  private port: SerialPort | null = null;
  private dtr = false;
  private rts = false;
  private readonly arrivalWaiters = new Set<() => void>();

  constructor(
    readonly path: string,
    private readonly usb: UsbIdentity = {},
  ) {}

  getInfo(): UsbIdentity {
    return { ...this.usb };
  }

  async open(options: SerialOptions): Promise<void> {
    const port = new SerialPort({
      path: this.path,
      baudRate: options.baudRate ?? 115200,
      dataBits: options.dataBits ?? 8,
      stopBits: options.stopBits ?? 1,
      parity: options.parity ?? "none",
      rtscts: options.flowControl === "hardware",
      autoOpen: false,
    });
    await openPort(port, this.path);
    // A failed write rejects its own promise below, and a lost link also ends the readable with
    // "close"; without a listener the same error would also crash the process as unhandled.
    port.on("error", () => undefined);
    this.port = port;
    const arrivalWaiters = this.arrivalWaiters;
    this.readable = new ReadableStream<Uint8Array>({
      start(controller) {
        port.on("data", (chunk: Buffer) => {
          controller.enqueue(new Uint8Array(chunk));
          for (const wake of arrivalWaiters) wake();
          arrivalWaiters.clear();
        });
        port.once("close", () => {
          try {
            controller.close();
          } catch {
            // Already closed by a cancel.
          }
        });
      },
      cancel() {
        port.removeAllListeners("data");
      },
    });
    this.writable = new WritableStream<Uint8Array>({
      write(chunk) {
        return new Promise<void>((resolve, reject) => {
          port.write(Buffer.from(chunk), (error) => {
            if (error) reject(error);
          });
          port.drain((error) => (error ? reject(error) : resolve()));
        });
      },
    });
  }

  /**
   * Resolves when the next bytes arrive from the device, or after `ms` without any: a reader
   * waits on this instead of polling for them.
   */
  bytesArrive(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.arrivalWaiters.delete(wake);
        resolve();
      };
      // A wait left over when the port closes must not keep the process alive.
      const timer = setTimeout(wake, ms).unref();
      this.arrivalWaiters.add(wake);
    });
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    this.readable = null;
    this.writable = null;
    if (!port) return;
    if (port.isOpen) {
      await new Promise<void>((resolve) => port.close(() => resolve()));
    } else if (port.closing) {
      // A read error (the chip rebooting, a dropped link) already started the close, and isOpen
      // says false while the file is still open and locked: the next open of this port (the REPL
      // check, a connect's retry) would find it busy.
      await new Promise<void>((resolve) => {
        port.once("close", () => resolve());
        port.once("error", () => resolve());
      });
    }
  }

  async setSignals(signals: WebSerialSignals): Promise<void> {
    if (signals.dataTerminalReady !== undefined) this.dtr = signals.dataTerminalReady;
    if (signals.requestToSend !== undefined) this.rts = signals.requestToSend;
    const port = this.port;
    if (!port || !this.modemLinesWork) return;
    await new Promise<void>((resolve, reject) =>
      port.set({ dtr: this.dtr, rts: this.rts, brk: signals.break ?? false }, (error) => {
        if (!error) return resolve();
        if (/inappropriate ioctl|ENOTTY|EINVAL/i.test(error.message)) {
          this.modemLinesWork = false;
          return resolve();
        }
        reject(error);
      }),
    );
  }

  /** esptool-js uses this, when present, to change baud without reopening the port. */
  async setBaudRate(baudRate: number): Promise<void> {
    const port = this.port;
    if (!port) return;
    await new Promise<void>((resolve, reject) => port.update({ baudRate }, (error) => (error ? reject(error) : resolve())));
  }
}
