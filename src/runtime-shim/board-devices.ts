/**
 * How simulated devices are named and wired on the board, shared by the facade modules and
 * `tsmp/testing` (kept out of the facade modules, which mirror MicroPython's exactly).
 */
import type { Runtime } from "./runtime.js";

/** How a pin is named on the timeline (as the VM's board modules name it): `Pin(2)`, `Pin(X1)`. */
export function pinDeviceName(id: number | string): string {
  return `Pin(${id})`;
}

/** The input line of the pyboard's USR switch. */
export const SWITCH_DEVICE = "Switch()";

/** The wire of one simulated UART: what the program sent, what it will receive. */
export interface UartWire {
  sent: number[];
  received: number[];
  /** When true, everything sent comes straight back (TX wired to RX). */
  loopback: boolean;
}

/** The UART wire with `id` on a board, created empty on first use. */
export function uartWire(rt: Runtime, id: number | string): UartWire {
  const key = `UART(${id})`;
  let wire = rt.uartWires.get(key);
  if (wire === undefined) {
    wire = { sent: [], received: [], loopback: false };
    rt.uartWires.set(key, wire);
  }
  return wire;
}
