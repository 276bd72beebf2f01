import { describe, expect, it } from "vitest";
import { createTranspiler } from "../../../src/transpile/index.js";

const transpiler = createTranspiler({ sourceMaps: false });

/** The message of the one tsmp diagnostic with this code a snippet gets. */
function messageOf(source: string, code: string): string | undefined {
  return transpiler.transpileSource(source).diagnostics.find((diagnostic) => diagnostic.code === code)?.message;
}

describe("constructs MicroPython would run differently are rejected", () => {
  it("TSMP1040 deleting an array element (lists have no holes)", () => {
    expect(messageOf(`const a = [1, 2, 3];\ndelete a[1];`, "TSMP1040")).toBe(
      "Deleting an array element is not supported: a MicroPython list has no holes. Remove it with splice(i, 1), or store undefined in its place.",
    );
  });
  it("TSMP1041 globalThis", () => {
    expect(messageOf(`console.log(typeof globalThis);`, "TSMP1041")).toBe(
      "'globalThis' is not supported: MicroPython has no global object. Import what you need from its module, or keep shared values in an object of your own.",
    );
  });
  it("TSMP1108 Object.assign to an array", () => {
    expect(messageOf(`const a = Object.assign([1], { tag: "x" });\nconsole.log(a.tag);`, "TSMP1108")).toBe(
      "Object.assign to an array is not supported with these arguments.",
    );
  });
  it("TSMP1011 a static accessor named like an instance accessor (both keep their functions as _get_<name>)", () => {
    expect(messageOf(`class C { get m() { return 1; } static get m() { return 2; } }\nconsole.log(new C().m, C.m);`, "TSMP1011")).toBe(
      "Static members named like an instance method or accessor in classes are not supported by tsmp yet.",
    );
    // A static method beside an instance method of its name is stored apart (_js_static_m).
    expect(messageOf(`class C { m() { return 1; } static m() { return 2; } }\nconsole.log(new C().m());`, "TSMP1011")).toBeUndefined();
  });
  it("TSMP1042 a dict asserted to be an object (json.loads gives dicts), also through unknown", () => {
    const source = (assertion: string) =>
      `import * as json from "tsmp/json";\nconst settings = json.loads('{"name": "a"}') ${assertion};\nconsole.log(settings);`;
    expect(messageOf(source("as { name: string }"), "TSMP1042")).toBe(
      `'json.loads('{"name": "a"}') as { name: string }' asserts that a value which may be a dict (a record type, such as what json.loads gives) is an object: tsmp reads an object's properties as attributes and a dict's keys with [], and an assertion converts nothing. Keep the record type and read it with value["key"], or build the object from it.`,
    );
    expect(messageOf(source("as unknown as { name: string }"), "TSMP1042")).toBeDefined();
    expect(messageOf(source("as Record<string, string>"), "TSMP1042")).toBeUndefined();
    expect(messageOf(`const o = { name: "a" } as { name: string; size?: number };\nconsole.log(o);`, "TSMP1042")).toBeUndefined();
    expect(messageOf(`const v = JSON.parse("{}") as { name: string };\nconsole.log(v);`, "TSMP1042")).toBeUndefined();
  });
  it("TSMP1043 the arguments object", () => {
    expect(messageOf(`function count(a: number, b?: number) {\n  return arguments[0];\n}\nconsole.log(count(1));`, "TSMP1043")).toBe(
      "The 'arguments' object is not supported: a MicroPython function has no such object. Declare a rest parameter (...args) instead.",
    );
    expect(messageOf(`const o = { arguments: 1 };\nconsole.log(o.arguments);`, "TSMP1043")).toBeUndefined();
  });
  it("TSMP1048 an interface extending an array type", () => {
    expect(messageOf(`interface Row extends Array<number> {}\nconst r: Row = [1, 2];\nconsole.log(r?.[1]);`, "TSMP1048")).toBe(
      "The interface 'Row' extends an array type, which tsmp does not map: its values are not known to be lists. Write the array type itself (number[]), or a type alias of it (type Row = number[]).",
    );
    expect(messageOf(`export interface Pair extends ReadonlyArray<string> { }\nconsole.log(1);`, "TSMP1048")).toBeDefined();
    expect(
      messageOf(
        `interface Named { name: string }\ninterface Pet extends Named { age: number }\nconst p: Pet = { name: "a", age: 1 };\nconsole.log(p.age);`,
        "TSMP1048",
      ),
    ).toBeUndefined();
  });
});
