/**
 * `tsmp/machine` ⇔ MicroPython's `machine`: simulated hardware on the board clock. Every output
 * change is recorded on the timeline; inputs are driven by tests through `tsmp/testing`.
 * https://docs.micropython.org/en/latest/library/machine.html
 */
import { OSError, ValueError } from "./exceptions.js";
import { BoardReset, ResetCause } from "./board-reset.js";
import { BusError, type I2cBus } from "../devices/attached-devices.js";
import type { KwArgs } from "./kwargs.js";
import {
  pinDeviceName,
  touchPadDeviceName,
  UNTOUCHED_READING,
  uartArrive,
  uartTakeFromDevice,
  uartWire,
  type UartWire,
} from "./board-devices.js";
import { pollSource, type PollableStream } from "./pollable.js";
import { AsyncioDeadlock, type IoSource } from "./scheduler.js";
import { runtime, type Runtime } from "./runtime.js";
import type { Clock, ClockEventHandle } from "./clock.js";

/** Reports an exception escaping an interrupt handler the way MicroPython does, then carries on. */
function runHandler(rt: Runtime, handler: () => void): boolean {
  try {
    handler();
    return true;
  } catch (error) {
    if (error instanceof BoardReset) throw error;
    rt.stderr(`Uncaught exception in IRQ callback handler\n${error instanceof Error ? (error.stack ?? String(error)) : String(error)}\n`);
    return false;
  }
}

/** `Pin.irq` settings MicroPython takes as keywords. */
type IrqSettings = { handler?: ((pin: Pin) => void) | null; trigger?: number; priority?: number; wake?: number | null; hard?: boolean };

/** What `Pin.irq()` returns. */
export interface PinIrq {
  /** The trigger(s) the IRQ was configured with. */
  trigger(): number;
  /** The trigger(s) that caused the latest interrupt. */
  flags(): number;
}

/** Pin settings MicroPython takes as keywords (`Pin(2, Pin.OUT, value=1)`). */
type PinSettings = { mode?: number; pull?: number | null; value?: number; drive?: number; alt?: number };

/**
 * Splits a facade call's arguments into the positional ones and the trailing keyword-argument
 * object (a plain object literal, as the KwArgs convention writes Python keywords).
 */
function splitKeywordArguments<K extends object>(args: readonly unknown[]): [unknown[], Partial<K>] {
  const last = args.at(-1);
  if (last !== null && typeof last === "object" && Object.getPrototypeOf(last) === Object.prototype) {
    return [args.slice(0, -1), last as Partial<K>];
  }
  return [[...args], {}];
}

/** A GPIO pin. Pins with the same id share one line, as on a board. */
export class Pin {
  static readonly IN = 0;
  static readonly OUT = 1;
  static readonly OPEN_DRAIN = 2;
  static readonly ALT = 3;
  static readonly ALT_OPEN_DRAIN = 4;
  static readonly ANALOG = 5;
  static readonly PULL_UP = 1;
  static readonly PULL_DOWN = 2;
  static readonly PULL_HOLD = 4;
  static readonly DRIVE_0 = 0;
  static readonly DRIVE_1 = 1;
  static readonly DRIVE_2 = 2;
  static readonly DRIVE_3 = 3;
  static readonly IRQ_RISING = 1;
  static readonly IRQ_FALLING = 2;
  static readonly IRQ_LOW_LEVEL = 4;
  static readonly IRQ_HIGH_LEVEL = 8;

  /** @internal */
  readonly device: string;
  private currentMode = -1;
  private currentPull = -1;
  private currentDrive = Pin.DRIVE_0;
  private irqListener: ((previous: number, next: number) => void) | null = null;
  private readonly rt = runtime();

  constructor(id: number | string, options?: KwArgs<PinSettings>);
  constructor(id: number | string, mode: number, options?: KwArgs<PinSettings>);
  constructor(id: number | string, mode: number, pull: number | null, options?: KwArgs<PinSettings>);
  constructor(
    readonly id: number | string,
    ...args: unknown[]
  ) {
    this.device = pinDeviceName(id);
    this.configure(args);
  }

  /** Re-initialises the pin; omitted settings keep their values. */
  init(options?: KwArgs<PinSettings>): void;
  init(mode: number, options?: KwArgs<PinSettings>): void;
  init(mode: number, pull: number | null, options?: KwArgs<PinSettings>): void;
  init(...args: unknown[]): void {
    this.configure(args);
  }

  private configure(args: unknown[]): void {
    const [positional, keywords] = splitKeywordArguments<PinSettings>(args);
    const settings: PinSettings = { ...keywords };
    if (positional[0] !== undefined) settings.mode = positional[0] as number;
    if (positional[1] !== undefined) settings.pull = positional[1] as number | null;
    if (settings.mode !== undefined && settings.mode !== -1) this.currentMode = settings.mode;
    if (settings.pull !== undefined && settings.pull !== -1) this.currentPull = settings.pull ?? -1;
    if (settings.drive !== undefined) this.currentDrive = settings.drive;
    const idle = this.currentPull === Pin.PULL_UP ? 1 : 0;
    const line = this.rt.input(this.device, idle);
    if (settings.value !== undefined) this.value(settings.value);
    else if (this.isOutput()) this.rt.recordOutput(this.device, line.value);
  }

