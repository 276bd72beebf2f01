import * as py from "../python-ast.js";
import type { PropertyMappings } from "./registry.js";

export const stringProperties: PropertyMappings = {
  length: (_node, _context, receiver) => py.call(py.name("len"), [receiver]),
};
