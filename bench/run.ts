import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

// Runs every bench/*.bench.ts one after another (never in parallel: they would share two
// cores and skew each other's ratios). Pass names to run a subset: `npm run bench -- transpile`.
const benchDir = fileURLToPath(new URL(".", import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(benchDir)
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
  .sort();

let failed = 0;
for (const file of benches) {
  process.stderr.write(`\n== ${file}\n`);
  const result = spawnSync(process.execPath, ["--import", "tsx", `${benchDir}${file}`], { stdio: "inherit" });
  if (result.status !== 0) failed += 1;
}
process.exitCode = failed === 0 ? 0 : 1;
