import { TsmpError } from "../../errors.js";
import { BoardNotResponding, RawRepl } from "../raw-repl.js";
import { SerialTransport } from "../serial-transport.js";

export class NoReplAfterFlash extends TsmpError {}

/**
 * After flashing, proves the new firmware is MicroPython by getting its raw REPL to run a line.
 * A freshly flashed ESP32 formats its filesystem on first boot, which takes a few seconds, so
 * this keeps knocking for a while.
 */
export async function checkMicroPythonRepl(path: string, attempts = 8): Promise<string> {
  const transport = await SerialTransport.open(path, { baudRate: 115200 });
  try {
    const repl = new RawRepl(transport, { attempts, answerTimeoutMs: 1000 });
    const answer = await repl.execOrThrow(
      "import sys\nprint(sys.implementation.name, '.'.join(str(n) for n in sys.implementation.version[:3]))",
    );
    await repl.exit();
    return answer.trim();
  } catch (error) {
    if (error instanceof BoardNotResponding) {
      throw new NoReplAfterFlash(
        `the firmware was written and verified, but no MicroPython REPL answered on ${path} after the reset ` +
          `(${error.message}). Is the image a MicroPython build for this chip? Press RESET and try \`tsmp monitor\`; ` +
          "pass --no-verify-repl to skip this check.",
      );
    }
    throw error;
  } finally {
    await transport.close();
  }
}
