import { describe, expect, it } from "vitest";
import { expectSameOnShimAndVm, runOnShimAndVm } from "../harness/shim-vs-vm.js";

/**
 * The facade's standard-library modules (struct, binascii, hashlib, gc, errno): each program
 * runs on the Node shim and, transpiled, on the MicroPython VM; the printed lines must match.
 * Bytes are printed as their numbers (`Array.from(b).join(",")`) and made with
 * `binascii.unhexlify` until the transpiler constructs Uint8Array.
 */
describe("standard library facade, shim vs MicroPython", () => {
  it("struct: pack, unpack, unpack_from, calcsize, with MicroPython's errors", async () => {
    const output = await expectSameOnShimAndVm(`
import * as binascii from "tsmp/binascii";
import * as struct from "tsmp/struct";
const show = (b: Uint8Array) => Array.from(b).join(",");
const tryIt = (what: string, f: () => unknown) => {
  try {
    console.log(what, f());
  } catch (e) {
    console.log(what, "raised", (e as Error).message);
  }
};
console.log(show(struct.pack("<HIb", 513, 0x01020304, -2)));
console.log(show(struct.pack(">hQ", -2, 258)));
console.log(show(struct.pack("@bi", 1, 2)), struct.calcsize("@bi"), struct.calcsize("@bhq"), struct.calcsize("<bhq"));
console.log(show(struct.pack("<3sH", binascii.unhexlify("61626364"), 7)));
console.log(show(struct.pack("<H", 70000)), show(struct.pack("<H", -1)), show(struct.pack("<2xB", 9)));
const [a, b, c] = struct.unpack("<hHf", struct.pack("<hHf", -300, 65535, 1.5));
console.log(a, b, c);
const [big] = struct.unpack("<q", struct.pack("<q", -1));
console.log(big);
const buffer = struct.pack("<IHHI", 0, 0xabcd, 7, 0xff000000);
const [x, y] = struct.unpack_from("<HH", buffer, 2);
const [last] = struct.unpack_from("<B", buffer, -1);
console.log(x, y, last);
tryIt("short buffer", () => struct.unpack("<I", binascii.unhexlify("0102")));
tryIt("bad code", () => struct.pack("<Z", 1));
tryIt("unpack_from past the end", () => struct.unpack_from("<I", buffer, 14));
console.log(struct.unpack("<H", binascii.unhexlify("010203")).length);
`);
    expect(output).toContain("1,2,4,3,2,1,254");
  });

  it("binascii: hexlify, unhexlify, base64, crc32", async () => {
    await expectSameOnShimAndVm(`
import * as binascii from "tsmp/binascii";
const show = (b: Uint8Array) => Array.from(b).join(",");
const hello = binascii.unhexlify("68656c6c6f");
console.log(show(binascii.hexlify(binascii.unhexlify("01abff"))));
console.log(show(binascii.hexlify(binascii.unhexlify("01ab"), ":")));
console.log(show(binascii.unhexlify("01abFF")));
console.log(show(binascii.b2a_base64(hello)), show(binascii.b2a_base64(hello, { newline: false })));
console.log(show(binascii.a2b_base64(binascii.b2a_base64(hello))));
console.log(binascii.crc32(hello), binascii.crc32(hello, 5), binascii.crc32(binascii.unhexlify("")));
try {
  binascii.unhexlify("0g");
} catch (e) {
  console.log("raised", (e as Error).message);
}
`);
  });

  it("hashlib: sha256 digests, update, and a final hash", async () => {
    const output = await expectSameOnShimAndVm(`
import * as binascii from "tsmp/binascii";
import * as hashlib from "tsmp/hashlib";
const hex = (b: Uint8Array) => Array.from(binascii.hexlify(b)).map((c) => (c < 58 ? c - 48 : c - 87)).map((d) => "0123456789abcdef"[d]).join("");
const abc = binascii.unhexlify("616263");
console.log(hex(new hashlib.sha256(abc).digest()));
const h = new hashlib.sha256();
h.update(binascii.unhexlify("61"));
h.update(binascii.unhexlify("6263"));
console.log(hex(h.digest()));
console.log(hex(new hashlib.sha256().digest()));
try {
  h.update(abc);
} catch (e) {
  console.log("raised", (e as Error).message);
}
`);
    expect(output).toContain("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("hashlib: sha1 and md5 on Node; the host VM, built without them, raises MicroPython's AttributeError", async () => {
    const source = `
import * as binascii from "tsmp/binascii";
import * as hashlib from "tsmp/hashlib";
const text = (b: Uint8Array) => String.fromCharCode(...Array.from(binascii.hexlify(b)));
const abc = binascii.unhexlify("616263");
try {
  console.log(text(new hashlib.sha1(abc).digest()));
  const h = new hashlib.md5();
  h.update(abc);
  console.log(text(h.digest()));
} catch (e) {
  console.log("raised", (e as Error).message);
}
`;
    const { node, micropython } = await runOnShimAndVm(source);
    expect(node).toBe("a9993e364706816aba3e25717850c26c9cd0d89d\n900150983cd24fb0d6963f7d28e17f72\n");
    expect(micropython).toBe("raised module 'hashlib' has no attribute 'sha1'\n");
  });

  it("gc and errno", async () => {
    await expectSameOnShimAndVm(`
import * as errno from "tsmp/errno";
import * as gc from "tsmp/gc";
gc.collect();
gc.disable();
console.log(gc.isenabled());
gc.enable();
console.log(gc.isenabled(), gc.mem_free() > 0, gc.mem_alloc() > 0);
gc.threshold(4096);
console.log(gc.threshold());
console.log(errno.ENOENT, errno.EEXIST, errno.ETIMEDOUT, errno.ECONNREFUSED);
`);
  });

  it("a module's ValueError keeps its name; a thrown RangeError is one", async () => {
    const output = await expectSameOnShimAndVm(`
import * as binascii from "tsmp/binascii";
for (const bad of [() => binascii.unhexlify("zz"), () => (1.5).toFixed(101)]) {
  try {
    bad();
  } catch (e) {
    console.log(String(e), (e as Error).name, e instanceof RangeError);
  }
}
`);
    expect(output).toBe(
      "ValueError: non-hex digit ValueError true\nRangeError: toFixed() digits argument must be between 0 and 100 RangeError true\n",
    );
  });
});
