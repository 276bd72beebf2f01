import { describe, expect, it } from "vitest";
import { expectSameOnShimAndVm } from "../harness/shim-vs-vm.js";

/**
 * What the simulated board adds to the host VM's own modules: a board's errno numbers from the
 * file system (the VM's Emscripten file system reports WASI's), os.urandom and os.uname, and
 * micropython's functions; each checked against the Node shim.
 */
describe("board errno numbers and the os/micropython additions, shim vs MicroPython", () => {
  it("file errors carry a board's errno numbers and messages on both targets", async () => {
    const output = await expectSameOnShimAndVm(`
import * as errno from "tsmp/errno";
import * as io from "tsmp/io";
import * as os from "tsmp/os";
os.mkdir("/d");
const f = io.open("/d/f.txt", "w");
f.write("x");
f.close();
const attempts: [string, () => unknown][] = [
  ["mkdir existing", () => os.mkdir("/d")],
  ["mkdir without parent", () => os.mkdir("/x/y")],
  ["rmdir not empty", () => os.rmdir("/d")],
  ["rmdir missing", () => os.rmdir("/zz")],
  ["remove missing", () => os.remove("/zz")],
  ["remove folder", () => os.remove("/d")],
  ["listdir missing", () => os.listdir("/zz")],
  ["listdir file", () => os.listdir("/d/f.txt")],
  ["stat missing", () => os.stat("/zz")],
  ["rename missing", () => os.rename("/zz", "/yy")],
  ["chdir missing", () => os.chdir("/zz")],
  ["open missing", () => io.open("/zz")],
  ["open folder for writing", () => io.open("/d", "w")],
  ["open without parent", () => io.open("/q/z", "w")],
];
for (const [what, attempt] of attempts) {
  try {
    attempt();
    console.log(what, "no error");
  } catch (e) {
    const error = e as { errno: number };
    console.log(what, error.errno, (e as Error).message, errno.errorcode[error.errno] ?? "-");
  }
}
console.log(errno.ENOENT, errno.EEXIST, errno.ENODEV, errno.EINVAL, errno.ETIMEDOUT, errno.EAGAIN);
console.log(errno.errorcode[errno.ENOENT], errno.errorcode[errno.ECONNREFUSED]);
`);
    expect(output).toContain("open missing 2 [Errno 2] ENOENT ENOENT");
    expect(output).toContain("rmdir not empty 39 39 -");
  });

  it("os.urandom and os.uname on the board", async () => {
    await expectSameOnShimAndVm(`
import * as os from "tsmp/os";
const bytes = os.urandom(16);
console.log(bytes.length, os.urandom(0).length);
const name = os.uname();
console.log(name.sysname, name.nodename, name.release, name.version, name.machine);
`);
  });

  it("micropython: const, schedule, opt_level, heap lock, kbd_intr, emergency buffer", async () => {
    await expectSameOnShimAndVm(`
import * as micropython from "tsmp/micropython";
import * as time from "tsmp/time";
const LIMIT = micropython.const(42);
console.log(LIMIT);
micropython.alloc_emergency_exception_buf(100);
micropython.opt_level(2);
console.log(micropython.opt_level());
micropython.opt_level(0);
micropython.heap_lock();
micropython.heap_lock();
// Counted, not enforced (the host VM would hang on this allocation; a board raises MemoryError).
const held = [1, 2, 3].map((x) => x * 2);
const depths = [micropython.heap_unlock(), micropython.heap_unlock()];
console.log(depths[0], depths[1], held.length);
micropython.kbd_intr(-1);
micropython.kbd_intr(3);
console.log(typeof micropython.stack_use());
micropython.schedule((n: number) => console.log("scheduled", n), 7);
time.sleep_ms(1);
console.log("after the wait");
`);
  });
});

describe("Python indexing on facade classes", () => {
  it("np[i] = [r, g, b] and np[i] on a NeoPixel, shim vs MicroPython", async () => {
    const output = await expectSameOnShimAndVm(`
import { Pin } from "tsmp/machine";
import { NeoPixel } from "tsmp/neopixel";
const np = new NeoPixel(new Pin(5), 3);
np[0] = [255, 128, 0];
np[-1] = [1, 2, 3];
const i = 1;
np[i] = np[0]!;
const [r, g, b] = np[2]!;
console.log(r, g, b, np[i]![1], Array.from(np.buf).join(","));
try {
  np[3] = [0, 0, 0];
} catch (e) {
  console.log("IndexError");
}
`);
    expect(output).toContain("1 2 3 128 128,255,0,128,255,0,2,1,3");
  });
});
