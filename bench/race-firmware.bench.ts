import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";
import { VirtualEsp32 } from "../src/sim/virtual-esp32/index.js";
import { makeEspImage } from "../test/harness/esp-image.js";
import { findPeer, loadLine, ratio, timeCommand } from "./peers.js";
import { machineLine, writeResultsSection } from "./results-file.js";

// `tsmp firmware flash` against Espressif's `esptool.py write_flash` on the same image, each
// onto a fresh virtual ESP32 that paces its UART at the line rate both ways, side by side in
// one run. Both are whole commands in their own process, timed from start to exit.
const IMAGE_SIZE = 512 * 1024;
const OFFSET = 0x1000;
const bin = fileURLToPath(new URL("../bin/tsmp.js", import.meta.url));
/** Rounds of every configuration; a cell is the median (the machine is shared and noisy). */
const ROUNDS = Number(process.env.TSMP_BENCH_ROUNDS ?? 3);

/** One command of the race: who runs it, and whether it sends the image deflated. */
interface Runner {
  tool: "tsmp" | "esptool.py";
  compress: boolean;
}

interface Run extends Runner {
  baud: number;
  seconds: number;
}

const runners: Runner[] = [
  { tool: "tsmp", compress: true },
  { tool: "esptool.py", compress: true },
  { tool: "tsmp", compress: false },
  { tool: "esptool.py", compress: false },
];

/**
 * The table's rows: each compares one tsmp command with one esptool.py command at one baud.
 * tsmp always compresses unless told not to (every chip it flashes inflates, in the stub and in
 * the ROM), so its default also races esptool.py's `-u`; the like-for-like row without
 * compression is there too, with the line floor that bounds it.
 */
const rows: { tsmp: boolean; esptool: boolean }[] = [
  { tsmp: true, esptool: true },
  { tsmp: true, esptool: false },
  { tsmp: false, esptool: false },
];

/** Bytes on the wire for `payload` sent in 16 KB data packets: SLIP-escaped, with each packet's 24-byte header and two delimiters. */
function bytesOnWire(payload: Uint8Array): number {
  const escapes = payload.reduce((count, byte) => count + (byte === 0xc0 || byte === 0xdb ? 1 : 0), 0);
  return payload.length + escapes + Math.ceil(payload.length / 0x4000) * (24 + 2);
}

async function onFreshChip(image: Uint8Array, flash: (port: string) => Promise<number>): Promise<number> {
  const chip = await VirtualEsp32.start({ baudPacing: true });
  try {
    const seconds = await flash(chip.portPath);
    const written = Buffer.from(chip.flash.subarray(OFFSET, OFFSET + image.length));
    if (!written.equals(Buffer.from(image))) throw new Error("the flash does not hold the image");
    return seconds;
  } finally {
    await chip.stop();
  }
}

/** Runs one command of the race to its end, in its own process, and times it. */
async function timeRunner(runner: Runner, baud: number, port: string, file: string): Promise<number> {
  if (runner.tool === "tsmp") {
    const args = [bin, "firmware", "flash", file, "--port", port, "--baud", String(baud), "--no-verify-repl"];
    if (!runner.compress) args.push("--no-compress");
    return (await timeCommand(process.execPath, args, { timeoutSeconds: 60 })).seconds;
  }
  // A pty has no DTR/RTS (pyserial's reset fails with ENOTTY), so esptool.py is told not to
  // reset; the virtual chip is in its bootloader already. --force skips its check of the
  // image's segments, which the generated image only imitates.
  const args = ["--port", port, "--baud", String(baud), "--before", "no_reset", "--after", "no_reset"];
  args.push("write_flash", "--force", runner.compress ? "-z" : "-u", `0x${OFFSET.toString(16)}`, file);
  return (await timeCommand(esptool!, args, { timeoutSeconds: 60 })).seconds;
}

