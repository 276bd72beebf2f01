import { ts } from "../typescript.js";
import * as py from "../python-ast.js";
import type { CallMappings, PropertyMappings } from "./mapping.js";

/**
 * The context a class or member decorator gets (runtime js_decorate_class,
 * js_decorate_method, js_decorate_accessor, js_decorate_field) is an object literal: its plain properties are attributes. `access` and
 * `metadata` are not given, so they stay unsupported members.
 */
const attribute =
  (name: string) =>
  (_node: ts.PropertyAccessExpression, _context: unknown, receiver: py.Expression): py.Expression =>
    py.attribute(receiver, name);

export const classContextProperties: PropertyMappings = { kind: attribute("kind"), name: attribute("name") };

/** A method's, accessor's or field's context. */
export const memberContextProperties: PropertyMappings = {
  ...classContextProperties,
  static: attribute("static"),
  private: attribute("private"),
};

/**
 * `context.addInitializer(f)`: the runtime calls every initializer with the class; `f` takes it
 * as `this=` when it declares `this` (see this-call.ts), and never reads it otherwise.
 */
export const classContextCalls: CallMappings = {
  addInitializer: (node, context, receiver) => {
    const [initializer] = node.arguments;
    const value = initializer ? context.transformExpression(initializer) : py.none();
    const type = initializer ? context.checker.getTypeAtLocation(initializer) : undefined;
    const declaresThis = type ? context.checker.getSignaturesOfType(type, ts.SignatureKind.Call).some((each) => each.thisParameter) : false;
    const call = declaresThis ? py.call(value, [], [{ name: "this", value: py.name("decorated_class") }]) : py.call(value);
    return py.call(py.attribute(receiver, "addInitializer"), [py.lambda([{ name: "decorated_class" }], call)]);
  },
};
