/**
 * How simulated devices are named and wired on the board, shared by the facade modules and
 * `tsmp/testing` (kept out of the facade modules, which mirror MicroPython's exactly).
 */
import type { ClockEventHandle } from "./clock.js";
import type { Runtime } from "./runtime.js";

/** How a pin is named on the timeline (as the VM's board modules name it): `Pin(2)`, `Pin(X1)`. */
export function pinDeviceName(id: number | string): string {
  return `Pin(${id})`;
}

/** How a touch pad's reading is named on the board: `TouchPad(4)`. */
export function touchPadDeviceName(id: number | string): string {
  return `TouchPad(${id})`;
}

/** What an untouched ESP32 touch pad reads (touch_pad_read's raw count is of this order); a touch lowers it. */
export const UNTOUCHED_READING = 1000;

/** The input line of the pyboard's USR switch. */
export const SWITCH_DEVICE = "Switch()";

/** The wire of one simulated UART: what the program sent, what it will receive. */
export interface UartWire {
  sent: number[];
  received: number[];
  /** When true, everything sent comes straight back (TX wired to RX). */
  loopback: boolean;
  /** Told each time bytes arrive: UART IRQs, and asyncio streams waiting to read. */
  readonly arrivals: Set<() => void>;
  /** The board-clock event at which the device at the far end sends next. */
  deviceSends: ClockEventHandle | null;
}

/** The UART wire with `id` on a board, created empty on first use. */
export function uartWire(rt: Runtime, id: number | string): UartWire {
  const key = `UART(${id})`;
  let wire = rt.uartWires.get(key);
  if (wire === undefined) {
    wire = { sent: [], received: [], loopback: false, arrivals: new Set(), deviceSends: null };
    rt.uartWires.set(key, wire);
  }
  return wire;
}

/** Bytes arrive on a UART's RX line: they wait to be read, and everyone listening is told. */
export function uartArrive(wire: UartWire, bytes: ArrayLike<number>): void {
  if (bytes.length === 0) return;
  wire.received.push(...Array.from(bytes));
  for (const listener of [...wire.arrivals]) listener();
}

/**
 * Takes in what the device at the far end of UART `id` has sent by now, and sets the board clock
 * to take in its next bytes when it sends them (so IRQs fire and streams wake at that time).
 */
export function uartTakeFromDevice(rt: Runtime, id: number | string): void {
  const device = rt.devices.uart(`UART(${id})`);
  if (device === undefined) return;
  const wire = uartWire(rt, id);
  uartArrive(wire, device.transmit(rt.devices.ctx));
  wire.deviceSends?.cancel();
  wire.deviceSends = null;
  const nextMs = device.nextTransmitMs?.(rt.devices.ctx);
  if (nextMs === undefined) return;
  wire.deviceSends = rt.clock.at(nextMs, () => {
    wire.deviceSends = null;
    uartTakeFromDevice(rt, id);
    rt.runScheduled();
  });
}
