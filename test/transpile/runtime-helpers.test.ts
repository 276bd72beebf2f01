import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/package-paths.js";
import { readPythonHelper } from "../../src/python-helpers.js";
import { emitHelperModule, helperModuleName, resolveHelpers } from "../../src/transpile/runtime/helper-module.js";
import { helperNames } from "../../src/transpile/runtime/helper-names.js";
import { MicroPythonVm } from "../../src/vm/micropython-vm.js";

describe("runtime helpers", () => {
  it("names exactly the helper files in src/transpile/runtime", () => {
    const files = readdirSync(packagePath("src/transpile/runtime"))
      .filter((file) => file.endsWith(".py"))
      .map((file) => file.slice(0, -".py".length));
    expect([...helperNames].sort()).toEqual(files.sort());
  });

  it("requires only helpers that exist", () => {
    const unknown = helperNames.flatMap((name) =>
      readPythonHelper(`src/transpile/runtime/${name}.py`)
        .requires.filter((required) => !(helperNames as readonly string[]).includes(required))
        .map((required) => `${name} requires ${required}`),
    );
    expect(unknown).toEqual([]);
  });

  it("puts what a helper requires before it", () => {
    expect(resolveHelpers(["obj_rest"])).toEqual(["js_key", "obj_items", "JsObject", "OrderedDict", "obj_from", "obj_rest"]);
  });

  it("imports as one module holding every helper on the MicroPython VM", async () => {
    let out = "";
    const vm = await MicroPythonVm.load({ stdout: (text) => (out += text) });
    vm.writeFile(`/lib/${helperModuleName}.py`, emitHelperModule(helperNames));
    vm.exec(
      `import ${helperModuleName}\nprint([name for name in ${JSON.stringify(helperNames)} if not hasattr(${helperModuleName}, name)])`,
    );
    expect(out).toBe("[]\n");
  });
});
