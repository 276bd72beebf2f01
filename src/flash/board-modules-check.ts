import { TsmpError } from "../errors.js";
import { micropythonLibPackage } from "./micropython-lib.js";
import type { RawRepl } from "./raw-repl.js";

/** The board cannot import modules the program needs; nothing was installed. */
export class MissingBoardModules extends TsmpError {}

const TOP_LEVEL_IMPORT = /^(?:from\s+([\w.]+)\s+import\b.*|import\s+(.+))$/;

/**
 * The modules a build imports that it does not bring itself: the board must have them built in,
 * frozen or installed (`machine`, `network`, a declared `board:umqtt.simple`). Read from the
 * emitted Python, so it is exactly what the board will import.
 */
export function modulesTheBoardMustHave(files: readonly { path: string; text: string }[]): string[] {
  const own = new Set(
    files.map((file) =>
      file.path
        .replace(/\.py$/, "")
        .replace(/^lib\//, "")
        .split("/")
        .join("."),
    ),
  );
  const needed = new Set<string>();
  for (const file of files) {
    for (const line of file.text.split("\n")) {
      const match = TOP_LEVEL_IMPORT.exec(line);
      if (!match) continue;
      const modules = match[1] !== undefined ? [match[1]] : match[2]!.split(",").map((part) => part.trim().split(/\s+/)[0]!);
      for (const module of modules) if (!own.has(module)) needed.add(module);
    }
  }
  return [...needed].sort();
}

/**
 * Asks the board to import each module and says which ones it lacks, with the `mip install`
 * that adds those micropython-lib provides. Called before a deploy replaces anything.
 */
export async function checkBoardModules(repl: RawRepl, modules: readonly string[]): Promise<void> {
  if (modules.length === 0) return;
  const code = [
    `for _m in ${JSON.stringify(modules)}:`,
    "    try:",
    "        __import__(_m)",
    "    except ImportError:",
    "        print(_m)",
  ].join("\n");
  const missing = (await repl.execOrThrow(code)).split(/\r?\n/).filter((line) => modules.includes(line));
  if (missing.length === 0) return;
  const installable = [...new Set(missing.map(micropythonLibPackage).filter((name): name is string => name !== undefined))];
  const hint =
    installable.length > 0
      ? `; install from micropython-lib with: mpremote mip install ${installable.join(" ")}` +
        ` (on the board, with network: import mip; ${installable.map((name) => `mip.install(${JSON.stringify(name)})`).join("; ")})`
      : "";
  throw new MissingBoardModules(`the board has no module ${missing.join(", ")}, which the program imports; nothing was replaced${hint}`);
}
