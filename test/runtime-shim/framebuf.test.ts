import { describe, expect, it } from "vitest";
import { expectSameOnShimAndVm } from "../harness/shim-vs-vm.js";

/** Prints each buffer as hex after drawing, so any byte that differs between the targets shows. */
const drawing = (formats: string) => `
import * as binascii from "tsmp/binascii";
import * as framebuf from "tsmp/framebuf";
const show = (what: string, buffer: Uint8Array) => console.log(what, binascii.hexlify(buffer));
for (const format of [${formats}]) {
  const buffer = new Uint8Array(2 * 21 * 19);
  const fb = new framebuf.FrameBuffer(buffer, 19, 21, format, 21);
  fb.fill(1);
  fb.fill(0);
  fb.pixel(0, 0, 1);
  fb.pixel(18, 20, 3);
  fb.pixel(19, 3, 1);
  fb.pixel(-1, 3, 1);
  console.log(format, fb.pixel(0, 0), fb.pixel(18, 20), fb.pixel(19, 0), fb.pixel(3, 3));
  fb.hline(-3, 2, 10, 2);
  fb.vline(17, -4, 30, 1);
  fb.line(0, 20, 18, 1, 3);
  fb.line(15, 0, 2, 19, 1);
  fb.line(5, 5, 5, 5, 2);
  fb.rect(3, 3, 9, 7, 1);
  fb.rect(12, 10, 9, 15, 2, true);
  fb.fill_rect(1, 13, 3, 3, 7);
  show("shapes", buffer);
  fb.fill(0);
  fb.ellipse(9, 10, 7, 4, 1);
  fb.ellipse(9, 10, 3, 8, 2, true);
  fb.ellipse(2, 2, 5, 5, 3, true, 0b1010);
  fb.ellipse(16, 16, 4, 2, 1, false, 0b0101);
  fb.ellipse(4, 15, 0, 0, 1);
  show("ellipses", buffer);
  fb.fill(0);
  fb.poly(2, 1, new Int16Array([0, 0, 14, 3, 8, 17, 1, 9]), 1);
  fb.poly(0, 0, new Int16Array([9, 0, 17, 8, 13, 18, 5, 18, 1, 8]), 2, true);
  fb.poly(3, 3, new Int16Array([0, 0, 8, 8, 0, 16, 12, 8, 12, 12]), 3, true);
  fb.poly(0, 0, new Int16Array([5]), 1, true);
  show("polygons", buffer);
  fb.fill(0);
  fb.text("Hi!", 0, 0);
  fb.text("é~", -3, 9, 2);
  fb.text("~", 14, 17, 3);
  show("text", buffer);
  fb.scroll(3, -2);
  show("scrolled", buffer);
  fb.scroll(-5, 4);
  show("scrolled back", buffer);
  fb.scroll(19, 0);
  fb.scroll(0, -21);
  show("scrolled out", buffer);
}
`;

describe("tsmp/framebuf, shim vs MicroPython", () => {
  it("draws the same bytes in the monochrome formats", async () => {
    await expectSameOnShimAndVm(drawing("framebuf.MONO_VLSB, framebuf.MONO_HLSB, framebuf.MONO_HMSB"));
  });

  it("draws the same bytes in the grey and colour formats", async () => {
    await expectSameOnShimAndVm(drawing("framebuf.GS2_HMSB, framebuf.GS4_HMSB, framebuf.GS8, framebuf.RGB565"));
  });

  it("blits with a key colour and a palette, and checks sizes as the board does", async () => {
    const output = await expectSameOnShimAndVm(`
import * as binascii from "tsmp/binascii";
import * as framebuf from "tsmp/framebuf";
const screen = new Uint8Array(16 * 10 * 2);
const fb = new framebuf.FrameBuffer(screen, 16, 10, framebuf.RGB565);
const spriteBytes = new Uint8Array(4 * 4);
const sprite = new framebuf.FrameBuffer(spriteBytes, 4, 4, framebuf.GS8);
sprite.fill(1);
sprite.rect(1, 1, 2, 2, 2, true);
sprite.pixel(0, 0, 0);
const paletteBytes = new Uint8Array(3 * 2);
const palette = new framebuf.FrameBuffer(paletteBytes, 3, 1, framebuf.RGB565);
palette.pixel(0, 0, 0xf800);
palette.pixel(1, 0, 0x07e0);
palette.pixel(2, 0, 0x001f);
fb.fill(0x1234);
fb.blit(sprite, 0, 0, -1, palette);
fb.blit(sprite, 6, 2, 0xf800, palette);
fb.blit(sprite, 14, 8);
fb.blit(sprite, -2, 7, 1);
fb.blit([spriteBytes, 4, 4, framebuf.GS8], 9, -1, 2, [paletteBytes, 3, 1, framebuf.RGB565]);
fb.blit(sprite, 16, 0);
fb.blit(sprite, -4, 0);
console.log(binascii.hexlify(screen));
const mono = new Uint8Array(8);
const icon = new framebuf.FrameBuffer(new Uint8Array([0x18, 0x3c, 0x7e, 0xff]), 8, 4, framebuf.MONO_HLSB);
new framebuf.FrameBuffer(mono, 8, 8, framebuf.MONO_VLSB).blit(icon, 0, 2, 0);
console.log(binascii.hexlify(mono));
const fails = (what: string, f: () => unknown) => {
  try {
    f();
    console.log(what, "no error");
  } catch (e) {
    // The error's name differs by design (ValueError reads as RangeError in transpiled code): the message is compared.
    console.log(what, JSON.stringify((e as Error).message));
  }
};
fails("too small", () => new framebuf.FrameBuffer(new Uint8Array(7), 8, 8, framebuf.MONO_HLSB));
fails("just enough vlsb", () => new framebuf.FrameBuffer(new Uint8Array(10), 10, 3, framebuf.MONO_VLSB));
fails("stride rounds up", () => new framebuf.FrameBuffer(new Uint8Array(5), 9, 3, framebuf.MONO_HLSB));
fails("last row short", () => new framebuf.FrameBuffer(new Uint8Array(4), 9, 2, framebuf.MONO_HMSB, 16));
fails("bad format", () => new framebuf.FrameBuffer(new Uint8Array(8), 8, 8, 9));
fails("zero width", () => new framebuf.FrameBuffer(new Uint8Array(8), 0, 8, framebuf.GS8));
fails("stride below width", () => new framebuf.FrameBuffer(new Uint8Array(64), 8, 8, framebuf.GS8, 4));
fails("float", () => fb.pixel(1.5, 0, 1));
fails("short tuple", () => fb.blit([spriteBytes, 4, 4] as unknown as framebuf.BlitSource, 0, 0));
`);
    expect(output).toContain('bad format "invalid format"');
  });
});
