import { describe, expect, it } from "vitest";
import { startBoard } from "../../harness/virtual-board-fixtures.js";

/**
 * Counts its boots in a file, so each boot takes the next step: a starved watchdog, deep sleep,
 * done; and in NVS, which outlives every reset as the flash does.
 */
const MAIN_PY = `import esp32, machine, time
nvs = esp32.NVS("test")
try:
    boots = nvs.get_i32("boots")
except OSError:
    boots = 0
nvs.set_i32("boots", boots + 1)
print("boot", machine.reset_cause(), boots, machine.wake_reason())
try:
    n = int(open("n.txt").read())
except OSError:
    n = 0
open("n.txt", "w").write(str(n + 1))
if n == 0:
    wdt = machine.WDT(timeout=200)
    while True:
        time.sleep_ms(50)
elif n == 1:
    print("sleeping", time.ticks_ms() < 1000)
    machine.deepsleep(400)
print("done")
`;

describe("resets a program asks for, on the pty board", () => {
  it("a starved watchdog and deep sleep reboot the board: boot.py and main.py run again, reset_cause() says why, NVS keeps its entries", async () => {
    const { board, client } = await startBoard({ files: { "main.py.txt": MAIN_PY } });
    // A soft reset is not one of them: the first hard reset the board reports is the watchdog's.
    const rebooted: number[] = [];
    const watchResets = async (): Promise<void> => {
      for (;;) rebooted.push(await board.nextHardReset());
    };
    void watchResets();
    await client.enterRawRepl();
    await client.execRaw("import os\nos.rename('main.py.txt', 'main.py')\nopen('boot.py', 'w').write('print(\"boot.py\")')");
    client.write("\x02");
    await client.readUntil(">>> ");
    // Ctrl-D: a soft reset, which runs main.py.
    client.write("\x04");
    const started = performance.now();
    expect(await client.readUntil("sleeping True\r\n")).toBe(
      "\r\nMPY: soft reboot\r\nboot.py\r\nboot 5 0 0\r\n" + "boot.py\r\nboot 3 1 0\r\n" + "sleeping True\r\n",
    );
    const woke = await client.readUntil("done\r\n");
    // Deep sleep lasts its time on the real clock; the board then starts from scratch.
    expect(performance.now() - started).toBeGreaterThanOrEqual(400);
    expect(woke).toBe("boot.py\r\nboot 4 2 4\r\ndone\r\n");
    expect(await client.readUntil(">>> ")).toMatch(/^MicroPython v1\.27\.0 .*\r\n>>> $/s);
    // A reset from the REPL (mpremote's `reset`) is a hard one, and so is its cause.
    client.write("import machine; machine.reset()\r");
    expect(await client.readUntil("done\r\n")).toBe("import machine; machine.reset()\r\nboot.py\r\nboot 2 3 0\r\ndone\r\n");
    await client.readUntil(">>> ");
    // Nothing drives the pty board's pins: a wake pin wakes it only with a level it already has,
    // here a pulled-up pin waiting for high (at once, as an ESP32's level-triggered ext0 does).
    client.write("import esp32; esp32.wake_on_ext0(machine.Pin(4, machine.Pin.IN, machine.Pin.PULL_UP), 1); machine.deepsleep()\r");
    expect(await client.readUntil("done\r\n")).toMatch(/boot\.py\r\nboot 4 4 2\r\ndone\r\n$/);
    await client.readUntil(">>> ");
    expect(rebooted).toEqual([3, 4, 2, 4]);
  });
});