  /** Reads the pin level (0 or 1), or drives it when `x` is given. */
  value(): number;
  value(x: number | boolean): void;
  value(x?: number | boolean): number | void {
    if (x === undefined) return this.rt.input(this.device).value;
    const level = x ? 1 : 0;
    if (this.isOutput()) this.rt.recordOutput(this.device, level);
    this.rt.setInput(this.device, level);
  }

  on(): void {
    this.value(1);
  }

  off(): void {
    this.value(0);
  }

  high(): void {
    this.value(1);
  }

  low(): void {
    this.value(0);
  }

  toggle(): void {
    this.value(this.value() ? 0 : 1);
  }

  mode(): number;
  mode(mode: number): void;
  mode(mode?: number): number | void {
    if (mode === undefined) return this.currentMode;
    this.init(mode);
  }

  pull(): number;
  pull(pull: number | null): void;
  pull(pull?: number | null): number | void {
    if (pull === undefined) return this.currentPull;
    this.init({ pull });
  }

  drive(): number;
  drive(drive: number): void;
  drive(drive?: number): number | void {
    if (drive === undefined) return this.currentDrive;
    this.currentDrive = drive;
  }

  /**
   * Calls `handler(pin)` on the given edges/levels (default: both edges); `null` removes it.
   * Handlers run as interrupts: between task steps or during a blocking sleep.
   */
  irq(options?: KwArgs<IrqSettings>): PinIrq;
  irq(handler: ((pin: Pin) => void) | null, options?: KwArgs<IrqSettings>): PinIrq;
  irq(handler: ((pin: Pin) => void) | null, trigger: number, options?: KwArgs<IrqSettings>): PinIrq;
  irq(...args: unknown[]): PinIrq {
    const [positional, keywords] = splitKeywordArguments<IrqSettings>(args);
    const settings: IrqSettings = { ...keywords };
    if (positional.length > 0) settings.handler = positional[0] as ((pin: Pin) => void) | null;
    if (positional[1] !== undefined) settings.trigger = positional[1] as number;
    const handler = settings.handler ?? null;
    const wanted = settings.trigger ?? Pin.IRQ_FALLING | Pin.IRQ_RISING;
    const wake = settings.wake ?? null;
    const line = this.rt.input(this.device);
    if (this.irqListener !== null) line.listeners.delete(this.irqListener);
    this.irqListener = null;
    let lastFlags = 0;
    if (handler !== null) {
      const listener = (previous: number, next: number) => {
        const edge = next > previous ? Pin.IRQ_RISING : Pin.IRQ_FALLING;
        const level = next ? Pin.IRQ_HIGH_LEVEL : Pin.IRQ_LOW_LEVEL;
        const fired = (edge | level) & wanted;
        if (fired === 0) return;
        lastFlags = fired;
        if (wake !== null && wake & SLEEP) this.rt.wokenByPin = true;
        runHandler(this.rt, () => handler(this));
      };
      this.irqListener = listener;
      line.listeners.add(listener);
      this.rt.stopOnReset.add(() => line.listeners.delete(listener));
    }
    return { trigger: () => wanted, flags: () => lastFlags };
  }

  toString(): string {
    return this.device;
  }

  private isOutput(): boolean {
    return this.currentMode === Pin.OUT || this.currentMode === Pin.OPEN_DRAIN;
  }
}

function pinOf(dest: Pin | number | string): Pin {
  return dest instanceof Pin ? dest : new Pin(dest);
}

type PwmOptions = { freq?: number; duty_u16?: number; duty_ns?: number; invert?: boolean };

/** Pulse-width modulation on a pin; the timeline records the duty cycle (0–1). */
export class PWM {
  private frequency = 1000;
  private dutyU16 = 0;
  private inverted = false;
  private readonly device: string;
  private readonly rt = runtime();

  constructor(dest: Pin | number | string, options?: KwArgs<PwmOptions>) {
    this.device = `PWM(${pinOf(dest).device})`;
    this.init(options);
  }

  init(options?: KwArgs<PwmOptions>): void {
    if (options?.freq !== undefined) this.frequency = options.freq;
    if (options?.invert !== undefined) this.inverted = options.invert;
    if (options?.duty_ns !== undefined) this.duty_ns(options.duty_ns);
    else this.duty_u16(options?.duty_u16 ?? this.dutyU16);
  }

  deinit(): void {
    this.rt.recordOutput(this.device, 0);
  }

  freq(): number;
  freq(value: number): void;
  freq(value?: number): number | void {
    if (value === undefined) return this.frequency;
    if (value <= 0) throw new ValueError("freq must be positive");
    this.frequency = value;
  }

  duty_u16(): number;
  duty_u16(value: number): void;
  duty_u16(value?: number): number | void {
    if (value === undefined) return this.dutyU16;
    this.dutyU16 = Math.max(0, Math.min(65535, Math.trunc(value)));
    const fraction = this.dutyU16 / 65535;
    this.rt.recordOutput(this.device, this.inverted ? 1 - fraction : fraction);
  }

  duty_ns(): number;
  duty_ns(value: number): void;
  duty_ns(value?: number): number | void {
    // Integer arithmetic, rounding down, as the board's does.
    if (value === undefined) return Math.floor((this.dutyU16 * 1e9) / (65535 * this.frequency));
    this.duty_u16(Math.floor((value * this.frequency * 65535) / 1e9));
  }
}

