import { ts } from "./typescript.js";

/**
 * Python modules a program imports without tsmp writing them: a local `.py` with a `.d.ts`
 * beside it (`src/drivers/bme280.py` + `bme280.d.ts`, imported as `./drivers/bme280`), and a
 * module the board has built in, frozen or installed with mip, declared ambiently:
 *
 *   declare module "board:umqtt.simple" { export class MQTTClient { … } }
 *   import { MQTTClient } from "board:umqtt.simple";   ⇒   from umqtt.simple import MQTTClient
 */
export const BOARD_MODULE_PREFIX = "board:";

const PYTHON_MODULE_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The Python module a `board:<name>` specifier names, or undefined when it is not one. */
export function boardModuleName(specifier: string): string | undefined {
  if (!specifier.startsWith(BOARD_MODULE_PREFIX)) return undefined;
  const name = specifier.slice(BOARD_MODULE_PREFIX.length);
  return PYTHON_MODULE_NAME.test(name) ? name : undefined;
}

/** `bme280.d.ts` → `bme280.py`: where the Python source a declaration file describes would be. */
export function pythonSourceBeside(declarationFile: string): string | undefined {
  return declarationFile.endsWith(".d.ts") ? declarationFile.slice(0, -".d.ts".length) + ".py" : undefined;
}

/** Whether `node` sits inside a `declare module "board:…" { … }` block. */
export function isInBoardModuleDeclaration(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current !== undefined; current = current.parent) {
    if (ts.isModuleDeclaration(current) && ts.isStringLiteral(current.name) && current.name.text.startsWith(BOARD_MODULE_PREFIX))
      return true;
  }
  return false;
}
