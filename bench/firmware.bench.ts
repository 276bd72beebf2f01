import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { VirtualEsp32 } from "../src/sim/virtual-esp32/index.js";
import { makeEspImage } from "../test/harness/esp-image.js";
import { machineLine, writeResultsSection } from "./results-file.js";

// `tsmp firmware flash` (the built CLI, in its own process) against the virtual ESP32 with baud
// pacing, so the pty carries bytes no faster than a 460800-baud UART (10 bits per byte).
const BAUD = 460800;
const LINE_RATE = BAUD / 10;
const IMAGE_SIZE = 1024 * 1024;
const bin = fileURLToPath(new URL("../bin/tsmp.js", import.meta.url));

interface Run {
  label: string;
  image: Uint8Array;
  compress: boolean;
}

interface Result extends Run {
  transferSeconds: number;
  totalSeconds: number;
}

async function flashOnce(run: Run, dir: string): Promise<Result> {
  const chip = await VirtualEsp32.start({ baudPacing: true });
  const file = join(dir, "firmware.bin");
  writeFileSync(file, run.image);
  const args = [bin, "firmware", "flash", file, "--port", chip.portPath, "--baud", String(BAUD), "--no-verify-repl"];
  if (!run.compress) args.push("--no-compress");
  const started = performance.now();
  const stderr = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    let text = "";
    child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`tsmp firmware flash exited ${code}:\n${text}`))));
  });
  const totalSeconds = (performance.now() - started) / 1000;
  const written = Buffer.from(chip.flash.subarray(0x1000, 0x1000 + run.image.length));
  await chip.stop();
  if (!written.equals(Buffer.from(run.image))) throw new Error(`${run.label}: flash does not match the image`);
  const match = /Wrote .* in ([\d.]+) s/.exec(stderr);
  if (!match) throw new Error(`no "Wrote … in N s" line in:\n${stderr}`);
  return { ...run, transferSeconds: Number(match[1]), totalSeconds };
}

const dir = mkdtempSync(join(tmpdir(), "tsmp-firmware-bench-"));
try {
  const compressible = makeEspImage(IMAGE_SIZE, { compressible: true });
  const random = makeEspImage(IMAGE_SIZE);
  const runs: Run[] = [
    { label: "compressible image, compressed (default)", image: compressible, compress: true },
    { label: "compressible image, --no-compress", image: compressible, compress: false },
    { label: "random image, compressed", image: random, compress: true },
  ];
  const results: Result[] = [];
  for (const run of runs) {
    process.stderr.write(`${run.label}…\n`);
    results.push(await flashOnce(run, dir));
  }
  const ratio = deflateSync(compressible, { level: 9 }).length / compressible.length;
  const rows = results.map((r) => {
    const rate = r.image.length / r.transferSeconds;
    return `| ${r.label} | ${r.transferSeconds.toFixed(2)} s | ${(rate / 1024).toFixed(1)} KiB/s | ${((100 * rate) / LINE_RATE).toFixed(0)} % | ${r.totalSeconds.toFixed(2)} s |`;
  });
  const markdown = [
    "## firmware: `tsmp firmware flash` against the virtual ESP32 at 460800 baud",
    "",
    `Command: \`npx tsx bench/firmware.bench.ts\` (after \`npm run build\`). ${machineLine()}.`,
    `Image: ${IMAGE_SIZE / 1024} KiB generated ESP image at 0x1000; the compressible one deflates to ${(ratio * 100).toFixed(0)} % ` +
      "(code-like repeats; real MicroPython ESP32 builds deflate to about 65 %), the random one not at all.",
    `The virtual chip paces bytes at the line rate both ways (${BAUD} baud = ${(LINE_RATE / 1024).toFixed(1)} KiB/s, 10 bits per byte).`,
    'Effective rate = image bytes / transfer time (write plus MD5 check, from tsmp\'s "Wrote … in N s"); total = whole command',
    "including connect, stub upload at 115200 baud and baud change. Targets: ≥ 80 % of line rate uncompressed, > 100 % compressed on a compressible image.",
    "",
    "| run | transfer | effective rate | of line rate | total |",
    "|---|---|---|---|---|",
    ...rows,
  ].join("\n");
  writeResultsSection("firmware", markdown);
  process.stdout.write(`${markdown}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
