import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { TsmpError } from "../errors.js";
import type { ByteLink } from "../flash/byte-link.js";
import { resolvePort } from "../flash/ports.js";
import { buildFolder } from "../sourcemap/last-build.js";
import { formatDiagnostic, writeBuild, type EmittedFile } from "../transpile/index.js";
import { createIncrementalBuild } from "../transpile/project/incremental-build.js";
import { startBoardTarget } from "./dev/board-target.js";
import type { DevTarget } from "./dev/dev-target.js";
import { startMicroPythonTarget, startNodeTarget } from "./dev/host-targets.js";
import { watchProject } from "./dev/watch-project.js";
import type { Target } from "./run.js";
import type { ExtraFiles } from "./extra-files.js";

export interface DevOptions {
  /** Run on the board at this port ("auto" picks the one connected); otherwise on `target`. */
  port?: string;
  baudRate?: number;
  /** Where to run without a board: micropython (the default) or node. */
  target?: Target;
  /** On a board, send modules but main.py as .mpy bytecode: true, false, or "auto" (when the board loads them). */
  mpy?: boolean | "auto";
  /** Files installed beside the code on a board (data files, boot.py): the project config's `files`. */
  extraFiles?: ExtraFiles;
  /** Find the board by its USB serial number when `port` is "auto". */
  serialNumber?: string;
  /** The program's output (a board's, with tracebacks mapped to TypeScript). */
  stdout: (text: string) => void;
  /** Diagnostics, the program's stderr on the host, and tsmp's status lines. */
  stderr: (text: string) => void;
  isTTY?: boolean;
  /** Board tracebacks name files relative to this folder; the current one by default. */
  relativeTo?: string;
  /** Ends the loop; SIGINT or SIGTERM by default. */
  stopped?: Promise<void>;
  /** Opens the link to the board (tests pass an in-memory cable); a serial port by default. */
  openLink?: (path: string) => Promise<ByteLink>;
}

export class NotRunnable extends TsmpError {}

/**
 * `tsmp dev`: builds the project, runs it (on a board, or on the host), and on every save
 * rebuilds incrementally and runs the new build. A build with errors is reported and not run:
 * the last good build keeps running. Ends on Ctrl-C, leaving a board running its program.
 */
export async function devProject(project: string, options: DevOptions): Promise<void> {
  if (options.port !== undefined && options.target) throw new TsmpError("--port runs on the board; leave out --target");
  const status = (line: string) => options.stderr(`${line}\n`);
  const build = createIncrementalBuild(project);
  const entry = build.layout.entry;
  if (!entry) throw new NotRunnable(`${project}: nothing to run (tsmp dev runs src/main.ts or main.ts)`);
  const folder = projectFolder(project);
  let target: DevTarget;
  if (options.port !== undefined) {
    const path = options.openLink ? options.port : await resolvePort(options.port, { log: status, serialNumber: options.serialNumber });
    if (!/(^|\/)main\.ts$/.test(entry)) {
      throw new NotRunnable(`${project}: a board starts main.py, so tsmp dev on a board needs the entry to be main.ts`);
    }
    target = startBoardTarget({
      path,
      baudRate: options.baudRate,
      stdout: options.stdout,
      status,
      mpy: options.mpy,
      open: options.openLink,
      relativeTo: options.relativeTo ?? process.cwd(),
      project: folder,
    });
  } else if (options.target === "node") {
    target = startNodeTarget(project, { ...options, status });
  } else {
    target = startMicroPythonTarget({ ...options, status });
  }

  const written = new Map<string, string>();
  let hasRun = false;
  const rebuild = () => {
    const started = performance.now();
    let result;
    try {
      result = build.rebuild();
    } catch (error) {
      // A project folder renamed or its tsconfig made unreadable mid-session: say so, keep watching.
      if (!(error instanceof TsmpError)) throw error;
      status(`tsmp: ${error.message}`);
      return;
    }
    const ms = Math.round(performance.now() - started);
    if (result.diagnostics.length > 0) {
      for (const diagnostic of result.diagnostics) options.stderr(`${formatDiagnostic(diagnostic)}\n`);
      const count = `${result.diagnostics.length} error${result.diagnostics.length === 1 ? "" : "s"}`;
      status(`[tsmp] ${count}; ${hasRun ? "the last good build keeps running" : "nothing runs"} until they are fixed`);
      return;
    }
    const changed = changedFiles(written, result.files);
    writeBuild({ ...result, files: changed }, buildFolder(folder));
    for (const file of changed) written.set(file.path, file.text);
    status(`[tsmp] built in ${ms} ms: ${changed.length === 0 ? "no change to the Python" : changed.map((file) => file.path).join(", ")}`);
    // An edit that leaves the Python as it was (a comment, a type) needs no restart.
    if (changed.length === 0 && hasRun && options.target !== "node") return;
    hasRun = true;
    target.deliver({ files: result.files, entry: result.entry ?? "main.py", extraFiles: options.extraFiles });
  };

  // Watching starts first, so a save during the first (slowest) build is not missed.
  const watcher = watchProject(folder, rebuild);
  rebuild();
  status(`[tsmp] watching ${folder} (Ctrl-C quits)`);
  try {
    await (options.stopped ?? untilSignal());
  } finally {
    watcher.close();
    await target.stop();
  }
}

function changedFiles(written: ReadonlyMap<string, string>, files: EmittedFile[]): EmittedFile[] {
  return files.filter((file) => written.get(file.path) !== file.text);
}

function projectFolder(project: string): string {
  const path = resolve(project);
  return statSync(path).isFile() ? dirname(path) : path;
}

function untilSignal(): Promise<void> {
  return new Promise<void>((resolveStop) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolveStop();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
