import { describeCases } from "../../harness/cases.js";

/**
 * A group that took part in no match is undefined in exec()'s and match()'s result, though
 * TypeScript types every element a string: text, concatenation, typeof and === must see
 * undefined, not Python's None (element-bounds.ts, undefined-text.ts).
 */
describeCases("regular expressions: groups that took part in no match", {
  "printed, concatenated, templated and converted": `const m = /(a)|(b)/.exec("b")!;
console.log(m[1]); console.log(m[1] + "!", \`\${m[1]}\`, String(m[1]), [m[1]], JSON.stringify({ g: m[1] }), JSON.stringify([m[1]]));`,
  "tested with typeof, === and ??": `const m = "b".match(/(a)|(b)/)!;
console.log(typeof m[1], m[1] === undefined, m[2] === undefined, m[1] ?? "none", m.length);`,
  "destructured and iterated": `const m = /(x)?(y)/.exec("y")!;
const [, first, second] = m; console.log(first, second, typeof first);
for (const g of m) console.log(g, typeof g);
console.log(m.map((g) => g ?? "-").join(","), m.slice(1), m.join("|"));`,
  "exec in a loop with a global expression": `const re = /b(c)?/g; let found: RegExpExecArray | null;
while ((found = re.exec("abcabab")) !== null) console.log(found.index, found[1], re.lastIndex);`,
});
