import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Two projects. `unit` is the fast inner loop (`npm run test:unit`): no pseudo-terminals or
 * socat, no spawned `tsmp` CLI, nothing that needs the built dist/. `slow` is the rest: real
 * serial ports over socat ptys, the virtual board and ESP32 on ptys, the CLI end to end, and
 * the 200-program differential fuzz. `npm test` runs both. Name a new test that opens a pty or
 * spawns the CLI `*.e2e.test.ts`.
 */
const slow = [
  "**/*.e2e.test.ts",
  // The virtual devices on ptys, and the CLI that starts them.
  "test/sim/virtual-board/**/*.test.ts",
  "test/sim/virtual-esp32/cli.test.ts",
  // Serial transport, raw REPL and esptool-js over socat pty pairs.
  "test/flash/follow-output.test.ts",
  "test/flash/port-errors.test.ts",
  "test/flash/raw-repl-framing.test.ts",
  "test/flash/esp32/firmware-flash.test.ts",
  "test/commands/firmware-errors.test.ts",
  // Spawn bin/tsmp.js.
  "test/commands/init.test.ts",
  "test/commands/run.test.ts",
  // Import the package by name, which resolves to the built dist/.
  "test/structure/package-entry.test.ts",
  "templates/**/*.test.ts",
  // 200 generated programs on Node and MicroPython: as long as the rest of the unit project.
  "test/transpile/fuzz/differential.test.ts",
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: availableParallelism(),
    // The CLI runs of the tests build in their own process: no build server outlives a test.
    env: { TSMP_BUILD_SERVER: "0" },
    projects: [
      // Isolated: sharing a worker's modules between files (CPU 143 s → 58 s) let one file's
      // MicroPython VM asyncio state break the next file's first asyncio.run ("reading
      // 'interrupted'" inside the VM), so each file gets fresh modules again.
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: slow } },
      { extends: true, test: { name: "slow", include: slow } },
    ],
  },
});
