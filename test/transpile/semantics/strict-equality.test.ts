import { describeCases } from "../../harness/cases.js";

// `===` and `switch` cases: Python's `==` takes True for 1 and compares lists by their items
// (types.ts needsStrictEquality, runtime js_eq).
describeCases("strict equality of booleans, numbers and arrays", {
  "a number-or-boolean array filtered with ===": `const flags: (number | boolean)[] = [1, 0, true, false]; console.log(flags.filter((f) => f === 1).length, flags.filter((f) => f === true).length, flags.filter((f) => f !== 0).length, flags.findIndex((f) => f === false));`,
  "unknown values": `const u: unknown = true; const v: unknown = 1; const w: unknown = 0; console.log(u === v, u !== v, w === false, 1 === (true as unknown), (1 as unknown) === 1, (1 as unknown) == 1, u == v);`,
  "switch over unknown with number and boolean cases": `function kind(v: unknown): string { switch (v) { case 1: return "one"; case true: return "true"; case 0: return "zero"; case false: return "false"; case "": return "empty"; case null: return "null"; default: return "other"; } } console.log([0, false, 1, true, "", null, undefined, NaN].map(kind).join(" "));`,
  "switch with fall-through over a boolean-or-number": `function f(v: number | boolean): string { let s = ""; switch (v) { case true: s += "T"; case 1: s += "1"; break; case false: s += "F"; default: s += "d"; } return s; } console.log(f(true), f(1), f(false), f(0), f(2));`,
  "a generic find compares like ===": `function indexOfValue<T>(xs: T[], v: T): number { for (let i = 0; i < xs.length; i++) if (xs[i] === v) return i; return -1; } const a = [1]; console.log(indexOfValue<unknown>([0, false, 1, true], true), indexOfValue<unknown>([[1], a], a), indexOfValue(["x", "y"], "y"));`,
  "arrays held as unknown compare by identity": `const a: unknown = [1, 2]; const b: unknown = [1, 2]; const c = a; console.log(a === b, a === c, a !== b);`,
});
