import type { DeployFile } from "../flash/deploy.js";
import type { EmittedFile } from "../transpile/index.js";
import { compileToMpy, mpyPathOf } from "../transpile/project/mpy-cross.js";

/**
 * What goes on the board with `--mpy`: every module compiled to .mpy except the entry, which a
 * board starts only as `main.py` source. Tracebacks from the .mpy files still name the .py path,
 * so its source map applies.
 */
export async function filesForBoard(files: readonly EmittedFile[], entry: string | undefined, mpy: boolean): Promise<DeployFile[]> {
  return Promise.all(
    files.map(async (file) =>
      mpy && file.path !== entry
        ? { path: mpyPathOf(file.path), data: await compileToMpy(file.path, file.text) }
        : { path: file.path, data: Buffer.from(file.text, "utf8") },
    ),
  );
}
