import { describeCases } from "../../harness/cases.js";

describeCases("replace with a function, normalize of literals", {
  "first match, one parameter": `console.log("led led".replace("led", (m) => m.toUpperCase()));`,
  "every match with offsets": `const seen: number[] = []; console.log("a-b-c".replaceAll("-", (m, at: number) => { seen.push(at); return "+" + at; }), seen);`,
  "a rest parameter gets match, offset and string": `function all(...args: unknown[]) { return JSON.stringify(args); } console.log("xy".replace("y", all));`,
  "results converted as String() does": `let n = 0; console.log("aaa".replaceAll("a", () => (n++ % 2 === 0 ? n : undefined) as unknown as string), "q".replace("z", () => "never"));`,
  "empty pattern": `console.log("ab".replaceAll("", (m: string, i: number) => "[" + i + "]"), "ab".replace("", () => "^"));`,
  "normalize of literals, when building": `console.log("e\\u0301".normalize().length, "\\u00e9".normalize("NFD").length, "\\ufb01".normalize("NFKC"), "plain".normalize("NFKD"));`,
});
