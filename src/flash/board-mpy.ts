import { TsmpError } from "../errors.js";
import type { RawRepl } from "./raw-repl.js";

/** The board's MicroPython cannot load the .mpy files tsmp would send. */
export class MpyVersionMismatch extends TsmpError {}

/**
 * Checks that the board loads bytecode .mpy files of `version`: it reports the version it
 * reads in the low byte of `sys.implementation._mpy` (MicroPython 1.19+; older firmware has no
 * `_mpy` and reads older formats). Called before a deploy replaces anything.
 */
export async function checkBoardLoadsMpy(repl: RawRepl, version: number): Promise<void> {
  const answer = (await repl.execOrThrow("import sys\nprint(getattr(sys.implementation,'_mpy',0)&255)")).trim();
  const boardVersion = Number(answer);
  if (boardVersion === version) return;
  const reads =
    boardVersion > 0 ? `reads .mpy version ${boardVersion}` : "does not say which .mpy version it reads (MicroPython older than 1.19)";
  throw new MpyVersionMismatch(
    `the board's MicroPython ${reads}, but tsmp's mpy-cross writes version ${version} (MicroPython 1.19 and later); ` +
      "leave out --mpy to send .py files, or update the board's firmware",
  );
}