/** Analog input; tests set its reading (`read_u16`, 0–65535) through `tsmp/testing`. */
export class ADC {
  static readonly ATTN_0DB = 0;
  static readonly ATTN_2_5DB = 1;
  static readonly ATTN_6DB = 2;
  static readonly ATTN_11DB = 3;
  static readonly WIDTH_9BIT = 9;
  static readonly WIDTH_10BIT = 10;
  static readonly WIDTH_11BIT = 11;
  static readonly WIDTH_12BIT = 12;

  private readonly device: string;
  private readonly rt = runtime();
  private attenuation: number | undefined;
  private bits = 12;

  constructor(id: Pin | number | string, options?: KwArgs<{ sample_ns?: number; atten?: number }>) {
    this.device = `ADC(${id instanceof Pin ? id.id : id})`;
    this.init(options);
  }

  init(options?: KwArgs<{ sample_ns?: number; atten?: number }>): void {
    if (options?.atten !== undefined) this.atten(options.atten);
  }

  /** The input range (ESP32): ATTN_0DB up to 950 mV … ATTN_11DB up to 2450 mV. */
  atten(atten: number): void {
    if (ADC_FULL_SCALE_UV[atten] === undefined) throw new ValueError("invalid attenuation");
    this.attenuation = atten;
  }

  /** The bits read() returns (ESP32: WIDTH_9BIT … WIDTH_12BIT). */
  width(bits: number): void {
    if (bits < 9 || bits > 12) throw new ValueError("invalid width");
    this.bits = bits;
  }

  /** The reading scaled to 0–65535. */
  read_u16(): number {
    return this.rt.input(this.device).value;
  }

  /** The reading in microvolts: 3.3 V full scale, or the attenuation's range once one is set. */
  read_uv(): number {
    const fullScale = this.attenuation === undefined ? 3_300_000 : ADC_FULL_SCALE_UV[this.attenuation]!;
    return Math.floor((this.read_u16() * fullScale) / 65535);
  }

  /** The raw reading in the configured width (ESP32 ports). */
  read(): number {
    return this.read_u16() >> (16 - this.bits);
  }
}

/** ESP32 ADC input ranges by attenuation (MicroPython's esp32 docs), in µV. */
const ADC_FULL_SCALE_UV = [950_000, 1_250_000, 1_750_000, 2_450_000];

type TimerOptions = { mode?: number; period?: number; freq?: number; callback?: ((timer: Timer) => void) | null };

/** A hardware timer: its callback runs as an interrupt on the board clock. */
export class Timer {
  static readonly ONE_SHOT = 0;
  static readonly PERIODIC = 1;

  private pending: ClockEventHandle | null = null;
  private readonly rt = runtime();

  constructor(options?: KwArgs<TimerOptions>);
  constructor(id: number, options?: KwArgs<TimerOptions>);
  constructor(...args: unknown[]) {
    const [, settings] = splitKeywordArguments<TimerOptions>(args);
    if (settings.callback !== undefined || settings.period !== undefined || settings.freq !== undefined) this.init(settings);
  }

  /** Starts the timer; `period` is in ms (or give `freq` in Hz). */
  init(options?: KwArgs<TimerOptions>): void {
    this.deinit();
    const mode = options?.mode ?? Timer.PERIODIC;
    const periodMs = options?.freq !== undefined ? 1000 / options.freq : (options?.period ?? -1);
    const callback = options?.callback ?? null;
    if (periodMs <= 0) throw new ValueError("period must be positive");
    const clock = this.rt.clock;
    const arm = (atMs: number) => {
      this.pending = clock.at(atMs, () => {
        this.pending = null;
        // Re-arm first (from the due time, so periods do not drift), then call back.
        if (mode === Timer.PERIODIC) arm(atMs + periodMs);
        if (callback !== null && !runHandler(this.rt, () => callback(this))) this.deinit();
        this.rt.runScheduled();
      });
    };
    arm(clock.nowUs() / 1000 + periodMs);
    this.rt.stopOnReset.add(this.stop);
  }

  deinit(): void {
    this.stop();
  }

  private readonly stop = (): void => {
    this.pending?.cancel();
    this.pending = null;
  };
}

type UartOptions = {
  baudrate?: number;
  bits?: number;
  parity?: number | null;
  stop?: number;
  tx?: Pin | number;
  rx?: Pin | number;
  txbuf?: number;
  rxbuf?: number;
  timeout?: number;
  timeout_char?: number;
  invert?: number;
  flow?: number;
};

/** `UART.irq` settings MicroPython takes as keywords. */
type UartIrqSettings = { handler?: ((uart: UART) => void) | null; trigger?: number; hard?: boolean };

/** What `UART.irq()` returns. */
export interface UartIrq {
  /** The trigger(s) the IRQ is configured with; sets them when given. */
  trigger(trigger?: number): number;
  /** The trigger(s) that caused the latest interrupt. */
  flags(): number;
}

/**
 * A serial port. Tests script what it receives (or loop TX back to RX) through `tsmp/testing`,
 * or attach a device (a modem) to its other end. It is a stream: `asyncio.StreamReader(uart)`.
 */
