import { describeCases } from "../../harness/cases.js";

// An index key in an object pattern (`const { 5: c } = "abcd"`) reads a string's or an array's
// element: undefined past the end, printed and concatenated as "undefined" (Python: None).
describeCases("index keys in object patterns", {
  "of a string, in range and past the end": `const { 5: missing } = "abcd"; const { 1: b } = "abcd"; const { 0: first, length } = "xyz"; console.log(missing, b, first, length, typeof missing, "x" + missing, \`\${missing}\`);`,
  "with a default, a string key, a computed key": `const s: string = "hello"; const { 4: last, 9: none = "dflt" } = s; const { "0": z0, "9": z9 } = "qrs"; const k = 8; const { [k]: ck } = "abc"; console.log(last, none, z0, z9, ck);`,
  "of a parameter, a loop variable": `function f({ 2: c }: string) { return c; } const g = ({ 3: c }: string) => c; console.log(f("abc"), f("ab"), g("a")); for (const { 3: c } of ["ab", "abcd"]) console.log(c);`,
  "of arrays and tuples": `const words = ["a", "b"]; const { 1: w1, 4: w4 } = words; const tup: [string, string] = ["t", "u"]; const { 1: t1 } = tup; const nums = [10, 20]; const { 7: n7 } = nums; console.log(w1, w4, "x" + w4, t1, n7);`,
  "in a destructuring assignment": `let m = "ok"; ({ 5: m } = "abcd"); let p = "", q = ""; [p, q] = "a b".split(" ").slice(1); console.log(m, "x" + m, p, "" + q, \`\${q}\`);`,
});
