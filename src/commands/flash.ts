import { statSync } from "node:fs";
import { dirname } from "node:path";
import { writeBuild } from "../transpile/project/write-build.js";
import { transpileOrReport } from "../transpile/project/transpile-or-report.js";
import type { TranspileResult } from "../transpile/index.js";
import { withBoard, type BoardConnection } from "../flash/connection.js";
import { DeployInterrupted, deployFiles, type DeployReport } from "../flash/deploy.js";
import { SAFE_BOOT } from "../flash/safe-boot.js";
import { checkBoardModules, modulesTheBoardMustHave } from "../flash/board-modules-check.js";
import { followOutput } from "../flash/follow-output.js";
import { chooseMpy } from "../flash/board-mpy.js";
import { MPY_VERSION } from "../transpile/project/mpy-cross.js";
import { filesForBoard } from "./mpy-files.js";
import { withFilesBesideCode, type ExtraFiles } from "./extra-files.js";
import { buildFolder, recordFlashed } from "../sourcemap/last-build.js";
import { createUploadProgress, type UploadProgress } from "../flash/progress.js";

export interface FlashOptions {
  port?: string;
  baudRate?: number;
  /** Find the board by its USB serial number when `port` is "auto" or undefined. */
  serialNumber?: string;
  /**
   * Send every module but main.py as .mpy bytecode: true (refused when the board cannot load it),
   * "auto" (when it can, else .py with a line saying why), false or undefined (.py).
   */
  mpy?: boolean | "auto";
  /** Installed beside the code (data files, boot.py): the project config's `files`. */
  extraFiles?: ExtraFiles;
  /** After the reset, stream the board's output until the program ends or Ctrl-C. */
  follow?: boolean;
  stdout: (text: string) => void;
  /** Progress and "Updated: main.py" lines; a TTY gets a redrawn progress bar. */
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/**
 * `tsmp flash`: builds the project (keeping the build beside it for `tsmp monitor`'s source
 * maps), installs what changed on the board, soft-resets it so main.py starts, and with
 * `follow` streams its output.
 */
export async function flashProject(project: string, options: FlashOptions): Promise<DeployReport> {
  // On a terminal a line may arrive while the progress bar is drawn (a retry): clear it first.
  const log = (line: string) => void options.stderr.write(`${options.stderr.isTTY ? "\r\x1b[K" : ""}${line}\n`);
  const build = await buildForBoard(project, (text) => void options.stderr.write(text));
  const connect = { port: options.port, baudRate: options.baudRate, serialNumber: options.serialNumber, log };
  return withBoard(connect, async (board) => {
    const report = await installBuild(board, build, { ...options, log, progress: createUploadProgress(options.stderr) });
    recordFlashed(projectFolder(project), board.transport.path, build.files);
    if (options.follow) {
      let stop: () => void = () => undefined;
      const stopped = new Promise<void>((resolveStop) => (stop = resolveStop));
      process.once("SIGINT", stop);
      try {
        await followOutput(board.transport, { files: build.files, write: options.stdout, stopped });
      } finally {
        process.off("SIGINT", stop);
      }
    }
    return report;
  });
}

/** The build a flash installs: transpiled once, its Python kept beside the project for `tsmp monitor`'s source maps. */
export async function buildForBoard(project: string, stderr: (text: string) => void): Promise<TranspileResult> {
  const build = await transpileOrReport(project, stderr, { server: "start" });
  writeBuild(build, buildFolder(projectFolder(project)));
  return build;
}

/**
 * Installs `build` on a connected board: checks the modules it imports are there, chooses .py or
 * .mpy, deploys what changed (Ctrl-C stops at a safe point), and soft-resets so main.py starts.
 */
export async function installBuild(
  board: BoardConnection,
  build: TranspileResult,
  options: Pick<FlashOptions, "mpy" | "extraFiles"> & { log: (line: string) => void; progress?: UploadProgress },
): Promise<DeployReport> {
  const { log } = options;
  await checkBoardModules(board.repl, modulesTheBoardMustHave(build.files));
  const mpy = await chooseMpy(board.repl, options.mpy ?? false, MPY_VERSION, log);
  const files = withFilesBesideCode(await filesForBoard(build.files, build.entry, mpy), options.extraFiles);
  const report = await whileStoppable(
    (signal) => deployFiles(board.fs, files, { log, progress: options.progress, signal, optional: [SAFE_BOOT] }),
    log,
  );
  await board.repl.resetAndRun();
  return report;
}

/**
 * Ctrl-C (or SIGTERM) during a deploy asks it to stop at the next safe point, where it tidies its
 * temporary files; a second Ctrl-C quits at once (the next flash tidies up then). A stop that
 * comes once the commit has begun lets the commit finish, and says the new program is installed.
 */
async function whileStoppable<T>(deploy: (signal: AbortSignal) => Promise<T>, log: (line: string) => void): Promise<T> {
  const stop = new AbortController();
  const onSignal = () => {
    if (stop.signal.aborted) process.exit(130);
    log("Stopping at the next safe point (Ctrl-C again quits at once)");
    stop.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    const result = await deploy(stop.signal);
    if (stop.signal.aborted) {
      throw new DeployInterrupted("stopped after installing: the board holds the new program, complete, but was not restarted");
    }
    return result;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

export function projectFolder(project: string): string {
  try {
    return statSync(project).isFile() ? dirname(project) : project;
  } catch {
    return project;
  }
}