export class UART implements PollableStream {
  static readonly INV_TX = 1;
  static readonly INV_RX = 2;
  static readonly RTS = 1;
  static readonly CTS = 2;
  // The ESP32 port's trigger values (it has no IRQ_TXIDLE).
  /** IRQ after each chunk of received characters. */
  static readonly IRQ_RX = 1;
  /** IRQ when a break is received. */
  static readonly IRQ_BREAK = 2;
  /** IRQ once characters were received and the RX line has gone idle. */
  static readonly IRQ_RXIDLE = 0x1000;

  private readonly wire: UartWire;
  private readonly name: string;
  private baud = 115200;
  private frame = { bits: 8, parity: null as number | null, stop: 1 };
  private timeoutMs = 0;
  private irqTrigger = 0;
  private irqFlags = 0;
  private irqHandler: ((uart: UART) => void) | null = null;
  private idleEvent: ClockEventHandle | null = null;
  private readonly rt = runtime();
  private readonly readiness: IoSource = {
    readable: () => this.any() > 0,
    writable: () => true,
    boardClocked: true,
  };

  constructor(id: number | string, options?: KwArgs<UartOptions>);
  constructor(id: number | string, baudrate: number, options?: KwArgs<UartOptions>);
  constructor(
    private readonly id: number | string,
    ...args: unknown[]
  ) {
    this.wire = uartWire(this.rt, id);
    this.name = `UART(${id})`;
    const [positional, keywords] = splitKeywordArguments<UartOptions>(args);
    this.init({ ...keywords, ...(positional[0] !== undefined ? { baudrate: positional[0] as number } : {}) });
    uartTakeFromDevice(this.rt, id);
    const onArrival = () => this.arrived();
    this.wire.arrivals.add(onArrival);
    this.rt.stopOnReset.add(() => {
      this.wire.arrivals.delete(onArrival);
      this.idleEvent?.cancel();
    });
  }

  init(options?: KwArgs<UartOptions>): void {
    if (options?.baudrate !== undefined) this.baud = options.baudrate;
    if (options?.timeout !== undefined) this.timeoutMs = options.timeout;
    if (options?.bits !== undefined) this.frame.bits = options.bits;
    if (options?.parity !== undefined) this.frame.parity = options.parity;
    if (options?.stop !== undefined) this.frame.stop = options.stop;
  }

  deinit(): void {}

  /** Takes in what the attached device has sent by now. */
  private receive(): number[] {
    uartTakeFromDevice(this.rt, this.id);
    return this.wire.received;
  }

  /** Waits up to the `timeout` given to init (in 1 ms steps, as the board's VM does) for `enough`. */
  private waitFor(enough: (received: number[]) => boolean): number[] {
    let received = this.receive();
    for (let waited = 0; waited < this.timeoutMs && !enough(received); waited++) {
      this.rt.clock.sleepBlocking(1);
      received = this.receive();
    }
    return received;
  }

  /** Number of bytes waiting to be read. */
  any(): number {
    return this.receive().length;
  }

  /** Reads up to `nbytes` (all available by default); undefined (None) when nothing arrived within the timeout. */
  read(nbytes?: number): Uint8Array | undefined {
    const received = this.waitFor((r) => r.length >= (nbytes ?? 1));
    if (received.length === 0) return undefined;
    const count = nbytes === undefined ? received.length : Math.min(nbytes, received.length);
    return Uint8Array.from(received.splice(0, count));
  }

  /** Reads into `buf`; returns the count, or undefined (None) when nothing arrived. */
  readinto(buf: Uint8Array, nbytes?: number): number | undefined {
    const bytes = this.read(Math.min(buf.length, nbytes ?? buf.length));
    if (bytes === undefined) return undefined;
    buf.set(bytes);
    return bytes.length;
  }

  /** Reads up to and including a newline; undefined (None) when nothing arrived. */
  readline(): Uint8Array | undefined {
    const received = this.waitFor((r) => r.includes(10));
    if (received.length === 0) return undefined;
    const newline = received.indexOf(10);
    return Uint8Array.from(received.splice(0, newline < 0 ? received.length : newline + 1));
  }

  /** Sends `buf`; returns the number of bytes written. */
  write(buf: Uint8Array | string): number {
    const bytes = typeof buf === "string" ? new TextEncoder().encode(buf) : Uint8Array.from(buf);
    this.wire.sent.push(...bytes);
    this.rt.devices.uart(this.name)?.receive(bytes, this.rt.devices.ctx);
    if (this.wire.loopback) uartArrive(this.wire, bytes);
    // The device may answer later: the clock takes its answer in when it comes.
    uartTakeFromDevice(this.rt, this.id);
    return bytes.length;
  }

  sendbreak(): void {}

  /** Waits until everything written has left (the simulated wire sends at once). */
  flush(): void {}

  txdone(): boolean {
    return true;
  }

