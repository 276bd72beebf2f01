import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { packagePath } from "../package-paths.js";
import { BoardClock, type BoardClockMode } from "./board-clock.js";
import { NvsPartition } from "./nvs-partition.js";
import type { MicroPythonVm } from "./micropython-vm.js";
import { AttachedDevices, BusError } from "../devices/attached-devices.js";
import type { DeviceModel } from "../devices/device-model.js";
import { HostSockets, SocketCallFailed, SocketWaitInterrupted } from "../net/socket-host.js";
import type { SocketOperation } from "../net/socket-host-protocol.js";

/** One change of an output, as the board's program made it. */
export interface OutputChange {
  /** Board time in milliseconds since the board modules were installed. */
  timeMs: number;
  /** The device as MicroPython would construct it: `LED(1)`, `Pin(2)`, `PWM(Pin(4))`. */
  device: string;
  /** Pins and LEDs: 0 or 1 (an LED's intensity as a fraction); PWM: the duty cycle as a fraction. */
  value: number;
}

/** How the simulated board talks to its host. Every member is optional. */
export interface BoardHooks {
  /** Called for every output change (pin levels, LEDs, PWM duty). */
  onOutput?(change: OutputChange): void;
  /**
   * The current value of an input, asked each time the program reads it: `Pin(5)` (0/1),
   * `Switch()` (0/1), `ADC(26)` (0–65535). `undefined` leaves the board's default (a floating
   * input reads 0, a pulled-up one 1, the switch is released, an ADC reads 0).
   */
  readInput?(device: string): number | undefined;
  /** Bytes the program wrote to a UART, e.g. `UART(1)`. */
  onUartWrite?(device: string, data: Uint8Array): void;
  /** Bytes waiting to be read from a UART, asked when the program reads; `undefined` = none. */
  readUart?(device: string): Uint8Array | undefined;
  /** Defaults to `realtime`. */
  clock?: BoardClockMode;
  /** The clock of the board before a reset, so that time runs on through a restart (`clock` is then ignored). */
  boardClock?: BoardClock;
  /** The board's NVS before a reset, so that its entries outlive the restart (an empty one by default). */
  nvs?: NvsPartition;
  /** Simulated chips on the buses; the program's bus operations run against them. */
  devices?: readonly DeviceModel[];
  /** What machine.reset_cause() answers (1, PWRON_RESET, by default). */
  resetCause?: number;
  /**
   * Interrupt signal over a SharedArrayBuffer: the host sets element 0 to 1 and calls
   * `Atomics.notify(interrupt, 0)`; the program then gets a KeyboardInterrupt at its next wait or
   * hardware call, as Ctrl-C gives on a board. Needed only when the VM runs in a worker thread.
   */
  interrupt?: Int32Array;
}

/** What installBoardModules gives back: the board clock, and the way to run the VM on it. */
export interface SimulatedBoard {
  readonly clock: BoardClock;
  /** Give it to the next boot's installBoardModules (BoardHooks.nvs): NVS outlives resets. */
  readonly nvs: NvsPartition;
  /** Closes the sockets the program opened (a board's go when it resets or powers off). */
  closeSockets(): void;
  /**
   * Runs `action` (a synchronous VM call such as `vm.exec`) with the VM on board time. Rethrows
   * the first error a hook threw; the program was stopped with a KeyboardInterrupt at that point.
   */
  run<T>(action: () => T): T;
}

/**
 * The VM's bus calls (machine.I2C, SPI) answered by the attached devices, in the string form
 * _board.bus_call decodes: "E<errno>", "N<number>", "L<a,b>" or "B<hex>".
 */
function busCall(devices: AttachedDevices) {
  return (
    kind: string,
    names: string,
    op: string,
    address: number,
    memaddr: number,
    addrsize: number,
    count: number,
    stop: number,
    hex: string,
  ): string => {
    const buses = names.split("|");
    const data = Uint8Array.from(Buffer.from(hex, "hex"));
    const bytes = (value: Uint8Array) => `B${Buffer.from(value).toString("hex")}`;
    try {
      if (kind === "spi") return bytes(devices.spiTransfer(buses, data));
      const bus = devices.i2c(buses);
      switch (op) {
        case "scan":
          return `L${bus.scan().join(",")}`;
        case "readfrom":
          return bytes(bus.readfrom(address, count, stop === 1));
        case "writeto":
          return `N${bus.writeto(address, data, stop === 1)}`;
        case "readfrom_mem":
          return bytes(bus.readfromMem(address, memaddr, count, addrsize));
        case "writeto_mem":
          bus.writetoMem(address, memaddr, data, addrsize);
          return "N0";
        case "start":
          bus.start();
          return "N0";
        case "stop":
          bus.stop();
          return "N0";
        case "write":
          return `N${bus.write(data)}`;
        case "read":
          return bytes(bus.read(count));
        default:
          throw new Error(`unknown bus operation ${op}`);
      }
    } catch (error) {
      if (error instanceof BusError) return `E${error.errno}`;
      throw error;
    }
  };
}

