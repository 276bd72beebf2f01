import { describe, expect, it } from "vitest";
import { expectSameOnShimAndVm, runSourceOnShim } from "../harness/shim-vs-vm.js";

describe("tsmp/sys and tsmp/random, shim vs MicroPython", () => {
  it("sys describes the simulated board identically", async () => {
    const output = await expectSameOnShimAndVm(`
import * as sys from "tsmp/sys";
const impl = sys.implementation;
console.log(impl.name, impl.version[0], impl.version[1], impl._machine, impl._mpy & 0xff);
console.log(sys.platform, sys.version, sys.byteorder, sys.maxsize, sys.argv.length);
console.log(sys.path.join("|"), sys.version_info[0]);
console.log(sys.stdout.write("written\\n"));
sys.stderr.write("");
try {
  throw new Error("bad thing");
} catch (e) {
  console.log("caught");
}
sys.exit(0);
console.log("not reached");
`);
    expect(output).toContain("micropython 1 27 JS with Emscripten 6");
    expect(output).not.toContain("not reached");
  });

  it("sys.exit gives the exit code and print_exception the exception's line (Node)", async () => {
    const run = await runSourceOnShim(`
import * as sys from "tsmp/sys";
try {
  throw new RangeError("too far");
} catch (e) {
  sys.print_exception(e);
}
try {
  sys.stdin.readline();
} catch (e) {
  console.log((e as Error).message);
}
sys.exit(3);
`);
    expect(run.lines).toEqual(["Traceback (most recent call last):", "RangeError: too far", "[Errno 5] EIO"]);
    expect(run.error).toBeUndefined();
    expect(run.exit_code).toBe(3);
  });

  it("random: seeded sequences are MicroPython's", async () => {
    const output = await expectSameOnShimAndVm(`
import * as random from "tsmp/random";
random.seed(1);
console.log(random.getrandbits(32), random.getrandbits(8), random.getrandbits(0), random.random());
random.seed(2026);
const draws: number[] = [];
for (let i = 0; i < 20; i++) draws.push(random.randint(-5, 5));
console.log(draws.join(","));
console.log(random.randrange(10), random.randrange(100, 200), random.randrange(0, 100, 7), random.randrange(10, 0, -3));
console.log(random.choice(["a", "b", "c", "d"]), random.uniform(2, 4), random.uniform(1, -1));
random.seed(0x1_0000_0001);
console.log(random.getrandbits(31));
for (const bad of [() => random.getrandbits(33), () => random.randrange(0), () => random.randint(3, 2), () => random.randrange(0, 10, 0)]) {
  try {
    bad();
  } catch (e) {
    console.log("ValueError", (e as Error).message);
  }
}
try {
  random.choice([]);
} catch (e) {
  console.log("IndexError");
}
`);
    expect(output).toMatch(/^2002244 242 0 0\.447355/);
  });
});