const esptool = findPeer("esptool.py", "the firmware race (tsmp firmware flash vs esptool.py)");
if (esptool) {
  const dir = mkdtempSync(join(tmpdir(), "tsmp-firmware-race-"));
  try {
    const image = makeEspImage(IMAGE_SIZE, { compressible: true });
    const file = join(dir, "firmware.bin");
    writeFileSync(file, image);
    const runs: Run[] = [];
    // Rounds outermost, so that a change in the machine's load hits every configuration alike.
    for (let round = 0; round < ROUNDS; round++) {
      for (const baud of [460800, 921600]) {
        for (const runner of runners) {
          const seconds = await onFreshChip(image, (port) => timeRunner(runner, baud, port, file));
          runs.push({ ...runner, baud, seconds });
          process.stderr.write(
            `${baud} baud, ${runner.tool} ${runner.compress ? "compressed" : "uncompressed"}: ${seconds.toFixed(2)} s\n`,
          );
        }
      }
    }
    const load = loadLine(cpus().length);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const timesOf = (baud: number, tool: Runner["tool"], compress: boolean) =>
      runs.filter((run) => run.baud === baud && run.tool === tool && run.compress === compress).map((run) => run.seconds);
    const allRuns = [460800, 921600]
      .flatMap((baud) =>
        runners.map(
          ({ tool, compress }) =>
            `${baud} ${tool} ${compress ? "compressed" : "plain"}: ${timesOf(baud, tool, compress)
              .map((seconds) => seconds.toFixed(1))
              .join("/")}`,
        ),
      )
      .join("; ");
    const stream = deflateSync(image, { level: 9 });
    const deflated = stream.length;
    const wire = { compressed: bytesOnWire(stream), plain: bytesOnWire(image) };
    const floor = (compress: boolean, baud: number) => ((compress ? wire.compressed : wire.plain) * 10) / baud;
    const markdown = [
      "## race: `tsmp firmware flash` vs `esptool.py write_flash`",
      "",
      `Command: \`npx tsx bench/race-firmware.bench.ts\` (after \`npm run build\`). ${machineLine()}, ${load} at the end (the machine is shared: compare within a row).`,
      `Image: ${IMAGE_SIZE / 1024} KiB generated ESP32 image at 0x${OFFSET.toString(16)}, deflating to ${((100 * deflated) / IMAGE_SIZE).toFixed(0)} %. ` +
        "Each command runs to its end in its own process onto a fresh virtual ESP32 that paces its UART at the line rate both ways (10 bits a byte).",
      "esptool.py v4.7 (`--before no_reset --after no_reset write_flash --force -z|-u 0x1000`, stub, hash check) against " +
        "`tsmp firmware flash --no-verify-repl [--no-compress]` (stub, the MD5 of the first sector to see whether the flash holds the image already, the write, MD5 check, then a reset into the firmware). Target: ≤ 0.9×.",
      `Each cell is the median of ${ROUNDS} rounds (all runs, seconds: ${allRuns}).`,
      "",
      "Where the time goes (the virtual chip's timestamped trace of every packet, and `node --cpu-prof` of the CLI): both tools send the same " +
        `deflate stream (${deflated} B) in 16 KB blocks, each after the chip's answer to the one before; with SLIP's escapes and each ` +
        `block's framing that is ${wire.compressed} B on the wire, most of either tool's time. Around it, for tsmp: Node's start (0.1 s of CPU) ` +
        "and loading the firmware commands (esptool-js, serialport: 150 modules, 130 ms of CPU; one bundled file since, 50 ms); the connect " +
        "(SYNC; the chip named by its magic register, as the ESP32 ROM refuses the GET_SECURITY_INFO that esptool asks first, which cost a " +
        "30 ms drain; the baud change in the ROM; the eFuse reads of the chip's description, which esptool-js's stub upload repeats, now " +
        "answered once: 9 reads became 4; the 6.7 KB stub at the fast rate, 0.15 s at 460800, where esptool.py sends its 3.7 KB stub at " +
        "115200 in 0.32 s; the flash ID; the MD5 of the first sector), then the MD5 of the image and the reset. Looked at and not used: " +
        "zopfli (@gfx/zopfli) makes this stream 871 B (0.28 %) smaller, worth 19 ms at 460800, in 8-15 s of CPU; a second block in flight " +
        "(esptool-js's stub, esp-flasher-stub, has two frame buffers and answers a block before inflating and writing it, so the third block, " +
        "sent on the first one's answer, can find both buffers taken and be dropped); skipping 0xFF blocks (the image has none, and deflate shrinks " +
        "them to almost nothing).",
      "Line floor: the image's bytes as they cross the wire (the deflate stream, or the whole image with `-u`, SLIP-escaped and framed in " +
        "16 KB blocks) at 10 bits a byte, before SYNC, stub, MD5 or process start-up: no tool sending these bytes can flash faster. tsmp's " +
        "stub adds 6.9 KB at the fast rate to it. Where the floor plus the stub exceeds 0.9× esptool.py's time, the target cannot be met by " +
        "sending the same bytes, whatever happens around them. tsmp compresses unless told not to, on every chip (the stub and the ROM " +
        "inflate), so its default is raced against `-u` as well; `--no-compress` against `-u` is the like-for-like row.",
      "",
      "| baud | tsmp command | esptool.py command | tsmp time | esptool.py time | tsmp / esptool.py | line floor, tsmp / esptool.py | 0.9× esptool.py |",
      "|---|---|---|---|---|---|---|---|",
      ...[460800, 921600].flatMap((baud) =>
        rows.map((row) => {
          const tsmp = median(timesOf(baud, "tsmp", row.tsmp));
          const peer = median(timesOf(baud, "esptool.py", row.esptool));
          return (
            `| ${baud} | ${row.tsmp ? "default (compressed)" : "`--no-compress`"} | ${row.esptool ? "`-z` (default)" : "`-u`"} | ` +
            `${tsmp.toFixed(2)} s | ${peer.toFixed(2)} s | **${ratio(tsmp, peer)}** | ` +
            `${floor(row.tsmp, baud).toFixed(2)} s / ${floor(row.esptool, baud).toFixed(2)} s | ${(0.9 * peer).toFixed(2)} s |`
          );
        }),
      ),
    ].join("\n");
    writeResultsSection("race-firmware", markdown);
    process.stdout.write(`${markdown}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
process.exit(0);
