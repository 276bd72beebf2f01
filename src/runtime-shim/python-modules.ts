/**
 * On Node, a Python module the program imports (a local `.py` driver, a `board:` module) has no
 * implementation of its own: a test stands in for it (tsmp/testing's `modules` option), and the
 * program's import reads the stand-in from here. Not part of the facade.
 */
import { TsmpError } from "../errors.js";

/** A Python module imported on Node while nothing stands in for it. */
export class NoPythonImplementation extends TsmpError {}

const slot = Symbol.for("tsmp.pythonModuleStandIns");
type StandInHolder = { [slot]?: ReadonlyMap<string, object> };

/** Sets the stand-ins for the next program run (by Python module name: "drivers.bme280"). */
export function setPythonStandIns(standIns: Readonly<Record<string, object>> | undefined): void {
  (globalThis as StandInHolder)[slot] = new Map(Object.entries(standIns ?? {}));
}

/**
 * The stand-in for Python module `name`; `origin` says where the program got it (its `.py`, or
 * its `board:` declaration) for the message when there is none.
 */
export function pythonModule(name: string, origin: string): Record<string, unknown> {
  const standIn = (globalThis as StandInHolder)[slot]?.get(name);
  if (standIn === undefined) {
    throw new NoPythonImplementation(
      `${name} is a Python module (${origin}) and has no implementation on Node: run the program with --target micropython, ` +
        `or test it with tsmp/testing's runProgram(…, { modules: { "${name}": … } })`,
    );
  }
  return standIn as Record<string, unknown>;
}

/** One export of a stand-in; one it lacks fails when used, naming what is missing. */
export function pythonModuleMember(module: Record<string, unknown>, moduleName: string, name: string): unknown {
  if (name in module) return module[name];
  // A function expression, not an arrow: a Proxy can only trap `new` on a constructible target.
  const missing = function (): never {
    throw new NoPythonImplementation(`the stand-in for Python module ${moduleName} has no '${name}'`);
  };
  return new Proxy(missing, { construct: missing, get: missing });
}
