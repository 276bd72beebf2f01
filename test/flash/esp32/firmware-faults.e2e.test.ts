import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { flashFirmware, type FlashFirmwareOptions } from "../../../src/commands/firmware.js";
import { VirtualEsp32, type VirtualEsp32Faults } from "../../../src/sim/virtual-esp32/index.js";
import { makeEspImage } from "../../harness/esp-image.js";

// The firmware fault matrix: each stage of `tsmp firmware flash` (stub upload, baud change, flash
// begin, first / middle / last data packet, MD5 check) × each fault of the line (one flipped
// byte, a dropped link), plus a bad flash cell at the image's start, middle and end, against the
// virtual ESP32. For every case: success ⇔ the chip's flash holds the image and its MD5 was
// checked; a failure is one message, never a success; and a clean flash afterwards converges.

const OFFSET = 0x1000;
const image = makeEspImage(96 * 1024);
const md5 = (bytes: Uint8Array) => createHash("md5").update(bytes).digest("hex");
let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tsmp-firmware-faults-"));
  file = join(dir, "firmware.bin");
  writeFileSync(file, image);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function options(chip: VirtualEsp32, log: string[]): FlashFirmwareOptions {
  return {
    port: chip.portPath,
    chip: "auto",
    baud: 921600,
    file,
    eraseAll: false,
    compress: true,
    verifyRepl: false,
    log: (line) => log.push(line),
    progress: () => {},
  };
}

interface Stage {
  name: string;
  /** A byte inside the stage's packet, counted in what the host sends. */
  at: number;
}

/** Where each stage's packet lies in a clean session's bytes (op codes from the ESP32 serial protocol). */
async function recordStages(): Promise<Stage[]> {
  const chip = await VirtualEsp32.start();
  try {
    await flashFirmware(options(chip, []));
    const ops = chip.commandLog.map((entry) => Number.parseInt(/op=0x([0-9a-f]+)/.exec(entry)![1]!, 16));
    const ends = chip.packetEnds;
    expect(ops).toHaveLength(ends.length);
    const inside = (index: number) => ends[index]! - 12;
    const first = (op: number) => ops.indexOf(op);
    const data = ops.flatMap((op, index) => (op === 0x11 ? [index] : []));
    expect(data.length).toBeGreaterThanOrEqual(3);
    return [
      { name: "stub upload", at: inside(first(0x07)) },
      { name: "baud change", at: inside(first(0x0f)) },
      { name: "flash begin", at: inside(first(0x10)) },
      { name: "first data packet", at: inside(data[0]!) },
      { name: "middle data packet", at: inside(data[Math.floor(data.length / 2)]!) },
      { name: "last data packet", at: inside(data[data.length - 1]!) },
      { name: "MD5 check", at: inside(first(0x13)) },
    ];
  } finally {
    await chip.stop();
  }
}

/** Runs one case: flash with the fault, check the outcome, heal the chip, flash again. */
async function runCase(faults: VirtualEsp32Faults): Promise<{ outcome: string }> {
  const chip = await VirtualEsp32.start({ faults });
  try {
    const log: string[] = [];
    const result = await flashFirmware(options(chip, log)).then(
      () => undefined,
      (error: Error) => error,
    );
    const holds = md5(chip.flash.subarray(OFFSET, OFFSET + image.length)) === md5(image);
    if (!result) {
      // Success only with the image in flash, checked by the chip's MD5.
      expect(holds).toBe(true);
      expect(log.join("\n")).toMatch(/MD5 verified/);
    } else {
      expect(result.message).not.toMatch(/\n|internal error|undefined|NaN/);
      expect(result.message.length).toBeGreaterThan(10);
    }
    chip.clearFaults();
    await flashFirmware(options(chip, []));
    expect(md5(chip.flash.subarray(OFFSET, OFFSET + image.length))).toBe(md5(image));
    return { outcome: result ? `failed: ${result.message}` : "flashed" };
  } finally {
    await chip.stop();
  }
}

type Case = { name: string; faults: (stages: Stage[]) => VirtualEsp32Faults; expected?: RegExp };
const stageNames = [
  "stub upload",
  "baud change",
  "flash begin",
  "first data packet",
  "middle data packet",
  "last data packet",
  "MD5 check",
];
const stageAt = (stages: Stage[], name: string) => stages.find((stage) => stage.name === name)!.at;
const cases: Case[] = [
  ...stageNames.flatMap((stage): Case[] => [
    // A flipped byte in a data packet is re-sent; elsewhere it may end the session, never in a false success.
    { name: `flipped byte during ${stage}`, faults: (stages) => ({ flipByteAt: stageAt(stages, stage) }) },
    { name: `dropped link during ${stage}`, faults: (stages) => ({ dropAfterBytes: stageAt(stages, stage) }), expected: /^failed: / },
  ]),
  ...(
    [
      ["start", OFFSET + 3],
      ["middle", OFFSET + image.length / 2],
      ["end", OFFSET + image.length - 3],
    ] as const
  ).map(([where, address]): Case => ({
    name: `a bad flash cell at the image's ${where}`,
    faults: () => ({ corruptFlashAt: address }),
    expected: /^failed: .*MD5 mismatch/,
  })),
];

// CI runs a sample chosen by a seed it prints (TSMP_FAULT_SEED=<n> repeats it); `npm run test:faults`
// (TSMP_FAULTS=all) runs all 17 cases.
const seed = Number(process.env.TSMP_FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
const SAMPLE = 5;
const chosen =
  process.env.TSMP_FAULTS === "all"
    ? cases
    : cases
        .map((testCase, index) => ({ testCase, key: (Math.imul(index + 1, 2654435761) ^ seed) >>> 0 }))
        .sort((a, b) => a.key - b.key)
        .slice(0, SAMPLE)
        .map(({ testCase }) => testCase);

describe(`firmware flash fault matrix (seed ${seed}: TSMP_FAULT_SEED=${seed} repeats this sample)`, () => {
  let stages: Stage[] = [];
  beforeAll(async () => {
    stages = await recordStages();
  });

  for (const testCase of chosen) {
    it(testCase.name, async () => {
      const { outcome } = await runCase(testCase.faults(stages));
      console.log(`${testCase.name}: ${outcome}`);
      if (testCase.expected) expect(outcome).toMatch(testCase.expected);
    });
  }
});
