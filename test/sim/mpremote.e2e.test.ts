import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { flashFirmware } from "../../src/commands/firmware.js";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";
import { VirtualEsp32 } from "../../src/sim/virtual-esp32/index.js";
import { makeEspImage } from "../harness/esp-image.js";

/**
 * The official mpremote against both virtual boards, as users run it. mpremote is an optional
 * peer (built by ../shared/tools/build-peers.sh): without it these tests skip, so `npm test`
 * never needs it.
 */
const mpremote = join(process.env.TSMP_PEERS_BIN ?? join(homedir(), ".cache", "tsmp-peers", "bin"), "mpremote");
const scratch = mkdtempSync(join(tmpdir(), "tsmp-mpremote-"));
const run = promisify(execFile);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function mpremoteOn(port: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(mpremote, ["connect", port, ...args], { timeout: 30_000 });
  // The board's own output ends lines with "\r\n", as a real one's does; mpremote passes it on.
  return stdout.replaceAll("\r\n", "\n");
}

/**
 * ls, cp both ways, cat, exec, eval, run, soft-reset, rm and a hard reset, chained as users chain
 * them (each mpremote start costs about half a second).
 */
async function exerciseBoard(port: string, hardReset: () => Promise<unknown>): Promise<void> {
  const local = join(scratch, "hello.py");
  const back = join(scratch, "back.py");
  writeFileSync(local, "print('hello from', __name__)\n");
  expect(
    await mpremoteOn(
      port,
      "cp",
      local,
      ":hello.py",
      "+",
      "ls",
      "+",
      "cat",
      "hello.py",
      "+",
      "exec",
      "import hello",
      "+",
      "eval",
      "1 + 2",
      "+",
      "run",
      local,
    ),
  ).toMatch(
    /^cp .*hello\.py :hello\.py\nls :\n +30 hello\.py\nprint\('hello from', __name__\)\nhello from hello\n3\nhello from __main__\n$/,
  );
  // State survives exec calls in one session, and a soft reset clears it. mpremote soft-resets
  // the board as it first enters the raw REPL (reset_cause() 5); `resume` does not.
  expect(
    await mpremoteOn(
      port,
      "cp",
      ":hello.py",
      back,
      "+",
      "exec",
      "x = 41",
      "exec",
      "print(x + 1)",
      "soft-reset",
      "exec",
      "import machine; print('x' in globals(), machine.reset_cause())",
    ),
  ).toMatch(/42\nFalse 5\n$/);
  expect(readFileSync(back, "utf8")).toBe("print('hello from', __name__)\n");
  // `reset` runs `time.sleep_ms(100); machine.reset()` and leaves; the next mpremote's Ctrl-C
  // would stop that sleep on a busy machine, so wait for the board to come back first.
  const rebooted = hardReset();
  await mpremoteOn(port, "reset");
  await rebooted;
  expect(await mpremoteOn(port, "resume", "exec", "import machine; print(machine.reset_cause())", "rm", ":hello.py", "+", "ls")).toBe(
    "2\nrm :hello.py\nls :\n",
  );
}

describe.skipIf(!existsSync(mpremote))("the official mpremote", () => {
  it("works against tsmp virtual-board", async () => {
    const board = await VirtualBoard.start();
    try {
      await exerciseBoard(board.portPath, () => board.nextHardReset());
    } finally {
      await board.stop();
    }
  }, 120_000);

  it("works against the virtual ESP32 after a MicroPython image is flashed", async () => {
    const chip = await VirtualEsp32.start();
    try {
      const firmware = join(scratch, "ESP32_GENERIC.bin");
      writeFileSync(firmware, makeEspImage(64 * 1024, { micropython: true }));
      await flashFirmware({
        port: chip.portPath,
        chip: "auto",
        baud: 460800,
        file: firmware,
        eraseAll: true,
        compress: true,
        verifyRepl: true,
        log: () => {},
        progress: () => {},
      });
      await exerciseBoard(chip.portPath, () => chip.nextHardReset());
    } finally {
      await chip.stop();
    }
  }, 120_000);
});
