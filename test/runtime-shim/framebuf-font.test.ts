import { describe, expect, it } from "vitest";
import { format, resolveConfig } from "prettier";
import { fileURLToPath } from "node:url";
import { MicroPythonVm } from "../../src/vm/micropython-vm.js";

const fontFile = fileURLToPath(new URL("../../src/runtime-shim/framebuf-font.ts", import.meta.url));

/** Each character 32–127 drawn by the VM's own framebuf into an 8×8 MONO_VLSB buffer: its 8 column bytes. */
async function glyphsFromVm(): Promise<string[]> {
  let printed = "";
  const vm = await MicroPythonVm.load({ stdout: (text) => (printed += text) });
  vm.exec(
    [
      "import framebuf, binascii",
      "for code in range(32, 128):",
      "    pixels = bytearray(8)",
      "    framebuf.FrameBuffer(pixels, 8, 8, framebuf.MONO_VLSB).text(chr(code), 0, 0, 1)",
      "    print(binascii.hexlify(pixels).decode())",
    ].join("\n"),
  );
  return printed.trim().split("\n");
}

/** The source of framebuf-font.ts for these glyphs, formatted as the project formats it. */
async function fontModule(glyphs: string[]): Promise<string> {
  const lines = glyphs.map((hex, index) => `    "${hex}", // ${JSON.stringify(String.fromCharCode(32 + index))}`);
  const source = [
    "/**",
    " * MicroPython's built-in 8×8 font as framebuf's text() draws it: 8 bytes for each character from",
    " * 32 (space) to 127, each byte one column of 8 pixels with the least significant bit at the top.",
    " *",
    " * Generated from the MicroPython VM, not written by hand: test/runtime-shim/framebuf-font.test.ts",
    " * draws every character with the VM's own framebuf and checks this file against the result;",
    " * `npx vitest run test/runtime-shim/framebuf-font.test.ts -u` writes it again.",
    " */",
    "export const framebufFont = Uint8Array.from(",
    "  Buffer.from(",
    "    [",
    ...lines,
    '    ].join(""),',
    '    "hex",',
    "  ),",
    ");",
    "",
  ].join("\n");
  return format(source, { ...(await resolveConfig(fontFile)), parser: "typescript" });
}

describe("framebuf's 8×8 font", () => {
  it("is the table the MicroPython VM draws, character for character", async () => {
    const glyphs = await glyphsFromVm();
    expect(glyphs).toHaveLength(96);
    await expect(await fontModule(glyphs)).toMatchFileSnapshot(fontFile);
  });
});
