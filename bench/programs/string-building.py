# Builds a text report line by line, as firmware does for logs or a serial protocol.
lines = []
for i in range(3000):
    level = "WARN" if i % 3 == 0 else "INFO"
    code = "%03d" % (i * 7 % 1000)
    lines.append("%s #%d code=%s %s" % (level, i, code, "x" * (i % 5)))
report = "\n".join(lines)
checksum = 0
for i in range(0, len(report), 97):
    checksum = (checksum + ord(report[i])) % 65521
print(len(lines), len(report), checksum)
