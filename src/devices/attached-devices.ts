import type { DeviceContext, DeviceModel, I2cDevice, SpiDevice, UartDevice } from "./device-model.js";

/** MicroPython's errno for a target that does not acknowledge its address. */
export const ENODEV = 19;

/** A bus error as MicroPython raises it: `OSError(errno)`. */
export class BusError extends Error {
  constructor(readonly errno: number) {
    super(`[Errno ${errno}] ${errno === ENODEV ? "ENODEV" : "EIO"}`);
  }
}

/** What SPI's MISO line reads with nothing selected: pulled up. */
const IDLE_MISO = 0xff;

/**
 * The devices attached to one simulated board, and the bus protocol between the program and
 * them. Each host (Node shim, MicroPython VM) makes one per board and calls it for every bus
 * operation, so the two hosts share the protocol as well as the models.
 */
export class AttachedDevices {
  private readonly i2cStates = new Map<string, I2cState>();

  constructor(
    readonly models: readonly DeviceModel[],
    readonly ctx: DeviceContext,
  ) {}

  /** The I2C bus known by any of `names` (a bus is named by id and by pins). */
  i2c(names: readonly string[]): I2cBus {
    const key = names.join("|");
    let state = this.i2cStates.get(key);
    if (state === undefined) {
      state = { target: undefined, reading: false };
      this.i2cStates.set(key, state);
    }
    const targets = this.models.filter((m): m is I2cDevice => m.kind === "i2c" && names.includes(m.bus));
    return new I2cBus(targets, state, this.ctx);
  }

  /** One full-duplex SPI transfer on the bus known by any of `names`: what MISO returned. */
  spiTransfer(names: readonly string[], mosi: Uint8Array): Uint8Array {
    const targets = this.models.filter((m): m is SpiDevice => m.kind === "spi" && names.includes(m.bus));
    return mosi.map((byte) => {
      let miso = IDLE_MISO;
      for (const target of targets) {
        if (this.ctx.pinLevel(target.cs) === 0) miso &= target.transfer(byte, this.ctx);
      }
      return miso;
    });
  }

  /** The device on the far end of `uart` (`UART(1)`), if any. */
  uart(uart: string): UartDevice | undefined {
    return this.models.find((m): m is UartDevice => m.kind === "uart" && m.uart === uart);
  }
}

interface I2cState {
  /** The addressed device, between START and STOP. */
  target: I2cDevice | undefined;
  reading: boolean;
}

/**
 * One I2C bus: the primitives SoftI2C exposes (start, write, readinto, stop) and the
 * transactions I2C builds from them, with MicroPython's results and errors.
 */
export class I2cBus {
  private addressNext = false;

  constructor(
    private readonly targets: readonly I2cDevice[],
    private readonly state: I2cState,
    private readonly ctx: DeviceContext,
  ) {}

  start(): void {
    this.state.target = undefined;
    this.addressNext = true;
  }

  stop(): void {
    this.state.target?.stop(this.ctx);
    this.state.target = undefined;
    this.addressNext = false;
  }

  /** Writes bytes, the first after a START being the address byte; the count of ACKs before the first NACK. */
  write(bytes: Uint8Array): number {
    let acks = 0;
    for (const byte of bytes) {
      if (!this.writeByte(byte)) return acks;
      acks++;
    }
    return acks;
  }

  private writeByte(byte: number): boolean {
    if (this.addressNext) {
      this.addressNext = false;
      const read = (byte & 1) === 1;
      // Every target sees the address; only the addressed one may answer.
      const target = this.targets.find((t) => t.address === byte >> 1);
      if (target === undefined || !target.start(read, this.ctx)) return false;
      this.state.target = target;
      this.state.reading = read;
      return true;
    }
    const target = this.state.target;
    return target !== undefined && !this.state.reading && target.write(byte, this.ctx);
  }

  /** Reads `count` bytes from the addressed target (0xFF, the idle bus, when nothing answers). */
  read(count: number): Uint8Array {
    const target = this.state.reading ? this.state.target : undefined;
    return Uint8Array.from({ length: count }, () => (target === undefined ? 0xff : target.read(this.ctx) & 0xff));
  }

  /** The addresses that acknowledge, as I2C.scan() probes them (0x08–0x77). */
  scan(): number[] {
    const found: number[] = [];
    for (let address = 0x08; address <= 0x77; address++) {
      this.start();
      if (this.write(Uint8Array.of(address << 1)) === 1) found.push(address);
      this.stop();
    }
    return found;
  }

  private address(address: number, read: boolean): void {
    this.start();
    if (this.write(Uint8Array.of((address << 1) | (read ? 1 : 0))) !== 1) {
      this.stop();
      throw new BusError(ENODEV);
    }
  }

  /** I2C.writeto: the number of data bytes acknowledged. */
  writeto(address: number, data: Uint8Array, stop = true): number {
    this.address(address, false);
    const acks = this.write(data);
    if (stop) this.stop();
    return acks;
  }

  /** I2C.readfrom. */
  readfrom(address: number, count: number, stop = true): Uint8Array {
    this.address(address, true);
    const data = this.read(count);
    if (stop) this.stop();
    return data;
  }

  /** I2C.readfrom_mem: the register address written, then a repeated START to read. */
  readfromMem(address: number, memaddr: number, count: number, addrsize = 8): Uint8Array {
    this.address(address, false);
    this.write(memoryAddress(memaddr, addrsize));
    return this.readfrom(address, count);
  }

  /** I2C.writeto_mem. */
  writetoMem(address: number, memaddr: number, data: Uint8Array, addrsize = 8): void {
    this.address(address, false);
    this.write(Uint8Array.from([...memoryAddress(memaddr, addrsize), ...data]));
    this.stop();
  }
}

/** A register address, most significant byte first, `addrsize` bits wide. */
function memoryAddress(memaddr: number, addrsize: number): Uint8Array {
  const count = Math.max(1, Math.ceil(addrsize / 8));
  return Uint8Array.from({ length: count }, (_, i) => (memaddr >> (8 * (count - 1 - i))) & 0xff);
}
