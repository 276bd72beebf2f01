import { expect, it } from "vitest";
import { describeCases } from "../../harness/cases.js";
import { rejectionOf, runOnBoth } from "../../harness/differential.js";

// console.log of values whose printed form Node builds from more than the value alone.
describeCases("console.log of circular structures", {
  "an object holding itself": `const o: { n: number; self?: unknown } = { n: 1 }; o.self = o; console.log(o);`,
  "an array holding itself": `const a: unknown[] = [1]; a.push(a); console.log(a);`,
  "two references numbered in the order found": `type T = { name: string; next?: T; parent?: T; kids: T[] }; const root: T = { name: "root", kids: [] }; const kid: T = { name: "kid", parent: root, kids: [] }; root.kids.push(kid, kid); kid.next = kid; console.log(root); console.log([root]);`,
  "a map and a set holding themselves": `const m = new Map<string, unknown>(); m.set("me", m); const s = new Set<unknown>(); s.add(s); console.log(m, s);`,
  "the reference counts toward the line width": `const o: { a: string; b: string; self?: unknown } = { a: "x".repeat(10), b: "y".repeat(16) }; o.self = o; console.log(o); const p: { a: string; b: string; self?: unknown } = { a: "x".repeat(10), b: "y".repeat(17) }; p.self = p; console.log(p);`,
  "a long array holding itself": `const a: unknown[] = [1, 2, 3, 4, 5, 6, 7]; a.push(a); console.log(a);`,
  "the same object twice is not circular": `const shared = { k: 1 }; console.log([shared, shared], { a: shared, b: [shared] });`,
});

describeCases("an error's name and text", {
  "a subclass that sets no name has its base class's": `class MyErr extends Error {} class Wide extends RangeError {} const e = new MyErr("x"); console.log(e.name, String(e), \`\${new Wide("w")}\`, new Wide("w").name);`,
  "a subclass that sets its name": `class Named extends Error { constructor(m: string) { super(m); this.name = "Custom"; } } console.log(String(new Named("y")), new Named("y").name);`,
});

// Node prints an error's stack; a board has none, so tsmp prints the stack's first line.
it("console.log of an error prints Node's first line, without the stack", async () => {
  const { node, micropython } = await runOnBoth(
    `class MyErr extends Error {} class Named extends Error { constructor(m: string) { super(m); this.name = "Custom"; } } const list: unknown[] = [new Error("boom"), new MyErr("x"), new Named("y"), new TypeError("t"), new RangeError("r")]; for (const e of list) console.log(e); try { const n: any = null; n.x; } catch (e) { console.log(e); }`,
  );
  const withoutStack = node
    .split("\n")
    .filter((line) => !line.startsWith("    at "))
    .join("\n");
  expect(withoutStack).toContain("MyErr [Error]: x");
  expect(micropython).toBe(withoutStack);
});

// A function's text is its source code in JavaScript, which a board does not have.
it("rejects a function or class converted to a string", () => {
  const message =
    'error TSMP1115: A function or class converted to a string (String(f), `${f}`, "" + f) gives its source text in JavaScript, which a board does not have: print its name (f.name) instead.';
  expect(rejectionOf(`const f = () => 1; console.log(String(f));`)).toContain(message);
  expect(rejectionOf(`class A {} console.log(\`\${A}\`);`)).toContain(message);
  expect(rejectionOf(`function g() { return 1; } const s = "x" + g; console.log(s);`)).toContain(message);
  expect(rejectionOf(`function show(f: (() => number) | string) { console.log(String(f)); } show("s");`)).toContain(message);
  expect(rejectionOf(`const o = { f: () => 1 }; console.log(String(o), \`\${[1, 2]}\`);`)).toBe("(accepted)");
});

it("raises TypeError for the text of a function the types did not show", async () => {
  const { micropython } = await runOnBoth(
    `const u: unknown = () => 1; try { console.log(String(u)); } catch (e) { console.log(e instanceof TypeError); }`,
  );
  expect(micropython).toBe("true\n");
});

// A first argument known only when the program runs goes through js_log_format.
describeCases("format directives of a text known when the program runs", {
  "%o shows every array's length, to depth 4": `function show(f: string, v: unknown) { console.log(f, v); } show("%o", [1, [2, [3, [4, [5, [6]]]]]]); show("%o", []); show("%o", { a: [1], b: { c: [] } }); show("%o", [1, 2, 3, 4, 5, 6, 7]);`,
  "%o and %O quote a string": `function show(f: string, v: unknown, w: unknown) { console.log(f, v, w); } show("%o %O", "it's", "x"); show("%O", [1, [2, [3, [4]]]], 0);`,
  "%s inspects an object to depth 0": `function show(f: string, v: unknown) { console.log(f, v); } show("%s", { a: { b: 1 } }); show("%s", [1, [2]]); show("%s", new Map([[1, [2]]])); show("%s", -0); show("%s", [-0]);`,
});

it("raises TypeError for %o of a function and %s of one", async () => {
  const { micropython } = await runOnBoth(
    `function show(f: string, v: unknown) { try { console.log(f, v); } catch (e) { console.log(e instanceof TypeError); } } show("%o", { f: () => 1 }); show("%s", () => 1); show("%o", class {});`,
  );
  expect(micropython).toBe("true\ntrue\ntrue\n");
});

describeCases("console.log of library objects through unknown", {
  "promises in each state": `const vals: unknown[] = [Promise.resolve(1), Promise.resolve({ a: [1] }), new Promise(() => {})]; const rejected = Promise.reject(5); rejected.catch(() => {}); vals.push(rejected); for (const v of vals) console.log(v); console.log([Promise.resolve("s")], { p: Promise.resolve([1, 2]) }, Promise.resolve(2));`,
  "a generator object": `function* gen() { yield 1; } const g: unknown = gen(); console.log(g, [g]);`,
  "class instances with one field or none": `class One { x = 1; } class Zero {} const u: unknown[] = [new One(), new Zero()]; for (const v of u) console.log(v);`,
});

it("raises TypeError for a class instance whose fields' order MicroPython does not keep", async () => {
  const { micropython } = await runOnBoth(
    `class P { x = 1; y = 2; } const w: unknown = new P(); try { console.log(w); } catch (e) { console.log(e instanceof TypeError); } const d: unknown = new DataView(new ArrayBuffer(2)); try { console.log(d); } catch (e) { console.log(e instanceof TypeError); }`,
  );
  expect(micropython).toBe("true\ntrue\n");
});
