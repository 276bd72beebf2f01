// A hex dump of 4 KiB, 16 bytes a line, with an offset column.
const bytes = new Uint8Array(4096);
for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 13 + 5) & 0xff;
const digits = "0123456789abcdef";
let lines = 0;
let total = 0;
for (let offset = 0; offset < bytes.length; offset += 16) {
  let line = offset.toString(16).padStart(8, "0") + " ";
  for (let i = offset; i < offset + 16; i++) {
    const b = bytes[i]!;
    line += " " + digits[b >> 4] + digits[b & 15];
  }
  lines++;
  total += line.length;
  if (offset === 0 || offset === 4080) console.log(line);
}
console.log(lines, total);
