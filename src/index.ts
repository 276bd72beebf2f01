/**
 * tsmp's programmatic API (`import { … } from "tsmp"`): the same entry points the CLI commands
 * use, for build scripts and tools that drive tsmp without spawning it. This file only
 * re-exports; each entry point is documented where it is defined. The board-side facade is
 * published separately as `tsmp/asyncio`, `tsmp/machine`, … and the simulation API as
 * `tsmp/testing`.
 */

// Transpiling: a project (folder or entry file) → MicroPython files, diagnostics, source maps.
export {
  transpileProject,
  writeBuild,
  createTranspiler,
  formatDiagnostic,
  type Transpiler,
  type TranspileOptions,
  type TranspileResult,
  type EmittedFile,
  type Diagnostic,
} from "./transpile/index.js";

// Running a program: on Node with the runtime shim, on the MicroPython VM on this machine, on a board.
export { runOnNode, type RunOnNodeOptions } from "./run/node/run-on-node.js";
export { runOnMicroPython, type RunOnMicroPythonOptions } from "./run/micropython/run-on-micropython.js";
export { runOnBoard, type RunOnBoardOptions } from "./run/board/run-on-board.js";

// A board over serial: connect (raw REPL + filesystem), install files.
export { connectToBoard, withBoard, type BoardConnection, type ConnectOptions } from "./flash/connection.js";
export { deployFiles, type DeployFile, type DeployReport } from "./flash/deploy.js";

// Virtual devices on pseudo-terminals, for tests without hardware.
export { VirtualBoard, type VirtualBoardOptions, type VirtualBoardFaults } from "./sim/virtual-board/index.js";
export { VirtualEsp32, type VirtualEsp32Options, type VirtualEsp32Faults } from "./sim/virtual-esp32/index.js";

// Errors a user can cause: one message, meant to be shown as `tsmp: <message>`.
export { TsmpError, DiagnosticsReported } from "./errors.js";
