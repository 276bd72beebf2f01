import { describe, expect, it } from "vitest";
import { ts } from "../../../src/transpile/typescript.js";
import * as diagnostics from "../../../src/transpile/diagnostics.js";
import { createTranspiler, type Diagnostic } from "../../../src/transpile/index.js";

const transpiler = createTranspiler({ sourceMaps: false });

function diagnosticsOf(source: string | Record<string, string>): Diagnostic[] {
  return (typeof source === "string" ? transpiler.transpileSource(source) : transpiler.transpileFiles(source)).diagnostics;
}

/** The one tsmp diagnostic a snippet gets (TypeScript's own may come along). */
function rejection(source: string | Record<string, string>, code: string): Diagnostic {
  const found = diagnosticsOf(source).filter((diagnostic) => diagnostic.code === code);
  expect(
    found.map((diagnostic) => diagnostic.code),
    JSON.stringify(diagnosticsOf(source)),
  ).toContain(code);
  return found[0]!;
}

describe("constructs tsmp rejects (never mistranslates)", () => {
  it("TSMP1001 unsupported syntax names the construct and its position", () => {
    const diagnostic = rejection(`const x = 1;\nconst big = 10n ** 20n;`, "TSMP1001");
    expect(diagnostic).toMatchObject({ line: 2, column: 13, category: "error" });
    expect(diagnostic.message).toBe("This BigInt literal (`10n`) is not supported by tsmp yet.");
  });
  it("TSMP1101 names a member of a receiver with no single library type by the expression as written", () => {
    const source = `function pick(flag: boolean): Map<string, number> | Set<string> { return flag ? new Map() : new Set(); }\nconst table = pick(true);\nconsole.log(table.has);`;
    expect(rejection(source, "TSMP1101").message).toMatch(/^`table\.has` \((Map|WeakMap)\.has\) is not supported by tsmp yet\.$/);
  });
  it("TSMP1001 for a debugger statement", () => {
    expect(rejection(`debugger;`, "TSMP1001").message).toBe("This debugger statement (`debugger;`) is not supported by tsmp yet.");
  });
  it("TSMP1002 names an operator no visitor handles (every JS operator has a mapping today)", () => {
    const file = ts.createSourceFile("/x.ts", "a >>> b;", ts.ScriptTarget.ES2022, true);
    const statement = file.statements[0] as ts.ExpressionStatement;
    const operator = (statement.expression as ts.BinaryExpression).operatorToken;
    expect(diagnostics.unsupportedOperator(operator, ">>>")).toEqual({
      code: "TSMP1002",
      category: "error",
      message: "The operator '>>>' is not supported by tsmp yet.",
      file: "/x.ts",
      line: 1,
      column: 3,
    });
  });
  it("TSMP1003 this outside a class", () => {
    expect(rejection(`console.log(this === undefined);\nexport {};`, "TSMP1003").message).toMatch(
      /'this' is only supported inside class methods/,
    );
  });
  it("TSMP1004 top-level await", () => {
    expect(rejection(`async function f() { return 1; }\nawait f();\nexport {};`, "TSMP1004").message).toMatch(/asyncio\.run\(main\(\)\)/);
  });
  it.each([
    ["an imported async function", { "main.ts": `import { work } from "./work";\nwork();`, "work.ts": `export async function work() {}` }],
    ["a callback typed as returning a promise", `function start(job: () => Promise<void>) { job(); }\nstart(async () => {});`],
    ["an interface's method", `function start(job?: { run(): Promise<void> }) { void job?.run(); }\nstart();`],
    [
      "another module's method named like an async method of this module",
      {
        "main.ts": `import { Other } from "./other";\nclass Job { async run() {} }\nfunction go(o: Other) { o.run(); }\ngo(new Other());\nnew Job().run();`,
        "other.ts": `export class Other { run(): Promise<void> { return work(); } }\nasync function work() {}`,
      },
    ],
    ["a call inside a comma expression", `async function work() {}\nfunction start() { work(), 1; }\nstart();`],
  ])("TSMP1006 %s called and never awaited (only this module's async functions start at the call)", (_name, source) => {
    expect(rejection(source, "TSMP1006").message).toMatch(
      /^This async call's promise is dropped\. JavaScript starts it here, and tsmp does the same only for an async function, method or arrow function declared in this module .*: await it where it is called, or hand it to asyncio\.create_task\.$/,
    );
  });
  const startedLate = (kept: string) =>
    `This async call is ${kept} to be awaited later. JavaScript starts it here, at the call; tsmp starts it here only for an async function, method or arrow function declared in this module, and would start this one only where it is awaited, after the code in between. Await the call where it is made, or start it explicitly with asyncio.create_task (it then starts at asyncio's next scheduling pass, not here).`;
  const fetchThing = `export async function fetchThing(n = 1) { console.log("fetching", n); await null; return n; }`;
  it("TSMP1006 another module's async call stored in a variable to be awaited later (it would start late)", () => {
    const main = `import { fetchThing } from "./fetch";
async function main() {
  const p = fetchThing();
  console.log("started");
  console.log(await p);
}
void main();`;
    expect(rejection({ "main.ts": main, "fetch.ts": fetchThing }, "TSMP1006")).toMatchObject({
      line: 3,
      column: 13,
      message: startedLate("stored in a variable"),
    });
  });
  it("TSMP1006 another module's async call collected into an array to be awaited later (it would start late)", () => {
    const main = `import { fetchThing } from "./fetch";
async function main() {
  const started: Promise<number>[] = [];
  for (let i = 0; i < 2; i++) started.push(fetchThing(i));
  console.log("started");
  for (const p of started) console.log(await p);
}
void main();`;
    expect(rejection({ "main.ts": main, "fetch.ts": fetchThing }, "TSMP1006")).toMatchObject({
      line: 4,
      column: 44,
      message: startedLate("collected into an array"),
    });
  });
  it.each([
    [
      "a parameter's call stored in a variable",
      `async function run(job: () => Promise<number>) { const p = job(); console.log("started"); return await p; }
void run(async () => 1);`,
    ],
    [
      "an array literal of a parameter's calls",
      `async function run(job: () => Promise<number>) { const all = [job(), job()]; console.log("started"); return all; }
void run(async () => 1);`,
    ],
    [
      "another module's method named like an async method of this module, stored",
      {
        "main.ts": `import { Other } from "./other";
class Job { async run() {} }
async function go(o: Other) { const p = o.run(); await p; }
void go(new Other());
void new Job().run();`,
        "other.ts": `export class Other { run(): Promise<void> { return work(); } }
async function work() {}`,
      },
    ],
  ])("TSMP1006 %s (only this module's async functions start at the call)", (_name, source) => {
    expect(rejection(source, "TSMP1006").message).toMatch(
      /^This async call is (stored in a variable|collected into an array) to be awaited later\./,
    );
  });
  it.each([
    [
      "awaited where it is called",
      `import { fetchThing } from "./fetch";
async function main() { const n = await fetchThing(); console.log(n); }
void main();`,
    ],
    [
      "handed to the Promise API",
      `import { fetchThing } from "./fetch";
async function main() { console.log(await Promise.all([fetchThing(1), fetchThing(2)])); }
void main();`,
    ],
    [
      "stored in a module naming the Promise API (started at the call)",
      `import { fetchThing } from "./fetch";
async function main() { const p = fetchThing(); console.log("started"); await p.then((n) => console.log(n)); }
void main();`,
    ],
    [
      "handed to asyncio.create_task and gather",
      `import * as asyncio from "tsmp/asyncio";
import { fetchThing } from "./fetch";
async function main() {
  const t = asyncio.create_task(fetchThing(1));
  const jobs = [fetchThing(2), fetchThing(3)];
  await asyncio.gather(t, ...jobs);
}
asyncio.run(main());`,
    ],
  ])("another module's async call %s compiles", (_name, main) => {
    expect(diagnosticsOf({ "main.ts": main, "fetch.ts": fetchThing })).toEqual([]);
  });
  it("TSMP1006 main().catch(…) at the top level of a module using asyncio", () => {
    const source = `import * as asyncio from "tsmp/asyncio";\nasync function main() { await asyncio.sleep_ms(5); }\nmain().catch((e) => console.log(e));`;
    expect(rejection(source, "TSMP1006")).toMatchObject({
      line: 3,
      column: 1,
      message: expect.stringMatching(/Write asyncio\.run\(main\(\)\) instead\.$/),
    });
  });
  it("TSMP1006 an async call at the top level of a module using asyncio (asyncio's loop runs only inside asyncio.run)", () => {
    const source = `import * as asyncio from "tsmp/asyncio";\nasync function main() { await asyncio.sleep_ms(5); }\nmain();`;
    expect(rejection(source, "TSMP1006")).toMatchObject({
      line: 3,
      column: 1,
      message: expect.stringMatching(/at the top level of a module using asyncio.*Write asyncio\.run\(main\(\)\) instead\.$/),
    });
  });
  it("TSMP1007 an expression needing statements where it runs only sometimes (a later case label)", () => {
    const source = `const o = { n: 0 };\nfunction f(x: number) { switch (x) { case 0: return "zero"; case o.n++: return "counted"; } return "other"; }\nconsole.log(f(1));`;
    expect(rejection(source, "TSMP1007").message).toMatch(/runs conditionally/);
  });
  it("TSMP1008 private names", () => {
    expect(rejection(`class A { #secret = 1; get() { return this.#secret; } }`, "TSMP1008").message).toMatch(/private names \(#name\)/);
  });
  it("TSMP1009 reverse enum mapping", () => {
    expect(rejection(`enum E { A }\nconst n: number = 0;\nconsole.log(E[n]);`, "TSMP1009").message).toBe(
      "Indexing the enum E with a value that may name none of its members (or writing to it) is not supported: " +
        "index it with a value of type E (a member, or a variable declared as E) or with a name typed keyof typeof E.",
    );
  });
  it("TSMP1053 an enum merged with a namespace, used as a value of its own", () => {
    const source = `enum Level { Low = 1 }\nnamespace Level { export const top = 9; }\nconsole.log(Level);`;
    const diagnostic = rejection(source, "TSMP1053");
    expect(diagnostic).toMatchObject({ line: 3, column: 13 });
    expect(diagnostic.message).toBe(
      "Using the enum Level as a value of its own (printed, listed, passed on) is not supported: a namespace adds members to it, which tsmp keeps on its class, not in JavaScript's enum object. Read its members (Level.X), or move the namespace's members elsewhere.",
    );
    expect(diagnosticsOf(`enum Level { Low = 1 }\nnamespace Level { export const top = 9; }\nconsole.log(Level.Low, Level.top);`)).toEqual(
      [],
    );
  });
  it("TSMP1054 a getter or setter named by a string that is not an identifier", () => {
    const source = `class Keys {\n  get "with-dash"() { return 1; }\n  static set "a b"(v: number) {}\n  "fine-method"() { return 2; }\n}`;
    rejection(source, "TSMP1054");
    const found = diagnosticsOf(source).filter((each) => each.code === "TSMP1054");
    expect(found.map(({ line, column }) => `${line}:${column}`).sort()).toEqual(["2:7", "3:14"]);
    expect(found.find((each) => each.line === 2)!.message).toBe(
      'A getter, setter or decorated member named "with-dash" is not supported: tsmp names their Python functions after the member, which must be an identifier for that. Give the member an identifier name (fields and methods may have any name).',
    );
    expect(diagnosticsOf(`class Fine { "plain" = 1; naïve = 2; $cash = 3; "class" = 4 }`)).toEqual([]);
  });
  it("TSMP1010 computed enum members say what to write instead", () => {
    expect(rejection(`const s = "abc";\nenum E { A = s.length }`, "TSMP1010").message).toBe(
      "Enum member 'A' is computed when the program runs (`s.length`): tsmp builds an enum from constants (its object and reverse mappings are made when building). Give 'A' a constant value, or compute it outside the enum (`const A = s.length;`) and group the values in a const object (`const E = { A, … } as const;`).",
    );
    expect(rejection(`let n = 0;\nfunction next() { return ++n; }\nenum Slot { First = next(), Second = 4 }`, "TSMP1010").message).toMatch(
      /^Enum member 'First' is computed when the program runs \(`next\(\)`\)/,
    );
  });
  it("TSMP1011 super in a static block, and static blocks in a decorated class", () => {
    expect(rejection(`class B { static x = 1; }\nclass A extends B { static { console.log(super.x); } }`, "TSMP1011").message).toBe(
      "`super` in a static block is not supported by tsmp yet: name the base class instead (`Base.x`).",
    );
    const decorated = `function keep<T>(value: T, _context: ClassDecoratorContext): T { return value; }\n@keep class A { static { console.log("init"); } }`;
    expect(rejection(decorated, "TSMP1011").message).toBe(
      "Static blocks and static fields initialised from their class are not supported by tsmp in a decorated class yet: set the values after the class.",
    );
  });
  it("TSMP1011 numeric accessor names and computed names with no known string", () => {
    expect(rejection(`class A { get 1() { return 4; } }`, "TSMP1011").message).toMatch(
      /^Numeric names on getters, setters and decorated members \(`1`\) are not supported/,
    );
    expect(rejection(`function key(): string { return "k"; }\nclass A { [key()] = 4; }`, "TSMP1011").message).toBe(
      "Computed member names other than a string constant (and on accessors) in classes are not supported by tsmp yet.",
    );
  });
  it("TSMP1011 static and instance names a Python class cannot keep apart", () => {
    // A static accessor and an instance accessor both keep their functions as _get_<name>.
    expect(rejection(`class C { get v() { return 1; } static get v() { return 2; } }`, "TSMP1011").message).toBe(
      "Static members named like an instance method or accessor in classes are not supported by tsmp yet.",
    );
    // Sub.m() resolves to A's static, which Python would find as B's method.
    expect(rejection(`class A { static m() { return 1; } }\nclass B extends A { m() { return 2; } }`, "TSMP1011").message).toBe(
      "Instance methods and accessors named like a base class's static member in classes are not supported by tsmp yet.",
    );
    expect(rejection(`class D { static "a-b" = 1; "a-b"() { return 2; } }`, "TSMP1011").message).toMatch(/^Static members named like/);
  });
  it("TSMP1045 a class whose static is stored apart from an instance method, used as a value", () => {
    expect(rejection(`class D { static k = 1; k() { return 2; } }\nconst holder: { k: number } = D;`, "TSMP1045").message).toBe(
      "'D' has a static member named like an instance method, and is used here as a value: tsmp stores such a static under a name of its own (a Python class has one namespace for both), which it uses where it reads 'Class.x', not through another type. Read its members where the class is named.",
    );
  });
  it("TSMP1011 a static accessor replacing a base class's static field (the reverse compiles)", () => {
    expect(rejection(`class A { static v = 1; }\nclass B extends A { static get v() { return 2; } }`, "TSMP1011").message).toBe(
      "A static getter or setter replacing a base class's static field or method is not supported by tsmp yet: MicroPython classes cannot have class-level properties, so a read the checker resolves to the base's field (`this.x` in its static methods) would not call it. Make the base's member an accessor too, or give the derived class's member another name.",
    );
    expect(
      diagnosticsOf(`class A { static _v = 1; static set v(x: number) { this._v = x; } }\nclass B extends A { static v = 2; }`),
    ).toEqual([]);
  });
  it("TSMP1045 a class with a static [Symbol.hasInstance] used as a value", () => {
    const source = (use: string) =>
      `class Base {}\nclass Even extends Base { static [Symbol.hasInstance](v: unknown): boolean { return v === 2; } }\n${use}`;
    expect(rejection(source(`const K: typeof Base = Even;\nconsole.log({} instanceof K);`), "TSMP1045").message).toBe(
      "'Even' has a static [Symbol.hasInstance], and is used here as a value: tsmp calls it in 'x instanceof C' where the checker sees it on C's type, so a holder of another type would test with Python's isinstance instead. Name the class in the instanceof.",
    );
    expect(diagnosticsOf(source(`console.log({} instanceof Even, new Even() instanceof Base);`))).toEqual([]);
  });
  it("TSMP1044 reading an accessor that has only a setter", () => {
    expect(rejection(`class A { set v(x: string) {} }\nconsole.log(new A().v);`, "TSMP1044").message).toBe(
      "'v' has a setter but no getter: reading it gives undefined in JavaScript, whatever its type says. Add a getter, or keep the value in a field.",
    );
  });
  it("TSMP1045 a class with static accessors used as a value of another type", () => {
    expect(
      rejection(`class A { static get v() { return 1; } }\nconst holder: { readonly v: number } = A;\nconsole.log(holder.v);`, "TSMP1045")
        .message,
    ).toBe(
      "'A' has static getters or setters, and is used here as a value: tsmp calls a static accessor by name where it reads 'Class.x' (MicroPython classes cannot have class-level properties), not through another type. Read its members where the class is named.",
    );
  });
  it("TSMP1012 an assignment target with no Python form (TypeScript rejects it too)", () => {
    expect(rejection(`const f = () => 1;\nf() = 2;`, "TSMP1012").message).toBe(
      "Assigning to 'f()' is not supported by tsmp: assign to a variable, a property (o.p) or an element (o[k]).",
    );
  });
  it("TSMP1012 is not added to a target already reported", () => {
    const codes = diagnosticsOf(`class A { x = 1; }\nclass B extends A { m() { super.x = 5; } }`).map((diagnostic) => diagnostic.code);
    expect(codes).toContain("TSMP1014");
    expect(codes).not.toContain("TSMP1012");
  });
  it("TSMP1014 super property access without a call", () => {
    expect(rejection(`class A { m() { return 1; } }\nclass B extends A { f() { return super.m; } }`, "TSMP1014").message).toMatch(
      /'super' can only be called/,
    );
  });
  it("TSMP1019 a closure in a loop that assigns the iteration's variable", () => {
    const diagnostic = rejection(`const fs: (() => void)[] = [];\nfor (let i = 0; i < 3; i++) fs.push(() => { i += 10; });`, "TSMP1019");
    expect(diagnostic.message).toMatch(/^This function assigns 'i', a variable of the enclosing loop/);
  });
  it("TSMP1018 destructuring in catch", () => {
    expect(rejection(`try { throw new Error("x"); } catch ({ message }) { console.log(message); }`, "TSMP1018").message).toMatch(
      /catch clause/,
    );
  });
  it("TSMP1101 a library global with no mapping", () => {
    expect(rejection(`const w = new WeakRef({});\nconsole.log(typeof w);`, "TSMP1101").message).toBe(
      "WeakRef is not supported by tsmp yet.",
    );
  });
});

describe("imports tsmp rejects", () => {
  it("TSMP1201 tsmp/testing is Node-only", () => {
    const diagnostic = rejection(`import * as testing from "tsmp/testing";\nconsole.log(typeof testing);`, "TSMP1201");
    expect(diagnostic.message).toBe("'tsmp/testing' runs on Node only (for tests); it cannot be imported by board code.");
    expect(diagnostic).toMatchObject({ line: 1, column: 26 });
  });
  it("TSMP1202 an unknown tsmp module", () => {
    expect(rejection(`import * as x from "tsmp/nothing";\nconsole.log(x);`, "TSMP1202").message).toMatch(
      /^'tsmp\/nothing' is not a tsmp module/,
    );
  });
  it("TSMP1203 a package import", () => {
    expect(rejection(`import { readFileSync } from "node:fs";\nconsole.log(readFileSync("x"));`, "TSMP1203").message).toMatch(
      /^Cannot import 'node:fs': board code may import tsmp\/\* modules, local files \('\.\/x'\) and board modules declared as 'board:<module>' only/,
    );
  });
  it("TSMP1204 a default import from a Python module (tsmp's own modules have defaults)", () => {
    expect(rejection(`import asyncio from "tsmp/asyncio";\nasyncio.run(asyncio.sleep(0));`, "TSMP1204").message).toBe(
      "A default import from a Python module is not supported: use 'import { a } from ...' or 'import * as m from ...'.",
    );
  });
  it("TSMP1205 keyword arguments that are not an object literal", () => {
    const source = `import * as asyncio from "tsmp/asyncio";
async function one() { return 1; }
async function main() { const options = { return_exceptions: true as const }; await asyncio.gather(one(), options); }
asyncio.run(main());`;
    expect(rejection(source, "TSMP1205").message).toBe("Keyword arguments (KwArgs) must be written as an object literal at the call.");
  });
  it("TSMP1207 a CommonJS export =", () => {
    expect(rejection(`const answer = 42;\nexport = answer;`, "TSMP1207").message).toBe(
      "'export =' (a CommonJS export) is not supported: export declarations by name, or use 'export default'.",
    );
  });
  it("TSMP1208 a module named like a MicroPython built-in", () => {
    const diagnostic = rejection(
      { "main.ts": `import { pi } from "./math";\nconsole.log(pi);`, "math.ts": `export const pi = 3;` },
      "TSMP1208",
    );
    expect(diagnostic.message).toBe(
      "This file becomes the Python module 'math', which is also a MicroPython built-in module; rename the file.",
    );
    expect(diagnostic.file).toMatch(/math\.ts$/);
  });
});

describe("TypeScript's own errors", () => {
  it("are reported with their TS code and position", () => {
    const [diagnostic] = diagnosticsOf(`const n: number = "text";`);
    expect(diagnostic).toMatchObject({ code: "TS2322", line: 1, column: 7, message: "Type 'string' is not assignable to type 'number'." });
  });
});

describe("decorators tsmp does not apply yet are never dropped silently", () => {
  it("TSMP1001 names the decorator's kind: static field, static getter and setter, accessor, on a class expression", () => {
    const source = `function keep(value: any, _context: ClassMemberDecoratorContext | ClassDecoratorContext) { return value; }
class Probe {
  @keep static count: number;
  @keep static get size() { return 1; }
  @keep static set size(_v: number) {}
  @keep accessor total = 2;
}
const Made = @keep class {};
console.log(Probe.count, Made);`;
    const found = diagnosticsOf(source).filter((d) => d.code === "TSMP1001");
    const tail = "are not supported by tsmp yet: class, method, getter, setter and field decorators are.";
    expect(found.map((d) => [d.line, d.message])).toEqual([
      [3, `Static field decorators (\`@keep\`) ${tail}`],
      [4, `Static getter decorators (\`@keep\`) ${tail}`],
      [5, `Static setter decorators (\`@keep\`) ${tail}`],
      [6, `Auto-accessor (\`accessor\`) decorators (\`@keep\`) ${tail}`],
      [8, `Class expression decorators (\`@keep\`) ${tail}`],
    ]);
  });
  it("TSMP1001 for a method or field decorator whose result's type does not say whether it declares this", () => {
    const source = `function loose(method: any, _context: ClassMethodDecoratorContext): any { return method; }
class Probe { @loose read() { return 1; } }
console.log(new Probe().read());`;
    expect(rejection(source, "TSMP1001").message).toBe(
      "This decorator (`@loose`) returns a value whose type does not say whether it is a function declaring `this`: give the decorator a return type.",
    );
  });
  it("TSMP1011 for static fields with initializers beside decorators (JavaScript runs them after decorating)", () => {
    const source = `function seal(value: any, _context: ClassDecoratorContext) {}\n@seal class Probe { static made = 0; }\nconsole.log(Probe.made);`;
    expect(rejection(source, "TSMP1011").message).toBe(
      "Static fields with initializers beside decorators in classes are not supported by tsmp yet.",
    );
  });
});
