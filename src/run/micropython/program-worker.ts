// Runs a program's emitted Python in a worker thread, so that the main thread stays free while
// the VM blocks in asyncio.run or time.sleep: it passes the output on and turns Ctrl-C into a
// KeyboardInterrupt, as a board's serial console does.
import { parentPort, workerData } from "node:worker_threads";
import { runEmittedProgram } from "./run-emitted-program.js";
import { createDevice } from "../../devices/device-catalog.js";
import { displayRecordings } from "../../devices/display-frames.js";
import type { FromProgramWorker, ProgramWorkerData } from "./run-in-worker.js";

const port = parentPort!;
const data = workerData as ProgramWorkerData;
const post = (message: FromProgramWorker): void => port.postMessage(message);

// Kept here after the run: the displays' frames go back with the end of the run (for --trace).
const devices = data.devices.map(createDevice);

try {
  const exitCode = await runEmittedProgram(data.program, {
    stdout: (text) => post({ type: "stdout", text }),
    stderr: (text) => post({ type: "stderr", text }),
    isTTY: data.isTTY,
    clock: data.clock,
    interrupt: new Int32Array(data.interrupt),
    devices,
    files: data.files,
    onOutput: data.reportOutput ? (change) => post({ type: "output", change }) : undefined,
    onEnd: (endMs, startMs) => post({ type: "end", endMs, displays: displayRecordings(devices, startMs) }),
  });
  post({ type: "exit", exitCode });
} catch (error) {
  post({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
