import { describe, expect, it } from "vitest";
import { BoardHelpers, minifyPython } from "../../src/flash/board-helpers.js";

describe("board helpers", () => {
  const helpers = BoardHelpers.load("src/flash/board/fs_helpers.py");

  it("sends only the definitions a call needs, with what they call, once", () => {
    const first = helpers.missingFor("_tsmp_sha256s(b'main.py'.decode())", new Set());
    expect(first.names).toEqual(["_tsmp_isdir", "_tsmp_hex", "_tsmp_sha256", "_tsmp_sha256s"]);
    expect(first.code).toMatch(/^def _tsmp_isdir\(/);
    const again = helpers.missingFor("_tsmp_ls(b''.decode())", new Set(first.names));
    expect(again.names).toEqual(["_tsmp_lstat", "_tsmp_ls"]);
    expect(helpers.missingFor("_tsmp_rm(p, True)", new Set()).names).toEqual(["_tsmp_lstat", "_tsmp_rm"]);
    expect(helpers.missingFor("os.rename(a, b)", new Set()).names).toEqual([]);
  });

  it("keeps imports and the deflate probe in the preamble", () => {
    expect(helpers.preamble).toMatch(/^import os\ntry:\n import deflate, io\n/);
    expect(helpers.preamble).toContain("def _tsmp_inflate(b, w=10):");
  });

  it("minifies by dropping comments and indenting one space per level", () => {
    expect(minifyPython("# note\ndef f(x):\n    # why\n    if x:\n        return 1\n\n    return 2\n")).toBe(
      "def f(x):\n if x:\n  return 1\n return 2",
    );
  });
});
