import struct

frame_size = 12
count = 10000
data = bytearray(frame_size * count)
for i in range(len(data)):
    data[i] = (i * 7 + 3) & 0xFF
ids = 0
temperatures = 0
pressures = 0
checks = 0
for frame in range(count):
    at = frame * frame_size
    ids += struct.unpack_from(">H", data, at)[0]
    temperatures += struct.unpack_from("<h", data, at + 2)[0]
    pressures = (pressures + struct.unpack_from("<I", data, at + 4)[0]) % 1000000007
    checks = (checks + struct.unpack_from(">I", data, at + 8)[0]) % 1000000007
print(ids, temperatures, pressures, checks)
