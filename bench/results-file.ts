import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const resultsPath = fileURLToPath(new URL("./RESULTS.md", import.meta.url));

/**
 * Each benchmark owns one section of bench/RESULTS.md, delimited by HTML comments, so
 * running one benchmark refreshes its figures without touching the others'.
 */
export function writeResultsSection(name: string, markdown: string): void {
  const begin = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  const current = existsSync(resultsPath)
    ? readFileSync(resultsPath, "utf8")
    : "# Benchmark results\n\nProduced by `npm run bench` (or `npx tsx bench/<name>.bench.ts` for one section).\n";
  const start = current.indexOf(begin);
  const stop = current.indexOf(end);
  const next =
    start >= 0 && stop > start ? current.slice(0, start) + block + current.slice(stop + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  writeFileSync(resultsPath, next);
}

/** Machine facts printed beside every figure: ratios are only comparable within one run. */
export function machineLine(): string {
  return `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}
