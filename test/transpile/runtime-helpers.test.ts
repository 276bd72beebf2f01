import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { packagePath } from "../../src/package-paths.js";
import { readPythonHelper } from "../../src/python-helpers.js";
import { emitHelperModules, resolveHelpers } from "../../src/transpile/runtime/helper-module.js";
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
    // obj_from writes number keys as JavaScript's text (js_str, which needs num_str and null).
    expect(resolveHelpers(["obj_rest"])).toEqual([
      "js_key",
      "obj_items",
      "py_key",
      "JsObject",
      "OrderedDict",
      "float_str",
      "null",
      "num_str",
      "js_str",
      "obj_from",
      "obj_rest",
    ]);
  });

  it("keeps float_str in a module of its own, which num_str imports on first use", () => {
    const modules = emitHelperModules(["num_str"]);
    expect(modules.map((module) => module.path)).toEqual(["_tsmp.py", "_tsmp_float_str.py"]);
    expect(modules[0]!.text).not.toContain("def float_str");
  });

  it("imports every helper on the MicroPython VM, from _tsmp or its own module", async () => {
    let out = "";
    const vm = await MicroPythonVm.load({ stdout: (text) => (out += text) });
    const modules = emitHelperModules(helperNames);
    for (const module of modules) vm.writeFile(`/lib/${module.path}`, module.text);
    const names = modules.map((module) => module.path.slice(0, -".py".length)).join(", ");
    vm.exec(`import ${names}\nprint([name for name in ${JSON.stringify(helperNames)} if not any(hasattr(m, name) for m in (${names},))])`);
    expect(out).toBe("[]\n");
  });
});
