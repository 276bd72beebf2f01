import { ts } from "../typescript.js";
import type { Diagnostic } from "../diagnostics.js";

/**
 * TSMP11xx: the JavaScript library as tsmp maps it. Codes are explicit and never renumbered.
 * TSMP1101 (unsupported library member) is declared with the core's diagnostics in
 * ../diagnostics.ts; TSMP1102 (return value of a statement-only call) is retired.
 */

function at(node: ts.Node, code: string, message: string): Diagnostic {
  const sourceFile = node.getSourceFile();
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  return { code, category: "error", message, file: sourceFile.fileName, line: line + 1, column: character + 1 };
}

export const callbackArity = (node: ts.Node, member: string) =>
  at(
    node,
    "TSMP1103",
    `The callback of ${member} must declare its parameters (no rest parameter): Python passes exactly the arguments a function declares.`,
  );

export const logClassInstance = (node: ts.Node, className: string) =>
  at(
    node,
    "TSMP1104",
    `console.log of a ${className} instance is not supported: Node prints its fields in creation order, which MicroPython does not keep. Log the fields, or String(value) with a toString() method.`,
  );

export const logClassWithStatics = (node: ts.Node, className: string) =>
  at(
    node,
    "TSMP1104",
    `console.log of the class ${className} is not supported: Node lists its static fields after \`[class ${className}]\` in declaration order, which MicroPython does not keep. Log the fields, or ${className}.name.`,
  );

export const regExpRefused = (node: ts.Node, what: string) =>
  at(node, "TSMP1105", `This regular expression is not supported by tsmp: ${what}.`);

export const regExpAtRunTime = (node: ts.Node) =>
  at(
    node,
    "TSMP1143",
    "A regular expression built from a text known only when the program runs is not supported: tsmp compiles patterns when building. Write a literal (/…/) or a string constant, or test the text with includes(), indexOf() or split().",
  );

export const jsonReplacer = (node: ts.Node) =>
  at(node, "TSMP1107", "JSON.stringify with a replacer is not supported: pass null (an indent may follow).");

export const unsupportedArguments = (node: ts.Node, member: string) =>
  at(node, "TSMP1108", `${member} is not supported with these arguments.`);

export const functionText = (node: ts.Node) =>
  at(
    node,
    "TSMP1115",
    'A function or class converted to a string (String(f), `${f}`, "" + f) gives its source text in JavaScript, which a board does not have: print its name (f.name) instead.',
  );

export const arrayWithHoles = (node: ts.Node) =>
  at(
    node,
    "TSMP1109",
    "new Array(n) creates holes, which Python lists cannot have: use new Array(n).fill(value) or Array.from({ length: n }, f).",
  );

export const logError = (node: ts.Node) =>
  at(
    node,
    "TSMP1110",
    "console.log of an Error prints its stack trace on Node, which MicroPython cannot reproduce: log error.message (or String(error)).",
  );

export const jsonClassInstance = (node: ts.Node, className: string) =>
  at(
    node,
    "TSMP1112",
    `JSON.stringify of a ${className} instance is not supported: its fields would come out in MicroPython's order, not creation order. Give the class a toJSON() method returning an object literal.`,
  );

export const unorderedInstanceFields = (node: ts.Node, operation: string, className: string) =>
  at(
    node,
    "TSMP1112",
    `${operation} of a ${className} instance is not supported: its fields would come out in MicroPython's order, not creation order. Name the fields you need, or keep the data in an object literal or a Map.`,
  );

export const detachedObjectLiteralMethod = (node: ts.Node) =>
  at(
    node,
    "TSMP1113",
    `'${node.getText()}' takes a method that reads 'this' off its object without calling it: JavaScript gives a method the object it is later called on, while tsmp keeps it bound to the object literal that defined it. Call it where it is read, or make it an arrow function property.`,
  );

export const objectLiteralMethod = (node: ts.Node) =>
  at(
    node,
    "TSMP1113",
    "Methods reading 'this' in a record, with a computed name or reading 'super', are not supported ('this' would not be bound): use a class, or an arrow function property.",
  );

export const objectLiteralAccessor = (node: ts.AccessorDeclaration) =>
  at(
    node,
    "TSMP1113",
    `\`${ts.isGetAccessor(node) ? "get" : "set"} ${node.name.getText()}\`: getters and setters in object literals are only supported under a plain name Python can spell, in a literal with no spread or computed key that is not a record, and not reading 'super'. Use a class, or give the accessor a literal of its own.`,
  );