/**
 * machine.time_pulse_us on the host: the board clock steps a microsecond at a time while the
 * input is polled (on a virtual clock this costs no board time beyond the pulse itself).
 */
function timePulseUs(clock: BoardClock, level: () => number, pulseLevel: number, timeoutUs: number): number {
  const waitWhile = (value: number): boolean => {
    for (let waited = 0; level() === value; waited++) {
      if (waited >= timeoutUs) return false;
      clock.sleep(0.001);
    }
    return true;
  };
  if (!waitWhile(pulseLevel ? 0 : 1)) return -2;
  const startMs = clock.elapsedMs();
  if (!waitWhile(pulseLevel ? 1 : 0)) return -1;
  return Math.round((clock.elapsedMs() - startMs) * 1000);
}

/**
 * The board's socket.py calls: a JSON request (bytes as hex) answered as "V<json>" (received
 * bytes as hex), "E<errno>", or "I" when Ctrl-C cut a wait short. A poll that saw nothing has
 * waited its time for real; on a virtual clock the board's time moves on by as much.
 */
function socketCall(sockets: HostSockets, clock: BoardClock, request: string): string {
  const operation = JSON.parse(request) as SocketOperation;
  if (operation.op === "send" || operation.op === "sendto")
    operation.data = Uint8Array.from(Buffer.from(operation.data as unknown as string, "hex"));
  try {
    const value = sockets.call<unknown>(operation);
    if (operation.op === "poll" && Array.isArray(value) && value.length === 0 && operation.waitMs > 0 && clock.mode === "virtual") {
      clock.sleep(operation.waitMs);
    }
    // Bytes, alone or in recvfrom's [data, address], as hex.
    return `V${JSON.stringify(value, (_key, item: unknown) => (item instanceof Uint8Array ? Buffer.from(item).toString("hex") : item))}`;
  } catch (error) {
    if (error instanceof SocketCallFailed) return `E${error.errno}`;
    if (error instanceof SocketWaitInterrupted) return "I";
    throw error;
  }
}

/** Where the board modules are written just long enough to be imported (their frames name it). */
const INSTALL_FOLDER = "/.board";

/**
 * Drops the traceback frames inside the simulated board's own modules: on a board, machine and
 * pyb are built in and show no frames, so the user's last frame is the call that failed.
 */
export function withoutBoardFrames(traceback: string): string {
  return traceback
    .split("\n")
    .filter((line) => !line.trimStart().startsWith(`File "${INSTALL_FOLDER}/`))
    .join("\n");
}

/** Imported in this order: the clock and waiting first, then what uses them; asyncio is patched last. */
const BOARD_MODULES = [
  "_board",
  "_board_os",
  "time",
  "machine",
  "pyb",
  "network",
  "neopixel",
  "esp32",
  "socket",
  "select",
  "_board_asyncio",
  "_board_streams",
];

/**
 * Gives a VM the simulated board: `machine` and `pyb` reporting to `hooks`, `time` sleeping on
 * the board clock, and an `asyncio.run()` that blocks until its coroutine finishes, as on a
 * board. The modules are imported, then their files removed, so the VM's filesystem stays the
 * program's own, as on a board where these modules are built in. Call it once per fresh VM (and
 * again after a soft reset, which forgets imported modules).
 */
