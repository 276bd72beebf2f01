// 10,000 frames of 12 bytes: id (u16 BE), temperature (i16 LE), pressure (u32 LE), crc (u32 BE).
const frameSize = 12;
const count = 10000;
const bytes = new Uint8Array(frameSize * count);
for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7 + 3) & 0xff;
const view = new DataView(bytes.buffer);
let ids = 0;
let temperatures = 0;
let pressures = 0;
let checks = 0;
for (let frame = 0; frame < count; frame++) {
  const at = frame * frameSize;
  ids += view.getUint16(at);
  temperatures += view.getInt16(at + 2, true);
  pressures = (pressures + view.getUint32(at + 4, true)) % 1000000007;
  checks = (checks + view.getUint32(at + 8)) % 1000000007;
}
console.log(ids, temperatures, pressures, checks);
