data = bytearray(65536)
for i in range(len(data)):
    data[i] = (i * 31 + 7) & 0xFF


def crc16(buf):
    crc = 0xFFFF
    for byte in buf:
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xFFFF if crc & 0x8000 else (crc << 1) & 0xFFFF
    return crc


print(crc16(data))
