import { describe, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";

describe("strings", () => {
  it("concatenation", () => expectToMatchJsResult(`const a = "foo", b = "bar"; console.log(a + b, a + " " + b);`));
  it("string + number", () => expectToMatchJsResult(`const n = 3; console.log("n=" + n, n + "!", "x" + 1 + 2, 1 + 2 + "x");`));
  it("string + boolean", () => expectToMatchJsResult(`const t = true; console.log("t=" + t);`));
  it("string += number", () => expectToMatchJsResult(`let s = "a"; s += 1; s += "b"; console.log(s);`));
  it("template literal", () => expectToMatchJsResult(`const n = 3, s = "x"; console.log(\`n=\${n}, s=\${s}, sum=\${n + 1}\`);`));
  it("template literal with boolean", () => expectToMatchJsResult(`const flag = false; console.log(\`flag: \${flag}\`);`));
  it("template literal with braces and quotes", () => expectToMatchJsResult(`const v = 1; console.log(\`{"v": \${v}}\`);`));
  it("template literal with nested string expression", () =>
    expectToMatchJsResult(`const ok = true; console.log(\`state: \${ok ? "on" : "off"}\`);`));
  it("template literal with undefined", () => expectToMatchJsResult(`let u: string | undefined; console.log(\`u=\${u}\`);`));
  it("template literal with percent signs", () => expectToMatchJsResult(`const p = 50; console.log(\`\${p}% of 100%, %s %d\`);`));
  it("template literal with quotes, colons and braces in expressions", () =>
    expectToMatchJsResult(
      `const i = 3; const d: Record<string, number> = { "a:b": 1 }; console.log(\`\${"x".repeat(i)} \${d["a:b"]} \${i > 2 ? "it's" : '"q"'} \${"{}"}\`);`,
    ));
  it("template literal holding one expression", () =>
    expectToMatchJsResult(
      `const n = 4, f = 1.5, s = "s", b = true; const u: string | undefined = undefined; console.log(\`\${n}\`, \`\${f}\`, \`\${s}\`, \`\${b}\`, \`\${u}\`, \`\${n}\`.length);`,
    ));
  it("method called on a template literal", () =>
    expectToMatchJsResult(`const n = 2; console.log(\`a\${n}b\`.toUpperCase(), \`\${n}\${n}\`.length);`));
  it("template literal with updates in order", () => expectToMatchJsResult(`let i = 0; console.log(\`\${i++}-\${i++}-\${(i = 7)}\`, i);`));
  it("multi-line template", () => expectToMatchJsResult("const a = 1;\nconsole.log(`line1\nline2 ${a}`);"));
  it("length and index", () => expectToMatchJsResult(`const s = "hello"; console.log(s.length, s[1]);`));
  it("escapes", () => expectToMatchJsResult(`console.log("tab\\tquote\\"back\\\\slash", 'single \\'q\\'');`));
  it("comparison of strings", () => expectToMatchJsResult(`console.log("a" < "b", "abc" === "abc", "B" < "a");`));
  it("unicode", () => expectToMatchJsResult(`const s = "héllo wörld"; console.log(s, s.length);`));
});
