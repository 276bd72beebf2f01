import { writeSync } from "node:fs";
import { TsmpError } from "../errors.js";
import { readBoardFileFor } from "../devices/board-file.js";
import { createDevice } from "../devices/device-catalog.js";
import { filesBesideCode } from "./extra-files.js";
import { loadProjectConfig } from "./project-config.js";

export type Target = "node" | "micropython";

export interface RunOptions {
  target?: Target;
  port?: string;
  /** Find the board by its USB serial number when `port` is "auto" (from the project's config). */
  serialNumber?: string;
  baud?: number;
  realtime?: boolean;
  virtualClock?: boolean;
  trace?: string;
}

/** What `tsmp run` does, minus the exit: resolves to the program's exit code. */
export async function run(input: string, options: RunOptions): Promise<number> {
  const stdout = writeProgramOutput;
  const stderr = (text: string) => void process.stderr.write(text);
  if (options.realtime && options.virtualClock) throw new TsmpError("--realtime and --virtual-clock exclude each other");

  if (options.baud !== undefined && options.port === undefined) throw new TsmpError("--baud applies to a board: give --port too");
  if (options.port !== undefined) {
    if (options.target) throw new TsmpError("--port runs on the board; leave out --target");
    if (options.realtime || options.virtualClock || options.trace) {
      throw new TsmpError("--realtime, --virtual-clock and --trace apply to --target node or micropython, not to a board");
    }
    const { runOnBoard } = await import("../run/board/run-on-board.js");
    return runOnBoard(input, { port: options.port, baudRate: options.baud, serialNumber: options.serialNumber, stdout, stderr });
  }

  // The simulated chips the project's tsmp.board.json puts on the buses.
  const devices = readBoardFileFor(input);
  // Built once here so that a mistake in the board file is reported before anything runs.
  for (const config of devices) createDevice(config);
  // The files the project installs beside the code on a board are on the simulated board too.
  const { files } = filesBesideCode(loadProjectConfig(input));
  if ((options.target ?? "micropython") === "node") {
    // What tsmp build refuses does not run here either: a program that passes on Node can be flashed.
    const { transpileOrReport } = await import("../transpile/project/transpile-or-report.js");
    await transpileOrReport(input, stderr);
    const { runOnNode } = await import("../run/node/run-on-node.js");
    return runOnNode(input, {
      realtime: options.realtime === true,
      tracePath: options.trace,
      stdout,
      stderr,
      isTTY: process.stderr.isTTY === true,
      devices,
      files,
    });
  }
  const { runOnMicroPython } = await import("../run/micropython/run-on-micropython.js");
  return runOnMicroPython(input, {
    stdout,
    stderr,
    isTTY: process.stderr.isTTY === true,
    clock: options.virtualClock ? "virtual" : "realtime",
    tracePath: options.trace,
    devices,
    files,
  });
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes the program's output straight to fd 1. A program on the shim's virtual clock may never
 * return to the event loop, so a stream's queued writes would never finish or fail: with a slow
 * reader (`| (sleep 3; head -1)`) the queue grew for ever and the run never ended. Here a full
 * pipe is waited on, and a reader that went away (EPIPE) ends the run quietly, as `| head` expects.
 */
function writeProgramOutput(text: string): void {
  let bytes = Buffer.from(text);
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(1, bytes));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EPIPE") process.exit(0);
      if (code !== "EAGAIN") throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}
