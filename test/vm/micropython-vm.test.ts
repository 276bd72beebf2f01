import { describe, expect, it } from "vitest";
import { MicroPythonError, MicroPythonVm } from "../../src/vm/micropython-vm.js";

describe("MicroPythonVm", () => {
  it("runs Python and streams its stdout", async () => {
    let out = "";
    const vm = await MicroPythonVm.load({ stdout: (text) => (out += text) });
    vm.exec("print('héllo', 1 + 2)");
    expect(out).toBe("héllo 3\n");
  });

  it("imports modules written into its filesystem", async () => {
    let out = "";
    const vm = await MicroPythonVm.load({ stdout: (text) => (out += text) });
    vm.writeFile("/lib/util.py", "def answer():\n    return 42\n");
    vm.exec("import util\nprint(util.answer())");
    expect(out).toBe("42\n");
  });

  it("keeps two VMs in one process apart", async () => {
    let a = "";
    let b = "";
    const first = await MicroPythonVm.load({ stdout: (text) => (a += text) });
    const second = await MicroPythonVm.load({ stdout: (text) => (b += text) });
    first.exec("x = 'first'");
    second.exec("x = 'second'");
    first.exec("print(x)");
    second.exec("print(x)");
    expect([a, b]).toEqual(["first\n", "second\n"]);
  });

  it("reports an uncaught exception with its MicroPython traceback", async () => {
    const vm = await MicroPythonVm.load();
    const run = () => vm.exec("def f():\n    return 1 // 0\nf()");
    expect(run).toThrowError(MicroPythonError);
    try {
      run();
    } catch (error) {
      const failure = error as MicroPythonError;
      expect(failure.pythonType).toBe("ZeroDivisionError");
      expect(failure.traceback).toContain("line 2, in f");
      expect(failure.message).toBe("ZeroDivisionError: divide by zero");
    }
  });

  it("supports top-level await for asyncio programs", async () => {
    let out = "";
    const vm = await MicroPythonVm.load({ stdout: (text) => (out += text) });
    await vm.execAsync("import asyncio\nasync def main():\n    await asyncio.sleep_ms(5)\n    print('done')\nawait main()");
    expect(out).toBe("done\n");
  });
});