  /**
   * Calls `handler(uart)` on the `trigger` events (IRQ_RX, IRQ_RXIDLE, IRQ_BREAK); `null` removes
   * it. As on the ESP32 port, `hard` IRQs are refused, and RXIDLE fires once the line has been
   * quiet for two ticks of a timer of two character times (at least 0.5 ms).
   */
  irq(options?: KwArgs<UartIrqSettings>): UartIrq;
  irq(handler: ((uart: UART) => void) | null, trigger?: number, options?: KwArgs<UartIrqSettings>): UartIrq;
  irq(...args: unknown[]): UartIrq {
    const [positional, keywords] = splitKeywordArguments<UartIrqSettings>(args);
    const settings: UartIrqSettings = { ...keywords };
    if (positional.length > 0) settings.handler = positional[0] as ((uart: UART) => void) | null;
    if (positional[1] !== undefined) settings.trigger = positional[1] as number;
    if (positional[2] !== undefined) settings.hard = positional[2] as boolean;
    if (args.length > 0) {
      const trigger = settings.trigger ?? 0;
      const unsupported = trigger & ~(UART.IRQ_RX | UART.IRQ_RXIDLE | UART.IRQ_BREAK);
      if (unsupported !== 0) throw new ValueError(`trigger 0x${unsupported.toString(16).padStart(4, "0")} unsupported`);
      if (settings.hard === true) throw new ValueError("hard IRQ is not supported");
      this.irqHandler = settings.handler ?? null;
      this.setTrigger(trigger);
    }
    return {
      trigger: (trigger?: number) => {
        if (trigger !== undefined) this.setTrigger(trigger);
        return this.irqTrigger;
      },
      flags: () => this.irqFlags,
    };
  }

  private setTrigger(trigger: number): void {
    this.irqTrigger = trigger;
    this.idleEvent?.cancel();
    this.idleEvent = null;
  }

  /** New bytes are on the RX line: IRQ_RX now, IRQ_RXIDLE once the line has gone quiet. */
  private arrived(): void {
    if (this.irqTrigger & UART.IRQ_RXIDLE) {
      this.idleEvent?.cancel();
      this.idleEvent = this.rt.clock.at(this.rt.clock.nowUs() / 1000 + 2 * this.idleTickMs(), () => {
        this.idleEvent = null;
        this.interrupt(UART.IRQ_RXIDLE);
      });
    }
    if (this.irqTrigger & UART.IRQ_RX) this.interrupt(UART.IRQ_RX);
  }

  /** The ESP32's RXIDLE timer period: two characters' time in whole µs, at least 0.5 ms. */
  private idleTickMs(): number {
    const { bits, parity, stop } = this.frame;
    const characterBits = 1 + bits + (parity === null ? 0 : 1) + stop;
    return Math.max(500, Math.floor((2 * characterBits * 1_000_000) / this.baud)) / 1000;
  }

  private interrupt(flags: number): void {
    const handler = this.irqHandler;
    this.irqFlags = flags;
    if (handler !== null) runHandler(this.rt, () => handler(this));
    this.rt.runScheduled();
  }

  /** @internal */
  [pollSource](): IoSource {
    return this.readiness;
  }

  toString(): string {
    return `UART(${this.id}, baudrate=${this.baud})`;
  }
}

/** Bus errors become the OSError MicroPython raises (`[Errno 19] ENODEV` for a missing target). */
function onBus<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof BusError) throw new OSError(error.errno, "ENODEV");
    throw error;
  }
}

function pinId(pin: Pin | number | string | undefined): number | string | undefined {
  return pin instanceof Pin ? pin.id : pin;
}

type I2cOptions = { scl?: Pin | number | string; sda?: Pin | number | string; freq?: number; timeout?: number };

/** Names a bus answers to: its id, and the pins it runs on (devices attach by either). */
function i2cNames(id: number | string | undefined, options: I2cOptions | undefined): string[] {
  const names = id === undefined ? [] : [`I2C(${id})`];
  if (options?.scl !== undefined && options.sda !== undefined) names.push(`I2C(scl=${pinId(options.scl)}, sda=${pinId(options.sda)})`);
  return names;
}

/** Register-access keywords (`addrsize`: the register address width in bits, 8 by default). */
type MemOptions = { addrsize?: number };

/** An I2C controller; the attached devices answer at their addresses. */
export class I2C {
  protected names: string[];
  protected readonly rt = runtime();

  constructor(id: number | string, options?: KwArgs<I2cOptions>) {
    this.names = i2cNames(id, options);
  }

  init(options?: KwArgs<I2cOptions>): void {
    void options;
  }

  deinit(): void {}

  protected get bus(): I2cBus {
    return this.rt.devices.i2c(this.names);
  }

  /** The 7-bit addresses that acknowledge (0x08–0x77). */
  scan(): number[] {
    return this.bus.scan();
  }

  readfrom(addr: number, nbytes: number, stop = true): Uint8Array {
    return onBus(() => this.bus.readfrom(addr, nbytes, stop));
  }

  readfrom_into(addr: number, buf: Uint8Array, stop = true): void {
    buf.set(this.readfrom(addr, buf.length, stop));
  }

  /** Returns the number of bytes acknowledged. */
  writeto(addr: number, buf: Uint8Array, stop = true): number {
    return onBus(() => this.bus.writeto(addr, Uint8Array.from(buf), stop));
  }

  /** Writes the buffers one after another in one transaction. */
  writevto(addr: number, vector: Uint8Array[], stop = true): number {
    return this.writeto(addr, Uint8Array.from(vector.flatMap((part) => [...part])), stop);
  }

