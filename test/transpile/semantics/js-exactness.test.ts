import { describeCases } from "../../harness/cases.js";

/** Everyday library calls whose JavaScript results MicroPython's natives would miss. */
describeCases("JavaScript exactness: numbers", {
  "Number.isNaN does not convert, isNaN does": `const s: any = "foo"; console.log(Number.isNaN(s), isNaN(s), isNaN(Number("12")), Number.isNaN(0 / 0));`,
  "Number.isFinite does not convert, isFinite does": `const s: any = "1"; console.log(Number.isFinite(s), isFinite(s), isFinite(Number("x")), Number.isFinite(1 / 3));`,
  "toString(2) of fractions": `const x = 1.5; const y = 0.1; console.log(x.toString(2), y.toString(2), (255.75).toString(16), (-3.25).toString(8), (1 / 3).toString(3));`,
  "toString with a radix of integers": `const n = 255; console.log(n.toString(16), n.toString(2), (-10).toString(36));`,
  "toFixed outside 0..100 is a RangeError": `const n = 1.25; try { console.log(n.toFixed(101)); } catch (e) { console.log(e instanceof RangeError); } console.log(n.toFixed(1), n.toFixed(0));`,
  "Math domain errors give NaN and Infinity": `const m = -1; const z = 0; const big = 1000; console.log(Math.sqrt(m), Math.log(z), Math.log(m), Math.log10(z), Math.log2(z), Math.exp(big), Math.asin(2), Math.acos(-2), Math.sin(1 / 0));`,
  "Math on ordinary values": `const v = 0.5; console.log(Math.sqrt(16), Math.log(1), Math.sin(0), Math.cos(0), Math.asin(v) > 0, Math.exp(0));`,
  "fractional powers of negative numbers are NaN": `const b = -8; const e = 1 / 3; console.log(b ** e, Math.pow(b, e), Math.pow(2, 10), 2 ** 0.5, 1 ** (1 / 0));`,
  "zero to a negative power is Infinity": `const z = 0; const n = -1; console.log(z ** n, Math.pow(z, -2), 4 ** -1);`,
  "power assignment": `let x = -8; x **= 1 / 3; let y = 3; y **= 2; console.log(x, y);`,
});

describeCases("JavaScript exactness: strings and arrays", {
  "trim removes Unicode white space": `const s = "\\u00a0\\ufeff x \\u2003\\u3000"; console.log(JSON.stringify(s.trim()), JSON.stringify(s.trimStart()), JSON.stringify(s.trimEnd()));`,
  "trimLeft and trimRight": `const s = "  x  "; console.log("[" + s.trimLeft() + "]", "[" + s.trimRight() + "]");`,
  "JSON.stringify escapes \\f and \\b briefly": `console.log(JSON.stringify("a\\fb\\bc\\n\\u0001"), JSON.stringify({ "k\\f": "\\\\f" }));`,
  "splice with an undefined deleteCount removes nothing": `const a = [1, 2, 3, 4]; const n: number | undefined = undefined; const removed = a.splice(1, n); console.log(a, removed); const b = [1, 2, 3]; console.log(b.splice(1), b);`,
  "splice inserting": `const a = [1, 2, 3]; console.log(a.splice(1, 1, 7, 8), a);`,
  "includes compares arrays by identity": `const inner = [1]; const outer = [inner]; console.log(outer.includes(inner), outer.includes([1]));`,
  "includes with fromIndex": `const a = [1, 2, 3, 1]; console.log(a.includes(1, 1), a.includes(2, 2), a.includes(3, -2), a.includes(1, -1));`,
  "includes finds NaN": `const a = [1, 0 / 0]; console.log(a.includes(0 / 0), a.indexOf(0 / 0));`,
});

describeCases("JavaScript exactness: names", {
  "keyword-named properties keep their names in Object.keys and JSON": `const o = { abc: 3, def: "xyz", from: 1, class: true }; console.log(Object.keys(o), JSON.stringify(o)); console.log(o.def, o.from);`,
  "a property named like a renamed keyword": `const o = { from_: 1, from: 2 }; console.log(JSON.stringify(o), o.from_, o.from);`,
  "keyword-named properties through spread and rest": `const o = { def: 1, x: 2 }; const c = { ...o, if: 3 }; const { x, ...rest } = c; console.log(JSON.stringify(c), JSON.stringify(rest), x, c.def);`,
  "console.log shows the JavaScript name": `const o = { import: 1, $dollar: 2 }; console.log(o);`,
  "$ in identifiers and properties": `const $ = 5; const a$b = 2; function f$(x$: number) { return x$ * 2; } const o = { $k: 1, k$: 2 }; console.log($ + a$b, f$(3), o.$k, o.k$, Object.keys(o), JSON.stringify(o));`,
});

