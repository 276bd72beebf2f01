import { TsmpError } from "../errors.js";
import type { RawRepl } from "./raw-repl.js";

/** The board's MicroPython cannot load the .mpy files tsmp would send. */
export class MpyVersionMismatch extends TsmpError {}

/**
 * The bytecode .mpy version the board loads: the low byte of `sys.implementation._mpy`
 * (MicroPython 1.19+); 0 for older firmware, which has no `_mpy` and reads older formats.
 */
export async function boardMpyVersion(repl: RawRepl): Promise<number> {
  const answer = (await repl.execOrThrow("import sys\nprint(getattr(sys.implementation,'_mpy',0)&255)")).trim();
  return Number(answer);
}

/** Why the board cannot take tsmp's .mpy files, or undefined when it can. */
function mismatch(boardVersion: number, version: number): string | undefined {
  if (boardVersion === version) return undefined;
  const reads =
    boardVersion > 0 ? `reads .mpy version ${boardVersion}` : "does not say which .mpy version it reads (MicroPython older than 1.19)";
  return `the board's MicroPython ${reads}, but tsmp's mpy-cross writes version ${version} (MicroPython 1.19 and later)`;
}

/** Checks that the board loads bytecode .mpy files of `version`; called before a deploy replaces anything. */
export async function checkBoardLoadsMpy(repl: RawRepl, version: number): Promise<void> {
  const problem = mismatch(await boardMpyVersion(repl), version);
  if (problem) throw new MpyVersionMismatch(`${problem}; leave out --mpy to send .py files, or update the board's firmware`);
}

/**
 * Whether to send .mpy: `true` insists (refusing a board that cannot load them), `false` never,
 * `"auto"` when the board loads `version`, with a line saying why when it does not.
 */
export async function chooseMpy(repl: RawRepl, setting: boolean | "auto", version: number, log: (line: string) => void): Promise<boolean> {
  if (setting === false) return false;
  if (setting === true) {
    await checkBoardLoadsMpy(repl, version);
    return true;
  }
  const problem = mismatch(await boardMpyVersion(repl), version);
  if (problem) log(`Sending .py files: ${problem}`);
  return problem === undefined;
}
