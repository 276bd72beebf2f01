import { describeCases } from "../../harness/cases.js";

// A library member after an optional link (`o.a?.s.length`): the chain is undefined when `o.a`
// is nullish, else the member of `o.a.s` (issue #16: was TSMP1101, the receiver typed
// `string | undefined`).
const setup = `interface Inner { s: string; n: number[]; m: Map<string, number>; deep: { t: string } } interface O { a?: Inner; f?: () => string } const xs: O[] = [{ a: { s: "hey", n: [1, 2], m: new Map([["k", 1]]), deep: { t: "abc" } }, f: () => "fn" }, {}];`;

describeCases("library members after an optional link", {
  "string and array members": `${setup} for (const o of xs) console.log(o.a?.s.length, o.a?.s.toUpperCase(), o.a?.n.length, o.a?.n.map((x) => x * 2), o.a?.s.slice(1), o.a?.n.includes(2), o.a?.n[1]);`,
  "deeper chains, calls and Maps": `${setup} for (const o of xs) console.log(o.a?.deep.t.length, o.a?.deep.t.at(-1), o.f?.().length, o.f?.().toUpperCase(), o.a?.m.get("k"), o.a?.m.size);`,
  "as values: stored, compared, in templates and with ??": `${setup} for (const o of xs) { const len = o.a?.s.length; console.log(len === undefined ? "none" : len + 1, \`\${o.a?.s.toUpperCase()}\`, o.a?.s.length ?? -1, String(o.a?.n.join("-"))); }`,
});
