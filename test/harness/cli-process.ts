import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { packagePath } from "../../src/package-paths.js";

/** Whether dist/ is there for the CLI to run (npm test builds first). */
export const cliBuilt = existsSync(packagePath("dist/cli/main.js"));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `tsmp` in its own process without blocking this one: a virtual board served
 * from this process must keep answering while the CLI talks to it (spawnSync would freeze it).
 */
export function runCli(args: string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  const child = spawn(process.execPath, [packagePath("bin/tsmp.js"), ...args], { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs ?? 50_000);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
