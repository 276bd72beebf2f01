import { describe, it } from "vitest";
import { expectToMatchJsResult } from "../../harness/differential.js";

describe("number operators", () => {
  it("arithmetic", () => expectToMatchJsResult(`const a = 7, b = 2; console.log(a + b, a - b, a * b, a ** b);`));
  it("division with an integral result prints like JS", () =>
    expectToMatchJsResult(`const a = 8, b = 2; console.log(a / b, 7 / 2, 1 / 3);`));
  it("division by zero", () => expectToMatchJsResult(`const z = 0; console.log(\`\${1 / z} \${-1 / z} \${z / z}\`);`));
  it("remainder takes the dividend's sign", () =>
    expectToMatchJsResult(`const a = -7; console.log(a % 3, 7 % -3, 7 % 3, 6 % 3, 5.5 % 2);`));
  it("compound assignment", () => expectToMatchJsResult(`let x = 10; x += 5; x -= 3; x *= 2; x /= 4; x %= 4; console.log(x);`));
  it("unary minus and precedence", () => expectToMatchJsResult(`const x = 3; console.log(-x * 2, -(x + 1), (-2) ** 2, 2 ** -1);`));
  it("comparison", () =>
    expectToMatchJsResult(`const a: number = 1, b: number = 2; console.log(a < b, a <= b, a > b, a >= b, a === 1, a !== b);`));
  it("bitwise", () => expectToMatchJsResult(`const a = 12, b = 10; console.log(a & b, a | b, a ^ b, a >> 1, a << 2, ~a);`));
  it("float literals", () => expectToMatchJsResult(`console.log(0.5 + 0.25, 1.5e3, 2.0, 0.1 + 0.2);`));
  it("parenthesised precedence", () =>
    expectToMatchJsResult(`const a = 2, b = 3, c = 4; console.log((a + b) * c, a + b * c, a - (b - c), (a - b) - c);`));
  it("hex literal", () => expectToMatchJsResult(`console.log(0xff, 0b101, 0o17);`));
});

describe("boolean and logical operators", () => {
  it("! on numbers and strings", () => expectToMatchJsResult(`const n = 0, s = "x"; console.log(!n, !s, !!s);`));
  it("&& and || return operands", () =>
    expectToMatchJsResult(`const a: number = 0, b: string = "hi", e: string = ""; console.log(a || b, a && b, b && 5, e || "fallback");`));
  it("?? keeps falsy values", () => expectToMatchJsResult(`function f(v?: number) { return v ?? 42; } console.log(f(), f(0), f(7));`));
  it("empty array is truthy", () =>
    expectToMatchJsResult(`const xs: number[] = []; if (xs) console.log("truthy"); else console.log("falsy");`));
  it("nullable object condition", () =>
    expectToMatchJsResult(`class A {} function f(a: A | undefined) { return a ? "yes" : "no"; } console.log(f(new A()), f(undefined));`));
  it("|| on nullable array", () =>
    expectToMatchJsResult(`function f(xs?: number[]) { const ys = xs || [9]; return ys.length; } console.log(f([]), f());`));
  it("logical assignment", () =>
    expectToMatchJsResult(`let a = 0; a ||= 5; let b = 3; b &&= 9; let c: number | undefined; c ??= 1; console.log(a, b, c);`));
  it("booleans print as true/false", () => expectToMatchJsResult(`const t = true; console.log(t, !t, 1 < 2);`));
  it("condition combining && || !", () =>
    expectToMatchJsResult(`const xs: number[] = []; const n: number = 3; if (xs && n > 2 && !(n === 4)) console.log("ok");`));
});

describe("equality", () => {
  it("=== on primitives", () =>
    expectToMatchJsResult(`const a: string = "x", b: string = "x", c: string = "y"; console.log(a === b, a === c, a !== c);`));
  it("null and undefined checks", () =>
    expectToMatchJsResult(
      `function f(v: number | undefined) { return \`\${v === undefined} \${v == null} \${v !== undefined}\`; } function g(v: string | null) { return v === null ? "null" : v; } console.log(f(undefined), f(0), g(null), g("s"));`,
    ));
  it("arrays compare by identity", () => expectToMatchJsResult(`const a = [1], b = [1]; console.log(a === b, a === a);`));
});

describe("conditions on numbers", () => {
  it("NaN is falsy, integers test natively", () =>
    expectToMatchJsResult(
      `const n = NaN; const half = 1 / 2; let count = 0; if (!n) count++; if (half) count++; if (count) console.log("count", count); console.log(n ? "T" : "F");`,
    ));
  it("short-circuit with an increment of a variable", () =>
    expectToMatchJsResult(`let i = 0; function f(a: boolean) { return a && i++ > 0; } console.log(f(false), f(true), f(true), i);`));
});
