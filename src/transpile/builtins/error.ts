import * as py from "../python-ast.js";
import type { PropertyMappings } from "./registry.js";

export const errorProperties: PropertyMappings = {
  /** A Python exception's message is its string form (`str(Exception("x"))` is `"x"`). */
  message: (_node, _context, receiver) => py.call(py.name("str"), [receiver]),
};
