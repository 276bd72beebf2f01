data = bytearray(4096)
for i in range(len(data)):
    data[i] = (i * 13 + 5) & 0xFF
digits = "0123456789abcdef"
lines = 0
total = 0
for offset in range(0, len(data), 16):
    line = "%08x " % offset
    for i in range(offset, offset + 16):
        b = data[i]
        line += " " + digits[b >> 4] + digits[b & 15]
    lines += 1
    total += len(line)
    if offset == 0 or offset == 4080:
        print(line)
print(lines, total)