  readfrom_mem(addr: number, memaddr: number, nbytes: number, options?: KwArgs<MemOptions>): Uint8Array {
    return onBus(() => this.bus.readfromMem(addr, memaddr, nbytes, options?.addrsize));
  }

  readfrom_mem_into(addr: number, memaddr: number, buf: Uint8Array, options?: KwArgs<MemOptions>): void {
    buf.set(this.readfrom_mem(addr, memaddr, buf.length, options));
  }

  writeto_mem(addr: number, memaddr: number, buf: Uint8Array, options?: KwArgs<MemOptions>): void {
    onBus(() => this.bus.writetoMem(addr, memaddr, Uint8Array.from(buf), options?.addrsize));
  }
}

/** I2C bit-banged on any two pins, with the primitive operations too. */
export class SoftI2C extends I2C {
  constructor(options: KwArgs<I2cOptions>) {
    super(0, options);
    this.names = i2cNames(undefined, options);
  }

  start(): void {
    this.bus.start();
  }

  stop(): void {
    this.bus.stop();
  }

  /** Reads `buf.length` bytes; the last is NACKed when `nack` (a read's end). */
  readinto(buf: Uint8Array, nack = true): void {
    void nack;
    buf.set(this.bus.read(buf.length));
  }

  /** Writes bytes (the first after start() is the address byte); returns the ACKs received. */
  write(buf: Uint8Array): number {
    return this.bus.write(Uint8Array.from(buf));
  }
}

type SpiOptions = {
  baudrate?: number;
  polarity?: number;
  phase?: number;
  bits?: number;
  firstbit?: number;
  sck?: Pin | number | string;
  mosi?: Pin | number | string;
  miso?: Pin | number | string;
};

function spiNames(id: number | string | undefined, options: SpiOptions | undefined): string[] {
  const names = id === undefined ? [] : [`SPI(${id})`];
  if (options?.sck !== undefined && options.mosi !== undefined) names.push(`SPI(sck=${pinId(options.sck)}, mosi=${pinId(options.mosi)})`);
  return names;
}

/** An SPI controller; a device answers while its chip-select pin is low. */
export class SPI {
  static readonly MSB = 0;
  static readonly LSB = 1;
  protected names: string[];
  private baud = 1_000_000;
  private readonly rt = runtime();

  constructor(id: number | string, options?: KwArgs<SpiOptions>) {
    this.names = spiNames(id, options);
    this.init(options);
  }

  init(options?: KwArgs<SpiOptions>): void {
    if (options?.baudrate !== undefined) this.baud = options.baudrate;
  }

  deinit(): void {}

  private transfer(mosi: Uint8Array): Uint8Array {
    return this.rt.devices.spiTransfer(this.names, mosi);
  }

  /** Reads `nbytes` while sending `write` each time. */
  read(nbytes: number, write = 0x00): Uint8Array {
    return this.transfer(new Uint8Array(nbytes).fill(write));
  }

  readinto(buf: Uint8Array, write = 0x00): void {
    buf.set(this.read(buf.length, write));
  }

  write(buf: Uint8Array): void {
    this.transfer(Uint8Array.from(buf));
  }

  /** Sends `write_buf` and receives into `read_buf` at the same time (same lengths). */
  write_readinto(write_buf: Uint8Array, read_buf: Uint8Array): void {
    if (write_buf.length !== read_buf.length) throw new ValueError("buffers must have the same length");
    read_buf.set(this.transfer(Uint8Array.from(write_buf)));
  }

  toString(): string {
    return `SPI(baudrate=${this.baud})`;
  }
}

/** SPI bit-banged on any pins. */
export class SoftSPI extends SPI {
  constructor(options?: KwArgs<SpiOptions>) {
    super(0, options);
    this.names = spiNames(undefined, options);
  }
}

/** A pin seen through its active level: `invert` makes on() drive it low. */
export class Signal {
  private readonly pin: Pin;
  private readonly invert: boolean;

  constructor(pin: Pin, options?: KwArgs<{ invert?: boolean }>) {
    this.pin = pin;
    this.invert = options?.invert ?? false;
  }

  value(): number;
  value(x: number | boolean): void;
  value(x?: number | boolean): number | void {
    if (x === undefined) return this.pin.value() ^ (this.invert ? 1 : 0);
    this.pin.value((x ? 1 : 0) ^ (this.invert ? 1 : 0));
  }

  on(): void {
    this.value(1);
  }

  off(): void {
    this.value(0);
  }
}

/** RTC.memory's size on the ESP32 (MICROPY_HW_RTC_USER_MEM_MAX). */
const RTC_MEMORY_BYTES = 2048;

/** The board's real-time clock, running on the board clock from 2000-01-01 until set. */
export class RTC {
  private readonly rt = runtime();

  constructor(id = 0) {
    void id;
  }

  /**
   * RTC memory (up to 2048 bytes, as on the ESP32): it keeps its contents through deep sleep and
   * every reset, not through a power cycle. Reads it without `data`, writes it with.
   */
  memory(): Uint8Array;
  memory(data: Uint8Array | string): void;
  memory(data?: Uint8Array | string): Uint8Array | void {
    if (data === undefined) return Uint8Array.from(this.rt.rtcMemory);
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : Uint8Array.from(data);
    if (bytes.length > RTC_MEMORY_BYTES) throw new ValueError("buffer too long");
    this.rt.rtcMemory = bytes;
  }