export function installBoardModules(vm: MicroPythonVm, hooks: BoardHooks = {}): SimulatedBoard {
  const interrupt = hooks.interrupt ?? new Int32Array(new SharedArrayBuffer(4));
  const clock = hooks.boardClock ?? new BoardClock(hooks.clock ?? "realtime", interrupt);
  const epochs: number[] = [];
  const nvs = hooks.nvs ?? new NvsPartition();
  // Chip selects and D/C lines are pins the program drives: the devices see their last level.
  const driven = new Map<string, number>();
  const devices = new AttachedDevices(hooks.devices ?? [], {
    nowMs: () => clock.elapsedMs(),
    pinLevel: (id) => driven.get(`Pin(${id})`) ?? 0,
  });
  let hookError: unknown;
  const sockets = new HostSockets(() => Atomics.load(interrupt, 0) !== 0);

  // An exception thrown back into the VM would unwind through WebAssembly; instead the first one
  // is kept, the program is interrupted, and `run` rethrows it.
  const guarded =
    <A extends unknown[], R>(hook: (...args: A) => R, fallback: R) =>
    (...args: A): R => {
      try {
        return hook(...args);
      } catch (error) {
        hookError ??= error;
        Atomics.store(interrupt, 0, 1);
        return fallback;
      }
    };

  vm.registerJsModule("_board_host", {
    sleep_ms: guarded((ms: number) => clock.sleep(ms), undefined),
    interrupted: () => Atomics.exchange(interrupt, 0, 0) !== 0,
    ticks_epoch: (ticks: number) => epochs.push(Date.now() - ticks),
    output: guarded((device: string, value: number) => {
      driven.set(device, value);
      hooks.onOutput?.({ timeMs: clock.elapsedMs(), device, value });
    }, undefined),
    read_input: guarded((device: string) => hooks.readInput?.(device) ?? null, null),
    uart_write: guarded((device: string, hex: string) => {
      const data = Uint8Array.from(Buffer.from(hex, "hex"));
      hooks.onUartWrite?.(device, data);
      devices.uart(device)?.receive(data, devices.ctx);
    }, undefined),
    uart_read: guarded((device: string) => {
      const data = Buffer.concat([
        hooks.readUart?.(device) ?? new Uint8Array(),
        devices.uart(device)?.transmit(devices.ctx) ?? new Uint8Array(),
      ]);
      return data.length > 0 ? data.toString("hex") : null;
    }, null),
    uart_next_us: guarded((device: string) => {
      const nextMs = devices.uart(device)?.nextTransmitMs?.(devices.ctx);
      return nextMs === undefined ? null : Math.round(nextMs * 1000);
    }, null),
    now_us: () => Math.round(clock.elapsedMs() * 1000),
    bus: guarded(busCall(devices), "E5"),
    reset_cause: () => hooks.resetCause ?? 1,
    urandom: (size: number) => randomBytes(size).toString("hex"),
    rtc_set: (seconds: number) => (clock.rtc = { seconds, setAtMs: Math.floor(clock.elapsedMs()) }),
    rtc_memory: (hex?: string | null) => {
      if (hex === null || hex === undefined) return Buffer.from(clock.rtcMemory).toString("hex");
      clock.rtcMemory = Uint8Array.from(Buffer.from(hex, "hex"));
      return null;
    },
    deep_sleep_wake: (reason?: number | null) => {
      if (reason === null || reason === undefined) return clock.deepSleepWake;
      clock.deepSleepWake = reason;
      return null;
    },
    rtc_now: () => clock.rtc.seconds + Math.floor((Math.floor(clock.elapsedMs()) - clock.rtc.setAtMs) / 1000),
    nvs_read: () => nvs.contents,
    nvs_write: (contents: string) => (nvs.contents = contents),
    socket_call: guarded((request: string) => socketCall(sockets, clock, request), "E5"),
    time_pulse_us: guarded(
      (device: string, level: number, timeoutUs: number) => timePulseUs(clock, () => hooks.readInput?.(device) ?? 0, level, timeoutUs),
      -2,
    ),
  });

  const sources = packagePath("src", "vm", "board");
  for (const name of readdirSync(sources).filter((file) => file.endsWith(".py"))) {
    vm.writeFile(`${INSTALL_FOLDER}/${name}`, readFileSync(`${sources}/${name}`, "utf8"));
  }
  vm.exec(
    [
      "import sys, os",
      // Read on the real clock; twice, in case a millisecond boundary fell between the two reads.
      "import utime as _t, _board_host as _h",
      "_h.ticks_epoch(_t.ticks_ms())",
      "_h.ticks_epoch(_t.ticks_ms())",
      "del _t, _h",
      `sys.path.insert(0, ${JSON.stringify(INSTALL_FOLDER)})`,
      // The VM's frozen `time` may already be loaded; the board's replaces it.
      "sys.modules.pop('time', None)",
      ...BOARD_MODULES.map((name) => `import ${name}`),
      `sys.path.remove(${JSON.stringify(INSTALL_FOLDER)})`,
      `for name in os.listdir(${JSON.stringify(INSTALL_FOLDER)}):`,
      `    os.remove(${JSON.stringify(INSTALL_FOLDER + "/")} + name)`,
      `os.rmdir(${JSON.stringify(INSTALL_FOLDER)})`,
      `del sys, os, ${BOARD_MODULES.join(", ")}`,
      "del name",
    ].join("\n"),
  );

  if (clock.mode === "virtual") clock.alignTo(Math.min(...epochs));

  return {
    clock,
    nvs,
    closeSockets: () => sockets.close(),
    run<T>(action: () => T): T {
      // An error raised in a hook during the run wins over the run's own result or error.
      const throwHookError = () => {
        if (hookError === undefined) return;
        const error = hookError;
        hookError = undefined;
        throw error;
      };
      let result: T;
      try {
        result = clock.run(action);
      } catch (error) {
        throwHookError();
        throw error;
      }
      throwHookError();
      return result;
    },
  };
}
