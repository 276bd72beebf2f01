import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir, loadavg } from "node:os";
import { join } from "node:path";

// The tools users run today (esptool.py, mpremote, native unix MicroPython), as built by
// ../shared/tools/build-peers.sh. They are optional: a race whose peer is missing is skipped
// and says so, and nothing of theirs is part of tsmp.
const peerDir = process.env.TSMP_PEERS_BIN ?? join(homedir(), ".cache", "tsmp-peers", "bin");

/** The peer's executable, or undefined (after saying which race is skipped) when it is absent. */
export function findPeer(name: string, race: string): string | undefined {
  const path = join(peerDir, name);
  if (existsSync(path)) return path;
  process.stderr.write(`skipping ${race}: ${name} is not installed in ${peerDir} (build it with ../shared/tools/build-peers.sh)\n`);
  return undefined;
}

export interface Timed {
  seconds: number;
  output: string;
}

/**
 * Runs a command to its end and times it wall-clock, as a user at a terminal would. A run that
 * outlives `timeoutSeconds` is killed and fails with what it printed, rather than stall the bench.
 */
export function timeCommand(
  command: string,
  args: string[],
  options: { cwd?: string; timeoutSeconds?: number; env?: Record<string, string> } = {},
): Promise<Timed> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const env = options.env ? { ...process.env, ...options.env } : undefined;
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), (options.timeoutSeconds ?? 120) * 1000);
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ seconds, output });
      else
        reject(
          new Error(`${command} ${args.join(" ")} ${signal ? `was killed after ${seconds.toFixed(0)} s` : `exited ${code}`}:\n${output}`),
        );
    });
  });
}

/** "load 11.2/12.0/12.4 on 2 cores": how busy the shared machine was while a race ran. */
export function loadLine(cores: number): string {
  return `load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join("/")} on ${cores} cores`;
}

/** "0.87×": tsmp's time over the peer's. */
export function ratio(ours: number, theirs: number): string {
  return `${(ours / theirs).toFixed(2)}×`;
}
