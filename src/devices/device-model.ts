/**
 * The device model API: simulated chips that sit on a board's buses. A model is plain
 * TypeScript that reacts to the bytes on its wires, one byte at a time, as the chip does. Both
 * hosts of a program drive the same model objects: the Node shim calls them directly, and the
 * MicroPython VM's `machine` calls them through the board's host link (board-modules.ts). A chip
 * lives outside the CPU on a real board too, so the model runs beside the program, never in it:
 * one definition, identical behaviour on both targets, and no Python copy to keep in step.
 */

/** What a model may ask the board it is attached to. */
export interface DeviceContext {
  /** Board time in milliseconds (virtual in tests): conversions, write cycles, replies take time. */
  nowMs(): number;
  /** The level the board drives on a pin (chip select, data/command lines); 0 when undriven. */
  pinLevel(id: number | string): number;
}

/**
 * A target on an I2C bus. The controller addresses it after each (repeated) START; it may
 * refuse (NACK), e.g. while an EEPROM write cycle runs, which a program sees as
 * `OSError: [Errno 19] ENODEV`.
 */
export interface I2cDevice {
  readonly kind: "i2c";
  /** The bus it sits on, as the program names it: `I2C(0)`, or by pins `I2C(scl=5, sda=4)`. */
  readonly bus: string;
  /** Its 7-bit address. */
  readonly address: number;
  /** START + this address; true acknowledges. `read` is the R/W bit. */
  start(read: boolean, ctx: DeviceContext): boolean;
  /** A data byte from the controller; true acknowledges. */
  write(byte: number, ctx: DeviceContext): boolean;
  /** The next byte the controller clocks out of the device. */
  read(ctx: DeviceContext): number;
  /** STOP: the transaction is over (a write cycle or a measurement may start now). */
  stop(ctx: DeviceContext): void;
}

/** A target on an SPI bus, selected while its chip-select pin is driven low. */
export interface SpiDevice {
  readonly kind: "spi";
  /** `SPI(1)`, or by pins `SPI(sck=18, mosi=23)`. */
  readonly bus: string;
  /** Its chip-select pin. */
  readonly cs: number | string;
  /** One byte in full duplex: `mosi` from the controller, the result goes back on MISO. */
  transfer(mosi: number, ctx: DeviceContext): number;
}

/** A device on the other end of a UART (`UART(1)`): a modem, a GPS, another board. */
export interface UartDevice {
  readonly kind: "uart";
  readonly uart: string;
  /** Bytes the program sent. */
  receive(bytes: Uint8Array, ctx: DeviceContext): void;
  /** Bytes the device has sent by now (each only once). */
  transmit(ctx: DeviceContext): Uint8Array;
  /**
   * Board time (ms) at which the device sends its next bytes, undefined when it has nothing
   * queued. The board needs it to raise UART IRQs and wake asyncio streams when the bytes arrive,
   * rather than when the program next happens to look.
   */
  nextTransmitMs?(ctx: DeviceContext): number | undefined;
}

export type DeviceModel = I2cDevice | SpiDevice | UartDevice;

/** A 7-bit address as people write them: 0x44 or "0x44". */
export function deviceAddress(address: number | string): number {
  return typeof address === "string" ? Number.parseInt(address, address.startsWith("0x") ? 16 : 10) : address;
}
