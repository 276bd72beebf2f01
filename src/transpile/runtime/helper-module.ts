import { readPythonHelper, withDependencies } from "../../python-helpers.js";
import { helperNames, type HelperName } from "./helper-names.js";

/** Name of the Python module that holds the runtime helpers a program uses. */
export const helperModuleName = "_tsmp";

function requirementsOf(name: HelperName): HelperName[] {
  return readPythonHelper(`src/transpile/runtime/${name}.py`).requires.map((required) => {
    const known = helperNames.find((helper) => helper === required);
    if (!known) throw new Error(`runtime helper ${name} requires ${required}, which is not a helper`);
    return known;
  });
}

/** The helpers asked for plus everything they require, dependencies first, in a stable order. */
export function resolveHelpers(used: Iterable<HelperName>): HelperName[] {
  return withDependencies([...used].sort(), requirementsOf);
}

/** The text of `_tsmp.py` holding exactly these helpers (and their dependencies). */
export function emitHelperModule(used: Iterable<HelperName>): string {
  return resolveHelpers(used)
    .map((name) => readPythonHelper(`src/transpile/runtime/${name}.py`).code)
    .join("\n\n\n")
    .concat("\n");
}
