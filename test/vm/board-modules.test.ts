import { describe, expect, it } from "vitest";
import { installBoardModules, type BoardHooks, type OutputChange } from "../../src/vm/board-modules.js";
import { MicroPythonError, MicroPythonVm } from "../../src/vm/micropython-vm.js";

/** Runs Python on a fresh VM with the board modules, on a virtual clock unless told. */
async function runOnBoard(code: string, hooks: BoardHooks = {}) {
  let stdout = "";
  let stderr = "";
  const changes: OutputChange[] = [];
  const vm = await MicroPythonVm.load({ stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  const board = installBoardModules(vm, {
    clock: "virtual",
    onOutput: (change) => changes.push(change),
    ...hooks,
  });
  const run = () => board.run(() => vm.exec(code));
  return { board, changes, run, output: () => stdout, errors: () => stderr };
}

const levels = (changes: OutputChange[]) => changes.map((change) => `${change.device}=${Number(change.value.toFixed(3))}`);

describe("asyncio on the simulated board", () => {
  it("asyncio.run blocks until main finishes, returns its value, and then the next statement runs", async () => {
    const { run, output } = await runOnBoard(`
import asyncio
async def main():
    await asyncio.sleep_ms(50)
    print('main done')
    return 42
print('before')
print('run returned', asyncio.run(main()))
print('after')
`);
    run();
    expect(output()).toBe("before\nmain done\nrun returned 42\nafter\n");
  });

  it("interleaves tasks in MicroPython's order and leaves unfinished tasks behind when main returns", async () => {
    const { run, output } = await runOnBoard(`
import asyncio
async def ticker(name, period):
    for i in range(10):
        print(name, i)
        await asyncio.sleep_ms(period)
async def main():
    asyncio.create_task(ticker('a', 30))
    asyncio.create_task(ticker('b', 40))
    await asyncio.sleep_ms(100)
asyncio.run(main())
print('after')
`);
    run();
    expect(output()).toBe("a 0\nb 0\na 1\nb 1\na 2\nb 2\na 3\nafter\n");
  });

  it("raises main's exception out of asyncio.run, with MicroPython's traceback", async () => {
    const { run } = await runOnBoard(`
import asyncio
async def main():
    await asyncio.sleep_ms(1)
    raise ValueError('broken')
asyncio.run(main())
print('not reached')
`);
    expect(() => run()).toThrowError(/ValueError: broken/);
  });

  it("hands an unawaited task's exception to the loop's exception handler", async () => {
    const { run, output } = await runOnBoard(`
import asyncio
def handler(loop, context):
    print('handled', repr(context['exception']))
async def failing():
    raise OSError(5)
async def main():
    asyncio.get_event_loop().set_exception_handler(handler)
    asyncio.create_task(failing())
    await asyncio.sleep_ms(10)
asyncio.run(main())
`);
    run();
    expect(output()).toBe("handled OSError(5,)\n");
  });

  it("supports loop.run_until_complete, run_forever with stop, wait_for and gather", async () => {
    const { run, output } = await runOnBoard(`
import asyncio
async def value(v, ms):
    await asyncio.sleep_ms(ms)
    return v
async def stopper(loop):
    await asyncio.sleep_ms(20)
    print('stopping')
    loop.stop()
async def slow():
    try:
        await asyncio.sleep_ms(1000)
    except asyncio.CancelledError:
        print('slow cancelled')
        raise
async def timeout():
    try:
        await asyncio.wait_for(slow(), 0.05)
    except asyncio.TimeoutError:
        print('timed out')
loop = asyncio.get_event_loop()
print(loop.run_until_complete(asyncio.gather(value(1, 30), value(2, 10))))
loop.create_task(stopper(loop))
loop.run_forever()
asyncio.run(timeout())
print('end')
`);
    run();
    expect(output()).toBe("[1, 2]\nstopping\nslow cancelled\ntimed out\nend\n");
  });

  it("wakes a task waiting on a ThreadSafeFlag set from a timer callback", async () => {
    const { run, output } = await runOnBoard(`
import asyncio
from machine import Timer
flag = asyncio.ThreadSafeFlag()
async def main():
    Timer(-1, mode=Timer.ONE_SHOT, period=30, callback=lambda t: flag.set())
    await flag.wait()
    print('woken', flag.state)
    flag.set()
    await flag.wait()
    print('already set')
asyncio.run(main())
`);
    run();
    expect(output()).toBe("woken 0\nalready set\n");
  });

  it("current_task() outside a running loop raises RuntimeError, as on a board", async () => {
    const { run } = await runOnBoard("import asyncio\nasyncio.current_task()");
    expect(() => run()).toThrowError(/RuntimeError: no running event loop/);
  });

  it("runs a 10 s blink on the virtual clock, with every clock the program sees in agreement", async () => {
    const { run, output, board, changes } = await runOnBoard(`
import asyncio, time
from pyb import LED
async def blink(led, period_ms):
    while True:
        led.on()
        await asyncio.sleep_ms(5)
        led.off()
        await asyncio.sleep_ms(period_ms)
async def main():
    asyncio.create_task(blink(LED(1), 700))
    asyncio.create_task(blink(LED(2), 400))
    await asyncio.sleep_ms(10_000)
start = time.ticks_ms()
asyncio.run(main())
print(time.ticks_diff(time.ticks_ms(), start))
`);
    run();
    expect(output()).toBe("10000\n");
    expect(board.clock.elapsedMs()).toBe(10_000);
    // LED 1 lights at 0, 705, … 9870 ms: 15 times; LED 2 at 0, 405, … 9720 ms: 25 times.
    expect(changes.filter((c) => c.device === "LED(1)" && c.value === 1)).toHaveLength(15);
    expect(changes.filter((c) => c.device === "LED(2)" && c.value === 1)).toHaveLength(25);
    expect(changes.slice(0, 6).map((change) => `${change.timeMs} ${change.device}=${change.value}`)).toEqual([
      "0 LED(1)=1",
      "0 LED(2)=1",
      "5 LED(1)=0",
      "5 LED(2)=0",
      "405 LED(2)=1",
      "410 LED(2)=0",
    ]);
  });
});

describe("the virtual clock", () => {
  it("lets a busy-wait on ticks_ms() finish although the clock stands still while Python computes", async () => {
    const { run, output } = await runOnBoard(`
import time
start = time.ticks_ms()
while time.ticks_diff(time.ticks_ms(), start) < 5:
    pass
print('waited')
`);
    run();
    expect(output()).toBe("waited\n");
  });
});

describe("machine and pyb on the simulated board", () => {
  it("reports output changes only, with the device as MicroPython names it", async () => {
    const { run, changes } = await runOnBoard(`
from machine import Pin, PWM
from pyb import LED
led = LED(3)
led.on(); led.on(); led.toggle(); led.intensity(51)
p = Pin(2, Pin.OUT, value=1)
p.value(1); p.off(); p(1); p.toggle()
pwm = PWM(Pin(4), freq=1000, duty_u16=16384)
pwm.duty_u16(0)
`);
    run();
    expect(levels(changes)).toEqual([
      "LED(3)=1",
      "LED(3)=0",
      "LED(3)=0.2",
      "Pin(2)=1",
      "Pin(2)=0",
      "Pin(2)=1",
      "Pin(2)=0",
      "PWM(Pin(4))=0.25",
      "PWM(Pin(4))=0",
    ]);
  });

  it("reads inputs from the host, with the board's defaults otherwise", async () => {
    const inputs: Record<string, number> = { "Pin(5)": 1, "ADC(26)": 32768, "Switch()": 1 };
    const { run, output } = await runOnBoard(
      `
from machine import Pin, ADC
from pyb import Switch
print(Pin(5, Pin.IN).value(), Pin(6, Pin.IN).value(), Pin(7, Pin.IN, Pin.PULL_UP).value())
print(ADC(Pin(26)).read_u16(), ADC(27).read_u16(), Switch().value())
`,
      { readInput: (device) => inputs[device] },
    );
    run();
    expect(output()).toBe("1 0 1\n32768 0 True\n");
  });

  it("runs timer callbacks and pin IRQ handlers while the board sleeps", async () => {
    let button = 0;
    const { run, output, board } = await runOnBoard(
      `
import time
from machine import Pin, Timer
ticks = []
Timer(-1, mode=Timer.PERIODIC, period=100, callback=lambda t: ticks.append(1))
Timer(-1, mode=Timer.ONE_SHOT, period=250, callback=lambda t: print('one shot'))
Pin(0, Pin.IN).irq(lambda pin: print('pressed', pin), trigger=Pin.IRQ_RISING)
time.sleep_ms(1050)
print(len(ticks))
`,
      { readInput: (device) => (device === "Pin(0)" && board.clock.elapsedMs() > 600 ? (button = 1) : button) },
    );
    run();
    expect(output()).toBe("one shot\npressed Pin(0)\n10\n");
  });

  it("reports an exception in a timer callback as a board does, stops that timer, and carries on", async () => {
    const { run, output, errors } = await runOnBoard(`
import time
from machine import Timer
calls = []
def failing(timer):
    calls.append(1)
    raise OSError(19)
Timer(-1, period=10, callback=failing)
time.sleep_ms(100)
print('still running', len(calls))
`);
    run();
    expect(output()).toBe("still running 1\n");
    expect(errors()).toMatch(
      /^Uncaught exception in IRQ callback handler\nTraceback \(most recent call last\):\n.*OSError: \[Errno 19\] ENODEV\n$/s,
    );
  });

  it("passes UART bytes to and from the host", async () => {
    const written: string[] = [];
    let incoming: Uint8Array | undefined = new TextEncoder().encode("pong\nrest");
    const { run, output } = await runOnBoard(
      `
from machine import UART
uart = UART(1, 9600)
print(uart.write('ping\\n'))
print(uart.readline(), uart.any(), uart.read(), uart.read())
`,
      {
        onUartWrite: (device, data) => written.push(`${device} ${new TextDecoder().decode(data)}`),
        readUart: () => {
          const data = incoming;
          incoming = undefined;
          return data;
        },
      },
    );
    run();
    expect(written).toEqual(["UART(1) ping\n"]);
    expect(output()).toBe("5\nb'pong\\n' 4 b'rest' None\n");
  });

  it("raises ValueError for an LED a pyboard does not have", async () => {
    const { run } = await runOnBoard("from pyb import LED\nLED(5)");
    expect(() => run()).toThrowError(/ValueError: LED\(5\) doesn't exist/);
  });
});

describe("the board link", () => {
  it("leaves the VM's filesystem as it was", async () => {
    const { run, output } = await runOnBoard("import os\nprint(sorted(os.listdir('/')))");
    run();
    expect(output()).toBe("['dev', 'home', 'proc', 'tmp']\n");
  });

  it("stops the program with KeyboardInterrupt when the host signals an interrupt", async () => {
    const interrupt = new Int32Array(new SharedArrayBuffer(4));
    let count = 0;
    const { run } = await runOnBoard("from machine import Pin\np = Pin(1, Pin.OUT)\nwhile True:\n    p.toggle()", {
      interrupt,
      onOutput: () => {
        if (++count === 5) Atomics.store(interrupt, 0, 1);
      },
    });
    expect(() => run()).toThrowError(MicroPythonError);
    expect(count).toBe(5);
  });

  it("rethrows an error thrown by a hook after stopping the program", async () => {
    const { run } = await runOnBoard("from pyb import LED\nLED(1).on()\nprint('not reached')", {
      onOutput: () => {
        throw new Error("hook failed");
      },
    });
    expect(() => run()).toThrowError("hook failed");
  });
});
