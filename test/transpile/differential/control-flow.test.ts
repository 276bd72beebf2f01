import { describe, expect, it } from "vitest";
import { expectToMatchJsResult, transpileSnippet } from "../../harness/differential.js";

describe("control flow", () => {
  it("if / else if / else", () =>
    expectToMatchJsResult(
      `for (const n of [1, 5, 10]) { if (n < 3) console.log("small"); else if (n < 7) console.log("mid"); else console.log("big"); }`,
    ));
  it("while", () => expectToMatchJsResult(`let i = 0; while (i < 4) { console.log(i); i++; }`));
  it("while with break", () => expectToMatchJsResult(`let i = 0; while (true) { if (i === 3) break; i += 1; } console.log(i);`));
  it("do-while runs once", () => expectToMatchJsResult(`let i = 10; do { console.log(i); i++; } while (i < 3);`));
  it("do-while continue checks the condition", () =>
    expectToMatchJsResult(`let i = 0; let n = 0; do { i++; if (i % 2 === 0) continue; n += i; } while (i < 7); console.log(i, n);`));
  it("C-style for", () => expectToMatchJsResult(`for (let i = 0; i < 3; i++) console.log(i);`));
  it("C-style for with continue runs the incrementor", () =>
    expectToMatchJsResult(`let s = 0; for (let i = 0; i < 10; i++) { if (i % 3 === 0) continue; s += i; } console.log(s);`));
  it("C-style for counting down", () => expectToMatchJsResult(`for (let i = 5; i > 0; i--) console.log(i);`));
  it("C-style for with <= and step", () => expectToMatchJsResult(`for (let i = 0; i <= 10; i += 5) console.log(i);`));
  it("C-style for whose body changes the counter", () =>
    expectToMatchJsResult(`for (let i = 0; i < 10; i++) { if (i === 2) i = 7; console.log(i); }`));
  it("C-style for over a growing array stays a while loop", () =>
    expectToMatchJsResult(
      `const xs = [1]; for (let i = 0; i < xs.length; i++) { if (xs.length < 4) xs.push(i); } console.log(xs.length);`,
    ));
  it("C-style for stepping by an enclosing loop's counter (a sieve) is a range", () => {
    const sieve = `const n = 50; const composite: boolean[] = new Array(n + 1).fill(false); let primes = 0;
      for (let i = 2; i <= n; i++) { if (composite[i]) continue; primes++; for (let j = i * i; j <= n; j += i) composite[j] = true; }
      console.log(primes);`;
    expect(transpileSnippet(sieve).files.find((file) => file.path === "main.py")!.text).toContain("for j in range(i * i, n + 1, i):");
    return expectToMatchJsResult(sieve);
  });
  it("C-style for stepping by a positive const", () =>
    expectToMatchJsResult(`const k = 3; for (let j = 1; j < 11; j += k) console.log(j);`));
  it("C-style for stepping by a counter the outer body changes stays a while loop", () =>
    expectToMatchJsResult(
      `const out: number[] = []; for (let i = 1; i < 4; i++) { for (let j = 0; j < 8; j += i) out.push(j); if (i === 2) i++; } console.log(out.join(","));`,
    ));
  it("C-style for stepping by a counter that may be zero stays a while loop", () =>
    expectToMatchJsResult(
      `const out: number[] = []; for (let i = 0; i < 3; i++) { if (i > 0) for (let j = 0; j < 6; j += i) out.push(j); } console.log(out.join(","));`,
    ));
  it("C-style for over array length", () =>
    expectToMatchJsResult(`const xs = [3, 4, 5]; let s = 0; for (let i = 0; i < xs.length; i++) s += xs[i] * i; console.log(s);`));
  it("C-style for with two variables", () => expectToMatchJsResult(`for (let i = 0, j = 10; i < j; i += 3, j -= 3) console.log(i, j);`));
  it("C-style for without parts", () => expectToMatchJsResult(`let i = 0; for (;;) { if (++i > 3) break; } console.log(i);`));
  it("for with a condition that increments", () =>
    expectToMatchJsResult(`let n = 0; let i = 0; while (i++ < 5) n += i; console.log(n, i);`));
  it("nested loops with break and continue", () =>
    expectToMatchJsResult(
      `for (let i = 0; i < 3; i++) { for (let j = 0; j < 3; j++) { if (j === 1) continue; if (i === 2) break; console.log(i, j); } }`,
    ));
  it("for-of over an array", () => expectToMatchJsResult(`let s = 0; for (const x of [1, 2, 3]) s += x; console.log(s);`));
  it("for-of over a string", () => expectToMatchJsResult(`for (const ch of "abc") console.log(ch);`));
  it("for-of with break", () => expectToMatchJsResult(`for (const x of [1, 2, 3, 4]) { if (x > 2) break; console.log(x); }`));
  it("ternary", () => expectToMatchJsResult(`const n = 4; console.log(n % 2 === 0 ? "even" : "odd");`));
  it("nested ternary", () =>
    expectToMatchJsResult(`const f = (n: number) => n < 0 ? "neg" : n === 0 ? "zero" : "pos"; console.log(f(-1), f(0), f(1));`));
  it("early return from a loop", () =>
    expectToMatchJsResult(
      `function find(xs: number[], v: number) { for (const x of xs) { if (x === v) return true; } return false; } console.log(find([1, 2], 2), find([1], 3));`,
    ));
});
