import { describeCases } from "../../harness/cases.js";

// Node evaluates every argument of console.log before it formats any (console.ts).
describeCases("console.log evaluates its arguments before formatting them", {
  "an array sorted by a later argument prints sorted twice": `const a = [3, 1, 2]; console.log(a, a.sort());`,
  "an object changed by a later call": `const o = { n: 1 }; function bump(): number { o.n += 1; return o.n; } console.log(o, bump(), o);`,
  "a let reassigned by a later argument prints its old value": `let a = [1]; console.log(a, (a = [2]), a);`,
  "a pushed array printed before and after": `const a: number[] = [1]; console.log(a, a.push(2), a.length);`,
  "a format string with a mutating argument": `const a = [2, 1]; const f: string = "%s and %s"; console.log(f, a, a.reverse());`,
  "plain arguments still print in order": `const a = [1, 2]; const n = 3; console.log("a:", a, n, a.length, "end");`,
  "a boolean and a number before a call": `let n = 1; function inc(): number { n += 1; return n; } console.log(n, n > 1, inc(), n);`,
  "a format text known at run time, with a name a later call changes": `let k = 0; const g = () => ++k; console.log(String(g()), k, String(g()), k); const f: string = "%d|"; console.log(f, k, g(), k);`,
  "inside a condition": `const a = [3, 2, 1]; const show = true; if (show) console.log(a, a.sort()); show && console.log(a.reverse(), a);`,
});
