import { describe, expect, it } from "vitest";
import { emittedMain, expectToMatchEsModules, expectToMatchJsResult, transpileSnippet } from "../../harness/differential.js";

// An imported `let` is a live view of the exporting module's variable, however it is imported.
const counterModule = `export let counter = 0;\nexport var total = 10;\nexport const fixed = 1;\nexport function bump() { counter++; total += 5; }\n`;

describe("imported variables are live bindings", () => {
  it("named imports of a let and a var see the module's later assignments", () =>
    expectToMatchJsResult({
      "main.ts": `import { counter, total, fixed, bump } from "./a";\nconsole.log(counter, total, fixed);\nbump(); bump();\nconsole.log(counter, total, fixed, { counter }, [counter].length);\nfunction show() { return \`\${counter}/\${total}\`; }\nbump();\nconsole.log(show());`,
      "a.ts": counterModule,
    }));

  it("renamed imports, export { x as y }, re-exports and export * stay live", () =>
    expectToMatchJsResult({
      "main.ts": `import { count as c, bump } from "./a";\nimport { counter as viaIndex, alias, total } from "./index";\nimport * as ns from "./index";\nimport * as direct from "./a";\nbump();\nconsole.log(c, viaIndex, alias, total, ns.counter, ns.alias, ns.total, direct.counter, direct.count);`,
      "a.ts": `${counterModule}export { counter as count };\n`,
      "index.ts": `export { counter, counter as alias } from "./a";\nexport * from "./a";\n`,
    }));

  it("a live variable re-exported through a namespace export and an importer's own export", () =>
    expectToMatchJsResult({
      "main.ts": `import { lib, again, bump } from "./index";\nimport { again as twice } from "./middle";\nbump();\nconsole.log(lib.counter, again, twice);`,
      "a.ts": counterModule,
      "middle.ts": `import { counter } from "./a";\nexport { counter as again };\n`,
      "index.ts": `export * as lib from "./a";\nexport { again } from "./middle";\nexport { bump } from "./a";\n`,
    }));

  it("a variable exported as the default is live; export default of a variable copies it", () =>
    expectToMatchJsResult({
      "main.ts": `import live from "./a";\nimport copied from "./b";\nimport { bump } from "./a";\nimport { bumpB } from "./b";\nbump(); bumpB();\nconsole.log(live, copied);`,
      "a.ts": `let counter = 0;\nexport function bump() { counter++; }\nexport { counter as default };\n`,
      "b.ts": `let n = 0;\nexport function bumpB() { n++; }\nexport default n;\n`,
    }));

  it("module names that clash with the program's names, and modules in folders", () =>
    expectToMatchJsResult({
      "main.ts": `import { level, raise } from "./drivers/state";\nimport { state } from "./state";\nconst _live_drivers_state = "mine";\nraise();\nconsole.log(level, state, _live_drivers_state);`,
      "drivers/state.ts": `export let level = 1;\nexport function raise() { level *= 10; }\n`,
      "state.ts": `export let state = "s";\n`,
    }));

  it("reads through the module object only for variables, not constants or functions", () => {
    const python = emittedMain(
      transpileSnippet({
        "main.ts": `import { counter, fixed, bump } from "./a";\nbump();\nconsole.log(counter, fixed);`,
        "a.ts": counterModule,
      }),
    );
    expect(python).toContain("from a import fixed, bump");
    expect(python).toContain("import a as _live_a");
    expect(python).toContain("_live_a.counter");
  });
});

// Node's own module namespace objects (ES modules), against the transpiled program's JsModule.
describe("a namespace import used as an object lists exactly the module's exports", () => {
  const shapes = `export const b = 2;\nexport const a = "one";\nexport let n = 0;\nexport function f() { n++; }\nexport class Counter { count = 0; }\nexport class Big extends Counter {}\nexport class Failure extends Error {}\nconst hidden = 5;\nexport { hidden as shown };\nexport default 7;\n`;
  it("Object.keys, values, for…in, in, JSON.stringify, ns[k], String", { timeout: 120_000 }, () =>
    expectToMatchEsModules({
      "main.ts": `import * as ns from "./shapes";\nconsole.log(Object.keys(ns).join(","));\nconsole.log(JSON.stringify(ns));\nns.f();\nconst keys: string[] = [];\nfor (const k in ns) keys.push(k);\nconsole.log(keys.join(" "), "n" in ns, "hidden" in ns, JSON.stringify(Object.values(ns).filter((v) => typeof v !== "function")));\nconst k = "shown";\nconsole.log((ns as Record<string, unknown>)[k]);\ntry { console.log(String(ns)); } catch (e) { console.log("String(ns) throws", e instanceof TypeError); }`,
      "shapes.ts": shapes,
    }),
  );

  it("console.log of a namespace, and one handed to a function", { timeout: 120_000 }, () =>
    expectToMatchEsModules({
      "main.ts": `import * as ns from "./shapes";\nimport * as empty from "./empty";\nfunction count(m: typeof ns) { return m.n; }\nns.f();\nconsole.log(ns);\nconsole.log(empty, count(ns), { ns }.ns.n);`,
      "shapes.ts": shapes,
      "empty.ts": `export type Nothing = never;\n`,
    }),
  );
});