  /** Sets the date and time: (year, month, day, weekday, hours, minutes, seconds, subseconds). */
  init(datetime: number[]): void {
    this.datetime(datetime);
  }

  /** (year, month, day, weekday 0=Monday, hours, minutes, seconds, subseconds); sets it when given. */
  datetime(): number[];
  datetime(datetimetuple: number[]): void;
  datetime(datetimetuple?: number[]): number[] | void {
    const nowMs = this.rt.clock.nowMs();
    if (datetimetuple !== undefined) {
      const [year = 2000, month = 1, day = 1, , hours = 0, minutes = 0, seconds = 0] = datetimetuple;
      this.rt.rtc = { epochMs: Date.UTC(year, month - 1, day, hours, minutes, seconds), setAtMs: nowMs };
      return;
    }
    const { epochMs, setAtMs } = this.rt.rtc;
    const date = new Date(epochMs + Math.floor((nowMs - setAtMs) / 1000) * 1000);
    return [
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      date.getUTCDate(),
      (date.getUTCDay() + 6) % 7,
      date.getUTCHours(),
      date.getUTCMinutes(),
      date.getUTCSeconds(),
      0,
    ];
  }
}

/** ESP32 touch-capable pins (TOUCH_PAD_NUM0…9). */
const TOUCH_PINS = [4, 0, 2, 15, 13, 12, 14, 27, 33, 32];

/**
 * A capacitive touch pad (ESP32). `read()` gives the pad's reading: lower while touched. Tests set
 * it through `tsmp/testing` (`board.setTouch`); an untouched pad reads UNTOUCHED_READING.
 */
export class TouchPad {
  private readonly device: string;
  private threshold = 0;
  private readonly rt = runtime();

  constructor(pin: Pin | number) {
    const id = pin instanceof Pin ? pin.id : pin;
    if (!TOUCH_PINS.includes(Number(id))) throw new ValueError("invalid pin for touchpad");
    this.device = touchPadDeviceName(id);
  }

  read(): number {
    return this.rt.input(this.device, UNTOUCHED_READING).value;
  }

  /** The threshold below which a reading counts as a touch (for waking from sleep). */
  config(value: number): void {
    this.threshold = value;
  }

  /** @internal */
  get touchThreshold(): number {
    return this.threshold;
  }
}

/** The watchdog: once started it cannot stop; starve it past `timeout` ms and the board resets. */
export class WDT {
  private readonly timeoutMs: number;
  private starve: ClockEventHandle | null = null;
  private readonly rt = runtime();

  constructor(options?: KwArgs<{ id?: number; timeout?: number }>) {
    this.timeoutMs = options?.timeout ?? 5000;
    if (this.timeoutMs <= 0) throw new ValueError("timeout must be positive");
    this.rt.stopOnReset.add(() => this.starve?.cancel());
    this.feed();
  }

  feed(): void {
    this.starve?.cancel();
    this.starve = this.rt.clock.at(this.rt.clock.nowUs() / 1000 + this.timeoutMs, () => {
      throw new BoardReset(ResetCause.WDT_RESET);
    });
  }
}

export const PWRON_RESET = ResetCause.PWRON_RESET;
export const HARD_RESET = ResetCause.HARD_RESET;
export const WDT_RESET = ResetCause.WDT_RESET;
export const DEEPSLEEP_RESET = ResetCause.DEEPSLEEP_RESET;
export const SOFT_RESET = ResetCause.SOFT_RESET;

/** Why the board started this time. */
export function reset_cause(): number {
  return runtime().resetCause;
}

/** Resets the board: the program starts again from the top. */
export function reset(): never {
  throw new BoardReset(ResetCause.HARD_RESET);
}

/** Soft reset: the program starts again from the top. */
export function soft_reset(): never {
  throw new BoardReset(ResetCause.SOFT_RESET);
}

/** CPU frequency in Hz (the simulated board runs at 125 MHz). */
export function freq(): number {
  return 125_000_000;
}

/** A unique id of the board. */
export function unique_id(): Uint8Array {
  return Uint8Array.from([0x74, 0x73, 0x6d, 0x70, 0x00, 0x00, 0x00, 0x01]);
}

/** Waits for the next interrupt; on the simulated board it yields 1 ms. */
export function idle(): void {
  runtime().clock.sleepBlocking(1);
}

/** Disables interrupts; returns the previous state for `enable_irq`. */
export function disable_irq(): number {
  return 1;
}

export function enable_irq(state: number): void {
  void state;
}

/** `Pin.irq(wake=…)` values (ESP32): the IRQ wakes the board from light or deep sleep. */
export const SLEEP = 2;
export const DEEPSLEEP = 4;
/** machine.wake_reason() values (ESP32). */
export const PIN_WAKE = 2;
export const EXT0_WAKE = 2;
export const EXT1_WAKE = 3;
export const TIMER_WAKE = 4;

/**
 * Light sleep: the board clock moves on by `time_ms` (for ever without it), and the program
 * carries on; an IRQ of a pin set up with `wake=SLEEP` ends it early (wake_reason() PIN_WAKE).
 */
