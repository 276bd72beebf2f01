import { beforeAll, describe, expect, it } from "vitest";
import { MicroPythonVm } from "../../src/vm/micropython-vm.js";
import { needsBase64, pythonBytes, pythonString, pythonText, pythonWritable } from "../../src/flash/python-literal.js";

// Every literal is checked by evaluating it in the real MicroPython VM: what the board rebuilds
// must be exactly the bytes we meant, whatever characters the input holds.
let vm: MicroPythonVm;
let printed = "";
beforeAll(async () => {
  vm = await MicroPythonVm.load({ stdout: (text) => (printed += text) });
});

function evaluateToHex(expression: string): string {
  printed = "";
  vm.exec(`print(''.join('%02x' % c for c in (${expression})))`);
  return printed.trim();
}

/** What a file holds after the board's `f.write(expression)`, as hex. */
function writtenHex(expression: string): string {
  printed = "";
  const prefix = needsBase64(expression) ? "from binascii import a2b_base64\n" : "";
  vm.exec(
    `${prefix}f = open('/tmp/written', 'wb')\nf.write(${expression})\nf.close()\nprint(''.join('%02x' % c for c in open('/tmp/written', 'rb').read()))`,
  );
  return printed.trim();
}

const awkward = [
  "plain ascii",
  'it\'s "quoted" \'\'\' """ and \\ backslashed \\',
  "ends with a quote'",
  'ends with a double quote"',
  "line\nbreaks\r\nand\ttabs\rcarriage",
  "control \x00\x01\x02\x03\x04\x05\x1b\x7f bytes",
  "unicode é ✓ 𝄞 and \u2028 separators",
  "'); import os; os.remove('main.py'); print('",
];

describe("python literals", () => {
  it.each(awkward)("bytes literal round-trips %j", (text) => {
    const data = Buffer.from(text, "utf8");
    expect(evaluateToHex(pythonBytes(data))).toBe(data.toString("hex"));
    expect(pythonBytes(data)).toMatch(/^b'[\x20-\x7e]*'$/);
  });

  it.each(awkward)("writable expression writes exactly %j", (text) => {
    const data = Buffer.from(text, "utf8");
    expect(writtenHex(pythonWritable(data))).toBe(data.toString("hex"));
  });

  it.each(awkward)("text literal round-trips %j", (text) => {
    printed = "";
    vm.exec(`print(''.join('%02x' % c for c in (${pythonText(text)}).encode()))`);
    expect(printed.trim()).toBe(Buffer.from(text, "utf8").toString("hex"));
  });

  it("round-trips binary data that is not UTF-8", () => {
    const data = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) & 0xff));
    expect(writtenHex(pythonWritable(data))).toBe(data.toString("hex"));
    expect(needsBase64(pythonWritable(data))).toBe(true);
  });

  it("keeps Python source text nearly verbatim", () => {
    const source = Buffer.from('def greet(name):\n    print("hello, " + name)\n\nfor i in range(3):\n    greet(str(i))\n'.repeat(50));
    const expression = pythonWritable(source);
    expect(Buffer.byteLength(expression)).toBeLessThan(source.length * 1.02 + 20);
    expect(writtenHex(expression)).toBe(source.toString("hex"));
  });

  it("turns names into str values without ever splicing the text into code", () => {
    const name = "we'ird\"\\ name é.py\n');import os#";
    expect(evaluateToHex(`${pythonString(name)}.encode()`)).toBe(Buffer.from(name, "utf8").toString("hex"));
    expect(pythonString(name)).toMatch(/^b'[\x20-\x7e]*'\.decode\(\)$/);
  });
});