describeCases("JavaScript exactness: evaluation order", {
  "compound assignment evaluates its target once": `let calls = 0; const key = () => { calls++; return "n"; }; const o: Record<string, number> = { n: 1 }; o[key()] += 1; o[key()] /= 2; o[key()] **= 2; o[key()] |= 4; console.log(o.n, calls);`,
  "compound assignment on an array element picked by a call": `let calls = 0; const a = [1, 2, 3]; const at = (i: number) => { calls++; return i; }; a[at(1)] += 10; a[at(2)] %= 2; console.log(a, calls);`,
  "compound assignment of a property of a computed object": `let calls = 0; const boxes = [{ v: 1 }, { v: 2 }]; const pick = (i: number) => { calls++; return boxes[i]!; }; pick(1).v += 5; const x = (pick(0).v *= 3); console.log(boxes[0]!.v, boxes[1]!.v, x, calls);`,
  "compound assignment as a value": `let calls = 0; const a = [1, 2]; const at = (i: number) => { calls++; return i; }; const r = (a[at(0)] += 5); console.log(r, a, calls);`,
  "updates of computed elements as values": `let calls = 0; const a = [1, 2]; const at = (i: number) => { calls++; return i; }; const before = a[at(0)]++; const after = ++a[at(1)]; console.log(before, after, a, calls);`,
  "string concatenation assignment on a computed target": `let calls = 0; const a = ["x"]; const at = () => { calls++; return 0; }; a[at()] += "y"; console.log(a, calls);`,
});

describeCases("JavaScript exactness: undefined properties in JSON", {
  "undefined properties are left out, null ones written": `let missing; const o: { a: number; b?: number; c: number | undefined; d: number | null } = { a: 1, b: undefined, c: undefined, d: null }; console.log(JSON.stringify(o)); console.log(JSON.stringify({ x: 1, y: missing }));`,
  "destructured variables left undefined": `function f({ x }: { x: boolean }, [y, z]: [number, number?]) { return { x, y, z }; } console.log(JSON.stringify(f({ x: true }, [1])));`,
  "undefined properties nested in objects and arrays": `const items: { name: string; note?: string }[] = [{ name: "a", note: undefined }, { name: "b", note: "n" }]; const wrapper = { items, inner: { v: undefined as number | undefined } }; console.log(JSON.stringify(wrapper), JSON.stringify(items, null, 2));`,
  "undefined array elements are null": `const a: (number | undefined)[] = [1, undefined]; console.log(JSON.stringify(a), JSON.stringify({ a }));`,
});

describeCases("functions with a this parameter", {
  "call, apply and bind pass this": `interface Box { v: number } function scaled(this: Box, k: number) { return this.v * k; } const b: Box = { v: 3 }; const bound = scaled.bind(b); console.log(scaled.call(b, 2), scaled.apply({ v: 4 }, [5]), bound(10));`,
  "destructuring this": `function pick(this: { x: boolean; y: number }) { const { x, y } = this; return JSON.stringify({ x, y }); } console.log(pick.call({ x: true, y: 2 }));`,
  "a function property called as a method gets its object": `const counter = { n: 1, bump: function (this: { n: number }, by: number) { this.n += by; return this.n; } }; console.log(counter.bump(2), counter.n);`,
  "call and apply of a function without this": `function add(a: number, b: number) { return a + b; } const twice = (x: number) => x * 2; console.log(add.call(undefined, 1, 2), add.apply(null, [3, 4]), twice.call(null, 5), add.bind(null, 1)(9));`,
});

describeCases("destructuring assignments", {
  "a destructuring assignment's value is its right side": `let x: number | undefined, y: number | undefined; const source = { x: 1, y: 2 }; const r = ({ x, y } = source); const arr = [5, 6]; const s = ([x, y] = arr); console.log(r === source, s === arr, x, y);`,
  "defaults in a destructuring assignment used as a value": `let x: boolean | undefined; const v = [false]; const r = ([x = true] = v); console.log(x, r);`,
  "nested array pattern reading past the end": `let z: boolean | undefined; const r = ({ y: [z = true] } = { y: [] as boolean[] }); console.log(z, JSON.stringify(r));`,
  "omitted elements in an assignment pattern": `let a = 0, b = 0; [, a, , b] = [1, 2, 3, 4]; console.log(a, b);`,
});

describeCases("throwing any value", {
  "a thrown string is caught as itself": `try { throw "bad"; } catch (e) { console.log(typeof e, e === "bad", e); }`,
  "a thrown object keeps its identity": `const payload = { code: 7 }; try { throw payload; } catch (e) { console.log(e === payload, (e as { code: number }).code); }`,
  "a thrown number through a function and a rethrow": `function fail(n: number): never { throw n; } try { try { fail(3); } catch (inner) { throw inner; } } catch (outer) { console.log(outer); }`,
  "Errors still work": `try { throw new RangeError("r"); } catch (e) { console.log(e instanceof RangeError, (e as Error).message); }`,
  "finally runs for a thrown value": `function f() { try { throw 1; } finally { console.log("finally"); } } try { f(); } catch (e) { console.log("caught", e); }`,
});

describeCases("enums as JavaScript objects", {
  "Object.keys, values and entries of a numeric enum": `enum Color { Red, Green = 5, Blue } console.log(Object.keys(Color), Object.values(Color), JSON.stringify(Object.entries(Color)));`,
  "Object.keys of a string enum": `enum Mode { Fast = "fast", Slow = "slow" } console.log(Object.keys(Mode), Object.values(Mode));`,
  "reverse mapping of a numeric enum": `enum Level { Low = 1, High = 10 } const l: Level = Level.High; console.log(Level[l], Level[Level.Low]);`,
  "an enum member read by its name": `enum Mode { Fast = "fast", Slow = "slow" } console.log(Mode["Slow"]);`,
});

describeCases("small operators", {
  "void evaluates its operand and gives undefined": `let n = 0; const bump = () => { n++; return n; }; const r = void bump(); console.log(r, n, void 0);`,
  "a negative literal index is undefined": `const s = "01234"; const a = [1, 2, 3]; console.log(s[-1], a[-1], s[1]);`,
});
