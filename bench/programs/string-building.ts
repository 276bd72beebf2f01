// Builds a text report line by line, as firmware does for logs or a serial protocol.
const lines: string[] = [];
for (let i = 0; i < 3000; i++) {
  const level = i % 3 === 0 ? "WARN" : "INFO";
  const code = String((i * 7) % 1000).padStart(3, "0");
  lines.push(`${level} #${i} code=${code} ${"x".repeat(i % 5)}`);
}
const report = lines.join("\n");
let checksum = 0;
for (let i = 0; i < report.length; i += 97) checksum = (checksum + report.charCodeAt(i)) % 65521;
console.log(lines.length, report.length, checksum);
