import { describeCases } from "../../harness/cases.js";

// A position argument of NaN or ±Infinity: JavaScript's ToIntegerOrInfinity makes NaN 0 and
// ±Infinity a bound past either end; Python's int() raised on all three (issue #16).
const froms = `const froms = [NaN, Infinity, -Infinity, 1.5, -2.5, -10, 10, 0];`;

describeCases("NaN and ±Infinity as positions", {
  "indexOf, includes and lastIndexOf of arrays": `${froms} const a = [1, 2, 3, 2, 1]; for (const f of froms) console.log(String(f), a.indexOf(2, f), a.includes(1, f), a.lastIndexOf(2, f), a.lastIndexOf(1, f));`,
  "indexOf, includes, lastIndexOf, startsWith and endsWith of strings": `${froms} const s = "abcab"; for (const f of froms) console.log(String(f), s.indexOf("b", f), s.includes("a", f), s.lastIndexOf("a", f), s.lastIndexOf("b", f), s.indexOf("", f), s.startsWith("b", f), s.endsWith("a", f));`,
  "indexOf, includes and lastIndexOf of typed arrays": `${froms} const t = new Uint8Array([1, 2, 3, 2, 1]); for (const f of froms) console.log(String(f), t.indexOf(2, f), t.includes(1, f), t.lastIndexOf(2, f), t.lastIndexOf(1, f), t.subarray(f).length, t.slice(0, f).length);`,
  "at, slice, substring, substr, fill and splice": `${froms} const s = "abcab"; for (const f of froms) { const b = [1, 2, 3, 4]; console.log(String(f), [1, 2, 3].at(f), s.slice(f), s.substring(f), s.substring(1, f), s.substr(f), s.substr(1, f), [1, 2, 3].fill(9, f), [1, 2, 3].fill(9, 0, f), b.splice(f, 1), b, [1, 2, 3].splice(1, f), new Uint8Array(3).fill(7, f).join()); }`,
});
