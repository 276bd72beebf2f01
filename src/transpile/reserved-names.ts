import { readdirSync } from "node:fs";
import { packagePath } from "../package-paths.js";

/**
 * Names a TypeScript identifier may use but a Python one may not (keywords), or should not
 * (builtins the emitted code relies on, like `print` and `len`; `self` and `cls`, which the
 * emitted methods use; the runtime helpers). User declarations with these names get a
 * trailing underscore.
 */
const pythonKeywords = new Set([
  "False",
  "None",
  "True",
  "and",
  "as",
  "assert",
  "async",
  "await",
  "break",
  "class",
  "continue",
  "def",
  "del",
  "elif",
  "else",
  "except",
  "finally",
  "for",
  "from",
  "global",
  "if",
  "import",
  "in",
  "is",
  "lambda",
  "nonlocal",
  "not",
  "or",
  "pass",
  "raise",
  "return",
  "try",
  "while",
  "with",
  "yield",
]);

const pythonBuiltins = new Set([
  "abs",
  "all",
  "any",
  "bin",
  "bool",
  "bytearray",
  "bytes",
  "callable",
  "chr",
  "classmethod",
  "cls",
  "compile",
  "dict",
  "dir",
  "divmod",
  "enumerate",
  "eval",
  "exec",
  "filter",
  "float",
  "getattr",
  "globals",
  "hasattr",
  "hash",
  "hex",
  "id",
  "input",
  "int",
  "isinstance",
  "issubclass",
  "iter",
  "len",
  "list",
  "locals",
  "map",
  "max",
  "memoryview",
  "min",
  "next",
  "object",
  "oct",
  "open",
  "ord",
  "pow",
  "print",
  "property",
  "range",
  "repr",
  "reversed",
  "round",
  "self",
  "set",
  "setattr",
  "slice",
  "sorted",
  "staticmethod",
  "str",
  "sum",
  "super",
  "tuple",
  "type",
  "zip",
  "BaseException",
  "Exception",
  "ArithmeticError",
  "AssertionError",
  "AttributeError",
  "EOFError",
  "ImportError",
  "IndexError",
  "KeyError",
  "KeyboardInterrupt",
  "LookupError",
  "MemoryError",
  "NameError",
  "NotImplementedError",
  "OSError",
  "OverflowError",
  "RuntimeError",
  "StopIteration",
  "SyntaxError",
  "SystemExit",
  "TypeError",
  "ValueError",
  "ZeroDivisionError",
]);

/** The runtime helpers (`js_div`, `JsObject` …) a module may import from `_tsmp`. */
const helperNames = new Set(
  readdirSync(packagePath("src", "transpile", "runtime"))
    .filter((file) => file.endsWith(".py"))
    .map((file) => file.slice(0, -".py".length)),
);

/** `$` is a letter in JavaScript names, not in Python's. */
function withoutDollar(name: string): string {
  return name.replaceAll("$", "_dollar_");
}

/** Whether a file name can be a Python module's name (`my_utils`, not `my-utils` or `import`). */
export function isPythonModuleName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !pythonKeywords.has(name);
}

/** The Python name for a user-declared identifier. */
export function pythonSafeName(jsName: string): string {
  const name = withoutDollar(jsName);
  return pythonKeywords.has(name) || pythonBuiltins.has(name) || helperNames.has(name) || name === "_tsmp" ? `${name}_` : name;
}

/**
 * Whether an attribute name is Python's to interpret: `__init__`, `__eq__`, `__len__` … would
 * become the constructor or an operator of the class instead of an ordinary method.
 */
function isDunder(name: string): boolean {
  return name.length > 4 && name.startsWith("__") && name.endsWith("__");
}

/**
 * The Python name for an attribute: only keywords are impossible after a dot, and names of
 * the `__x__` form are Python's own. Both get a trailing underscore (`from_`, `__init___`); a
 * keyword with trailing underscores gets one more too (`from_` → `from__`), so the runtime
 * (`js_key.py`) can show every attribute under its JavaScript name again.
 */
export function pythonSafeAttribute(jsName: string): string {
  const name = withoutDollar(jsName);
  return pythonKeywords.has(name.replace(/_+$/, "")) || isDunder(name) ? `${name}_` : name;
}
