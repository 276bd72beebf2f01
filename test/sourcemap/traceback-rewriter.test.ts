import { describe, expect, it } from "vitest";
import { createTracebackRewriter } from "../../src/sourcemap/traceback-rewriter.js";

// Line 1 of main.py maps to line 7 of src/main.ts ("AAMA": source 0, line +6).
const files = [
  {
    path: "main.py",
    sourceMap: JSON.stringify({ version: 3, sources: ["main.ts"], mappings: "AAMA" }),
    sourcePath: "/project/src/main.ts",
  },
];

function feed(chunks: string[]): string[] {
  const written: string[] = [];
  const rewriter = createTracebackRewriter(files, (text) => written.push(text), "/project");
  for (const chunk of chunks) rewriter.push(chunk);
  rewriter.end();
  return written;
}

describe("traceback rewriter", () => {
  it("maps a traceback split across chunks and keeps the board's \\r\\n", () => {
    const out = feed([
      "hello\r\nTrace",
      'back (most recent call last):\r\n  File "main.py", line 1, in <module>\r\n',
      "ValueError: bad\r\n>>> ",
    ]);
    expect(out.join("")).toBe(
      'hello\r\nTraceback (most recent call last):\r\n  File "src/main.ts", line 7, in <module>\r\nValueError: bad\r\n>>> ',
    );
  });

  it("passes a prompt through at once, without waiting for a newline", () => {
    expect(feed([">>> "])[0]).toBe(">>> ");
    expect(feed(["T"])).toEqual(["T"]); // held back as a possible header, then flushed at the end
  });

  it("leaves frames it has no map for as the board printed them", () => {
    const text = 'Traceback (most recent call last):\n  File "other.py", line 3, in f\nOSError: 5\n';
    expect(feed([text]).join("")).toBe(text);
  });
});
