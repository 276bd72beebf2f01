import { describe, expect, it } from "vitest";
import { mapTraceback, type MappedFile } from "../../src/sourcemap/traceback-map.js";

// Python lines 1, 2 and 4 of main.py come from main.ts lines 1, 5 and 7 (line 3 has no mapping).
const main: MappedFile = {
  path: "main.py",
  sourcePath: "/home/ada/blink/src/main.ts",
  sourceMap: JSON.stringify({ version: 3, sources: ["main.ts"], names: [], mappings: "AAAA;AAIA;;AAEA" }),
};
// Without sourcePath the map's own source is used, relative to the Python file.
const util: MappedFile = {
  path: "lib/util.py",
  sourceMap: JSON.stringify({ version: 3, sources: ["../src/lib/util.ts"], names: [], mappings: "AAAA;AAEA" }),
};

const traceback = (...frames: string[]) => ["Traceback (most recent call last):", ...frames, "ValueError: bad", ""].join("\n");

describe("mapTraceback", () => {
  it("rewrites frames in emitted modules to TypeScript lines, relative to the current folder", () => {
    const mapped = mapTraceback(
      traceback('  File "main.py", line 4, in <module>', '  File "/lib/util.py", line 2, in check'),
      [main, util],
      { relativeTo: "/home/ada/blink" },
    );
    expect(mapped).toBe(traceback('  File "src/main.ts", line 7, in <module>', '  File "src/lib/util.ts", line 3, in check'));
  });

  it("uses the nearest mapped line above a line without a mapping", () => {
    expect(mapTraceback(traceback('  File "main.py", line 3, in f'), [main], { relativeTo: "/home/ada/blink" })).toBe(
      traceback('  File "src/main.ts", line 5, in f'),
    );
  });

  it("keeps absolute paths outside the folder and leaves other frames as the board printed them", () => {
    const frames = [
      '  File "main.py", line 1, in <module>',
      '  File "_tsmp.py", line 9, in js_add',
      '  File "asyncio/core.py", line 1, in run',
    ];
    expect(mapTraceback(traceback(...frames), [main, { path: "_tsmp.py" }], { relativeTo: "/elsewhere" })).toBe(
      traceback('  File "/home/ada/blink/src/main.ts", line 1, in <module>', ...frames.slice(1)),
    );
  });

  it("leaves a frame alone when its source map is damaged", () => {
    const broken = { ...main, sourceMap: "{ not json" };
    const frame = '  File "main.py", line 2, in <module>';
    expect(mapTraceback(traceback(frame), [broken])).toBe(traceback(frame));
  });
});
