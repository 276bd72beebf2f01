// CRC-16/CCITT-FALSE over 64 KiB.
const data = new Uint8Array(65536);
for (let i = 0; i < data.length; i++) data[i] = i * 31 + 7;

function crc16(buf: Uint8Array): number {
  let crc = 0xffff;
  for (const byte of buf) {
    crc = crc ^ (byte << 8);
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc;
}

console.log(crc16(data));