export const logFormatDirective = (node: ts.Node) =>
  at(node, "TSMP1114", "console.log with format directives (%s, %d, …) in its first argument is not supported: use a template literal.");

export const dynamicMethod = (node: ts.Node, valueText: string, member: string) =>
  at(
    node,
    "TSMP1120",
    `${member}() on '${valueText}', a value typed any, is not supported: tsmp cannot tell which library method it is. Declare the value's type (for example 'const s: string = …').`,
  );

export const objectMethodOnAny = (node: ts.Node, valueText: string, member: string, instead: string) =>
  at(
    node,
    "TSMP1120",
    `${member}() on '${valueText}', a value typed any, is not supported: tsmp's objects do not inherit Object.prototype's ${member}. Instead, ${instead}.`,
  );

export const unsupportedBinaryData = (node: ts.Node, reason: string) => at(node, "TSMP1121", `${reason}.`);

export const unsupportedPromise = (node: ts.Node, member: string, alternative: string) =>
  at(node, "TSMP1122", `${member} is not supported. Instead, ${alternative}.`);

export const dateObject = (node: ts.Node) =>
  at(
    node,
    "TSMP1123",
    "Date objects are not supported: MicroPython has no time zone or calendar tables. Date.now() gives milliseconds since the epoch; to time intervals use ticks_ms() and ticks_diff() from tsmp/time.",
  );

export const definePropertyUnsupported = (node: ts.Node, reason: string) =>
  at(
    node,
    "TSMP1130",
    `Object.defineProperty with ${reason} is not supported: MicroPython attributes cannot refuse a write or a delete, or run a getter. Only writable, configurable data properties (value, enumerable) are kept; for a computed or read-only property use a class with a getter (get name() { … }).`,
  );

export const normalizeAtRunTime = (node: ts.Node) =>
  at(
    node,
    "TSMP1131",
    "String.normalize of a value known only at run time is not supported: MicroPython has no Unicode normalization tables. Normalize the text before it reaches the board, or call normalize() on a string literal (tsmp normalizes it when building).",
  );

export const functionPropertyUnknown = (node: ts.PropertyAccessExpression, member: string) =>
  at(
    node,
    "TSMP1140",
    `\`${node.getText()}\`: a function's ${member} is only supported where the build can tell which function or class it is (one declared by name, a const holding one, or a literal): MicroPython functions carry no JavaScript ${member}.`,
  );

export const callOfUnknownFunction = (node: ts.PropertyAccessExpression) =>
  at(
    node,
    "TSMP1141",
    `\`${node.getText()}\`: call and apply of a method read off its object are not supported where the build cannot follow which one it is (a static method, one an interface or a type literal declares, a class method reading \`this\` held in a variable): its Python value is a method bound to its object or class, which cannot be given another \`this\`. Call it on its object (o.m(…)), or name the class's method where you call it (a.m.call(b)).`,
  );

export const detachedClassMethod = (node: ts.Node) =>
  at(
    node,
    "TSMP1142",
    `'${node.getText()}' takes a class method that reads 'this' off its object without calling it: JavaScript gives such a method the object it is later called on (undefined in a plain call), while tsmp's Python method stays bound to this object. Call it where it is read, bind it to its object (o.m.bind(o)), or wrap it in an arrow function.`,
  );

export const symbolValue = (node: ts.Node) =>
  at(
    node,
    "TSMP1101",
    `\`${node.getText()}\`: tsmp supports symbols made by Symbol(…) and Symbol.for(…), and Symbol.iterator as a method's name, not the library's other symbols or Symbol itself as a value.`,
  );

export const symbolKey = (node: ts.Node) =>
  at(
    node,
    "TSMP1101",
    `\`${node.getText()}\`: a symbol as a property key is not supported: tsmp keys the properties of objects and classes by strings, so Object.keys and JSON.stringify would list it. Key a Map by the symbol, or use a string constant as the key.`,
  );

export const functionValueUnmapped = (node: ts.Node, value: string, name: string, arrow: string) =>
  at(
    node,
    "TSMP1144",
    `${value} used as a value (not called) is not supported: tsmp maps ${value === name ? "it" : name} where it is called with its arguments written out. Wrap it in an arrow: ${arrow}.`,
  );

export const detachedLibraryMethod = (node: ts.Node, text: string, member: string, arrow: string) =>
  at(
    node,
    "TSMP1144",
    `\`${text}\` used as a value (not called) loses its object: JavaScript calls ${member} taken off its object without a \`this\`, which throws a TypeError. Wrap it in an arrow: ${arrow}.`,
  );
