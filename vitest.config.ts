import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "templates/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores on CI: end-to-end tests over ptys fight for the CPU past two workers.
    maxWorkers: 2,
  },
});