export function lightsleep(time_ms?: number): void {
  const rt = runtime();
  const clock = rt.clock;
  const untilMs = time_ms === undefined ? Number.POSITIVE_INFINITY : clock.nowUs() / 1000 + time_ms;
  rt.wokenByPin = false;
  while (!rt.wokenByPin) {
    if (clock.realtime) {
      // On the wall clock the board sleeps for real, in 1 ms steps so that a wake pin ends it.
      const leftMs = untilMs - clock.nowUs() / 1000;
      if (leftMs <= 0) break;
      clock.sleepBlocking(Math.min(1, leftMs));
      continue;
    }
    const nextMs = clock.nextEventMs();
    if (nextMs === undefined || nextMs > untilMs) {
      if (untilMs === Number.POSITIVE_INFINITY) throw new AsyncioDeadlock("lightsleep: no timer or wake pin can end it");
      clock.advanceTo(untilMs);
      rt.wakeReason = TIMER_WAKE;
      return;
    }
    clock.advanceTo(nextMs);
  }
  rt.wakeReason = rt.wokenByPin ? PIN_WAKE : TIMER_WAKE;
}

/**
 * What ended the last light sleep (PIN_WAKE or TIMER_WAKE), or, after a deep sleep, the one the
 * board woke from (TIMER_WAKE, EXT0_WAKE or EXT1_WAKE); 0 before any sleep and after other resets.
 */
export function wake_reason(): number {
  return runtime().wakeReason;
}

/**
 * Deep sleep: the board is off for `time_ms`, then starts the program again with DEEPSLEEP_RESET.
 * With esp32.wake_on_ext0/ext1 a wake pin reaching its level ends it sooner (level triggered, as
 * on the ESP32: a level already met wakes it at once); wake_reason() then says which.
 */
export function deepsleep(time_ms?: number): never {
  const rt = runtime();
  const pinWake = rt.deepSleepPinWake;
  if (pinWake === undefined) {
    rt.wakeReason = TIMER_WAKE;
    throw new BoardReset(ResetCause.DEEPSLEEP_RESET, time_ms ?? 0);
  }
  // The chip is down while it waits: its timers, IRQs and watchdog stop now.
  rt.reset(ResetCause.DEEPSLEEP_RESET);
  rt.wakeReason = waitForWakePin(rt.clock, pinWake, time_ms ? rt.clock.nowUs() / 1000 + time_ms : Number.POSITIVE_INFINITY);
  throw new BoardReset(ResetCause.DEEPSLEEP_RESET);
}

/** Board time passes until `pinWake` names a wake source or `untilMs` comes (TIMER_WAKE). */
function waitForWakePin(clock: Clock, pinWake: () => number, untilMs: number): number {
  for (let reason = pinWake(); reason === 0; reason = pinWake()) {
    const nowMs = clock.nowUs() / 1000;
    if (clock.realtime) {
      // 1 ms steps on the wall clock, as the board's VM watches the pins.
      if (untilMs <= nowMs) return TIMER_WAKE;
      clock.sleepBlocking(Math.min(1, untilMs - nowMs));
      continue;
    }
    const nextMs = clock.nextEventMs();
    if (nextMs === undefined || nextMs > untilMs) {
      if (untilMs === Number.POSITIVE_INFINITY) throw new AsyncioDeadlock("deepsleep: no timer or wake pin can end it");
      clock.advanceTo(untilMs);
      return TIMER_WAKE;
    }
    clock.advanceTo(nextMs);
  }
  return pinWake();
}

/**
 * Times a pulse of `pulse_level` on `pin` in µs: waits for the level (-2 if it does not come
 * within `timeout_us`), then for its end (-1 if it lasts longer than `timeout_us`).
 */
export function time_pulse_us(pin: Pin, pulse_level: number, timeout_us = 1_000_000): number {
  const clock = runtime().clock;
  const waitWhile = (level: number): boolean => {
    const deadlineUs = clock.nowUs() + timeout_us;
    while (pin.value() === level) {
      const nextMs = clock.nextEventMs();
      if (nextMs === undefined || nextMs * 1000 > deadlineUs) {
        clock.advanceTo(deadlineUs / 1000);
        return false;
      }
      clock.advanceTo(nextMs);
    }
    return true;
  };
  if (!waitWhile(pulse_level ? 0 : 1)) return -2;
  const startUs = clock.nowUs();
  if (!waitWhile(pulse_level ? 1 : 0)) return -1;
  return clock.nowUs() - startUs;
}

/**
 * Sends `buf` bit by bit on `pin` (encoding 0: `timing` = high/low ns for a 0 bit, then for a 1
 * bit, as NeoPixels take it). The board clock moves on by the stream's length; the pin ends low.
 */
export function bitstream(pin: Pin, encoding: number, timing: number[], buf: Uint8Array): void {
  if (encoding !== 0) throw new ValueError("invalid encoding");
  const [high0 = 0, low0 = 0, high1 = 0, low1 = 0] = timing;
  let ns = 0;
  for (const byte of buf) for (let bit = 7; bit >= 0; bit--) ns += (byte >> bit) & 1 ? high1 + low1 : high0 + low0;
  pin.value(0);
  runtime().clock.sleepBlocking(ns / 1e6);
}
