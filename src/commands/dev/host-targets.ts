import { spawn, type ChildProcess } from "node:child_process";
import { packagePath } from "../../package-paths.js";
import { runEmittedProgramInWorker } from "../../run/micropython/run-in-worker.js";
import type { DevBuild, DevTarget } from "./dev-target.js";

export interface HostTargetOptions {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  status: (line: string) => void;
  isTTY?: boolean;
}

/**
 * Runs one program at a time and replaces it with the next build's. Restarts are queued so a
 * run is always over (its worker or process gone) before the next one starts.
 */
function restartingTarget(start: (build: DevBuild, signal: AbortSignal) => Promise<number>, status: (line: string) => void): DevTarget {
  let current: AbortController | undefined;
  let queue: Promise<void> = Promise.resolve();
  return {
    deliver(build) {
      current?.abort();
      const controller = new AbortController();
      current = controller;
      queue = queue.then(async () => {
        if (controller.signal.aborted) return;
        const exitCode = await start(build, controller.signal);
        if (!controller.signal.aborted) status(`[tsmp] the program ended (exit code ${exitCode}); waiting for a change (Ctrl-C quits)`);
      });
    },
    async stop() {
      current?.abort();
      await queue;
    },
  };
}

/** `tsmp dev --target micropython`: each build on a fresh MicroPython VM with the simulated board, in real time. */
export function startMicroPythonTarget(options: HostTargetOptions): DevTarget {
  return restartingTarget(
    (build, signal) =>
      runEmittedProgramInWorker(
        { files: build.files, entry: build.entry },
        {
          stdout: options.stdout,
          stderr: options.stderr,
          isTTY: options.isTTY,
          clock: "realtime",
          signal,
          // The files the project installs beside the code on a board.
          files: build.extraFiles?.files,
        },
      ),
    options.status,
  );
}

/**
 * `tsmp dev --target node`: each build runs as `tsmp run --target node --realtime` in a process
 * of its own, the way to stop a program running on the shim at any moment. The wall clock, so a
 * program that blinks forever waits between blinks instead of racing ahead.
 */
export function startNodeTarget(project: string, options: HostTargetOptions): DevTarget {
  return restartingTarget(
    (_build, signal) =>
      new Promise<number>((resolve) => {
        const child: ChildProcess = spawn(
          process.execPath,
          [packagePath("bin", "tsmp.js"), "run", project, "--target", "node", "--realtime"],
          {
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
        child.stdout!.setEncoding("utf8").on("data", options.stdout);
        child.stderr!.setEncoding("utf8").on("data", options.stderr);
        const kill = () => child.kill("SIGTERM");
        signal.addEventListener("abort", kill, { once: true });
        child.once("exit", (code, killedBy) => {
          signal.removeEventListener("abort", kill);
          resolve(code ?? (killedBy ? 130 : 1));
        });
      }),
    options.status,
  );
}
