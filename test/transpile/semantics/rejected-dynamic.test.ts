import { expect, it } from "vitest";
import { transpileSnippet } from "../../harness/differential.js";

function rejection(source: string): string {
  try {
    transpileSnippet(source);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return "(accepted)";
}

it("rejects a library method on an any value that tsmp cannot perform, naming the value", () => {
  const message = rejection(`const p = JSON.parse('{"s":"x"}'); console.log(p.s.normalize());`);
  expect(message).toContain("TSMP1120");
  expect(message).toContain("normalize() on 'p.s', a value typed any");
  expect(message).toContain("Declare the value's type");
});
