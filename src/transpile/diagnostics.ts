import { ts } from "./typescript.js";
import { facadeModules } from "./facades.js";

/** One problem found in the user's program (a TypeScript error or a construct tsmp rejects). */
export interface Diagnostic {
  code: string;
  category: "error" | "warning";
  message: string;
  file?: string;
  /** 1-based */
  line?: number;
  /** 1-based */
  column?: number;
}

function at(node: ts.Node, code: string, message: string): Diagnostic {
  const sourceFile = node.getSourceFile();
  const start = node.getStart(sourceFile);
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(start);
  return { code, category: "error", message, file: sourceFile.fileName, line: line + 1, column: character + 1 };
}

/** A TypeScript diagnostic, reported with its own code (`TS2322`). */
export function fromTypeScript(diagnostic: ts.Diagnostic): Diagnostic {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
  const category = diagnostic.category === ts.DiagnosticCategory.Error ? "error" : "warning";
  const result: Diagnostic = { code: `TS${diagnostic.code}`, category, message };
  if (diagnostic.file && diagnostic.start !== undefined) {
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    result.file = diagnostic.file.fileName;
    result.line = line + 1;
    result.column = character + 1;
  }
  return result;
}

// Codes are explicit and never renumbered: scripts and docs refer to them.
// TSMP10xx: core syntax.

export const unsupportedSyntax = (node: ts.Node) => at(node, "TSMP1001", `${describeKind(node)} is not supported by tsmp yet.`);

export const unsupportedOperator = (node: ts.Node, operator: string) =>
  at(node, "TSMP1002", `The operator '${operator}' is not supported by tsmp yet.`);

export const functionProperty = (node: ts.PropertyAccessExpression) =>
  at(
    node,
    "TSMP1030",
    `Properties on functions ('${node.getText()}') are not supported: MicroPython functions cannot hold attributes. Keep the value in an object or a class instead.`,
  );

export const arrayElementDelete = (node: ts.Node) =>
  at(
    node,
    "TSMP1040",
    "Deleting an array element is not supported: a MicroPython list has no holes. Remove it with splice(i, 1), or store undefined in its place.",
  );

export const globalObject = (node: ts.Node) =>
  at(
    node,
    "TSMP1041",
    "'globalThis' is not supported: MicroPython has no global object. Import what you need from its module, or keep shared values in an object of your own.",
  );

export const argumentsObject = (node: ts.Node) =>
  at(
    node,
    "TSMP1043",
    "The 'arguments' object is not supported: a MicroPython function has no such object. Declare a rest parameter (...args) instead.",
  );

export const interfaceExtendingArray = (node: ts.InterfaceDeclaration) =>
  at(
    node.name,
    "TSMP1048",
    `The interface '${node.name.text}' extends an array type, which tsmp does not map: its values are not known to be lists. Write the array type itself (number[]), or a type alias of it (type ${node.name.text} = number[]).`,
  );

export const setterOnlyRead = (node: ts.Node, name: string) =>
  at(
    node,
    "TSMP1044",
    `'${name}' has a setter but no getter: reading it gives undefined in JavaScript, whatever its type says. Add a getter, or keep the value in a field.`,
  );

export const classWithStaticAccessorsAsValue = (node: ts.Node, name: string) =>
  at(
    node,
    "TSMP1045",
    `'${name}' has static getters or setters, and is used here as a value: tsmp calls a static accessor by name where it reads 'Class.x' (MicroPython classes cannot have class-level properties), not through another type. Read its members where the class is named.`,
  );

export const classWithHasInstanceAsValue = (node: ts.Node, name: string) =>
  at(
    node,
    "TSMP1045",
    `'${name}' has a static [Symbol.hasInstance], and is used here as a value: tsmp calls it in 'x instanceof C' where the checker sees it on C's type, so a holder of another type would test with Python's isinstance instead. Name the class in the instanceof.`,
  );

export const classWithStaticsStoredApartAsValue = (node: ts.Node, name: string) =>
  at(
    node,
    "TSMP1045",
    `'${name}' has a static member named like an instance method, and is used here as a value: tsmp stores such a static under a name of its own (a Python class has one namespace for both), which it uses where it reads 'Class.x', not through another type. Read its members where the class is named.`,
  );

export const dictAssertedAsObject = (node: ts.Node) =>
  at(
    node,
    "TSMP1042",
    `'${node.getText()}' asserts that a value which may be a dict (a record type, such as what json.loads gives) is an object: tsmp reads an object's properties as attributes and a dict's keys with [], and an assertion converts nothing. Keep the record type and read it with value["key"], or build the object from it.`,
  );

export const thisOutsideClass = (node: ts.Node) =>
  at(
    node,
    "TSMP1003",
    "'this' is only supported inside class methods and constructors, functions that declare a 'this' parameter, and arrow functions within them.",
  );

export const topLevelAwait = (node: ts.Node) =>
  at(node, "TSMP1004", "Top-level 'await' is not possible in MicroPython: call asyncio.run(main()) instead.");

export const floatingPromise = (node: ts.Node) =>
  at(
    node,
    "TSMP1006",
    "This async call's promise is dropped. JavaScript starts it here, and tsmp does the same only for an async function, method or arrow function declared in this module (a MicroPython coroutine never awaited never runs): await it where it is called, or hand it to asyncio.create_task.",
  );

export const asyncCallStartedLate = (node: ts.Node, kept: "stored in a variable" | "collected into an array") =>
  at(
    node,
    "TSMP1006",
    `This async call is ${kept} to be awaited later. JavaScript starts it here, at the call; tsmp starts it here only for an async function, method or arrow function declared in this module, and would start this one only where it is awaited, after the code in between. Await the call where it is made, or start it explicitly with asyncio.create_task (it then starts at asyncio's next scheduling pass, not here).`,
  );

export const asyncCallBesideAsyncio = (node: ts.Node) =>
  at(
    node,
    "TSMP1006",
    "An async call at the top level of a module using asyncio: MicroPython runs asyncio's loop only inside asyncio.run, so the call would stop at its first asyncio wait. Write asyncio.run(main()) instead.",
  );

export const sideEffectInShortCircuit = (node: ts.Node) =>
  at(
    node,
    "TSMP1007",
    "This expression needs statements of its own (an increment, an assignment or a block-bodied arrow function) in a place that runs conditionally; move it into its own statement.",
  );

export const privateName = (node: ts.Node) =>
  at(node, "TSMP1008", "ECMAScript private names (#name) are not supported: use the 'private' modifier instead.");

export const enumReverseMapping = (node: ts.Node, name: string) =>
  at(
    node,
    "TSMP1009",
    `Indexing the enum ${name} with a value that may name none of its members (or writing to it) is not supported: ` +
      `index it with a value of type ${name} (a member, or a variable declared as ${name}) or with a name typed keyof typeof ${name}.`,
  );

export const computedEnumMember = (node: ts.EnumMember) => {
  const name = node.name.getText();
  const initializer = node.initializer?.getText().split("\n")[0]!.slice(0, 40);
  return at(
    node,
    "TSMP1010",
    initializer === undefined
      ? "Enum members must have constant values (numbers or strings)."
      : `Enum member '${name}' is computed when the program runs (\`${initializer}\`): tsmp builds an enum from constants (its object and reverse mappings are made when building). Give '${name}' a constant value, or compute it outside the enum (\`const ${name} = ${initializer};\`) and group the values in a const object (\`const E = { ${name}, … } as const;\`).`,
  );
};

export const mergedEnumAsValue = (node: ts.Node, name: string) =>
  at(
    node,
    "TSMP1053",
    `Using the enum ${name} as a value of its own (printed, listed, passed on) is not supported: a namespace adds members to it, which tsmp keeps on its class, not in JavaScript's enum object. Read its members (${name}.X), or move the namespace's members elsewhere.`,
  );

export const unsupportedDecorator = (node: ts.Node, kind: string) =>
  at(
    node,
    "TSMP1001",
    `${kind} decorators (\`${node.getText()}\`) are not supported by tsmp yet: class, method, getter, setter and field decorators are.`,
  );

export const untypedMemberDecorator = (node: ts.Node) =>
  at(
    node,
    "TSMP1001",
    `This decorator (\`${node.getText()}\`) returns a value whose type does not say whether it is a function declaring \`this\`: give the decorator a return type.`,
  );

export const unsupportedClassMember = (node: ts.Node, what: string) =>
  at(node, "TSMP1011", `${what} in classes are not supported by tsmp yet.`);

export const staticAccessorOverridingField = (node: ts.Node) =>
  at(
    node,
    "TSMP1011",
    "A static getter or setter replacing a base class's static field or method is not supported by tsmp yet: MicroPython classes cannot have class-level properties, so a read the checker resolves to the base's field (`this.x` in its static methods) would not call it. Make the base's member an accessor too, or give the derived class's member another name.",
  );

export const superInStaticBlock = (node: ts.Node) =>
  at(node, "TSMP1011", "`super` in a static block is not supported by tsmp yet: name the base class instead (`Base.x`).");

export const staticInitializationInDecoratedClass = (node: ts.Node) =>
  at(
    node,
    "TSMP1011",
    "Static blocks and static fields initialised from their class are not supported by tsmp in a decorated class yet: set the values after the class.",
  );

export const unorderedComputedPattern = (node: ts.Node) =>
  at(
    node,
    "TSMP1001",
    `\`${node.getText()}\`: a pattern with computed keys is only supported where its defaults and targets are plain (names, properties of names, calls without assignments inside): tsmp could not keep JavaScript's order here. Read the value into a variable first, then take the properties one by one.`,
  );

export const closingIterator = (node: ts.Node) =>
  at(
    node,
    "TSMP1011",
    "An iterator with a return() method is not supported: JavaScript calls it when a for…of loop ends early, which a Python loop cannot tell it. Drop return() and release what it held after the loop, or write the iterator as a generator (function*).",
  );

export const numericClassMember = (node: ts.Node) =>
  at(
    node,
    "TSMP1011",
    `Numeric names on getters, setters and decorated members (\`${node.getText()}\`) are not supported: tsmp names their Python functions after the member, which a number cannot name. Give the member a name (fields and methods may be numbered).`,
  );

export const nonIdentifierClassMember = (node: ts.Node, name: string) =>
  at(
    node,
    "TSMP1054",
    `A getter, setter or decorated member named ${JSON.stringify(name)} is not supported: tsmp names their Python functions after the member, which must be an identifier for that. Give the member an identifier name (fields and methods may have any name).`,
  );

export const arrayHole = (node: ts.Node) =>
  at(
    node,
    "TSMP1001",
    "Array holes (`[1, , 3]`) are not supported: a MicroPython list has no holes. Write undefined in the gap, or build the array with push or fill.",
  );

export const usingDeclaration = (node: ts.VariableDeclarationList) =>
  (node.flags & ts.NodeFlags.AwaitUsing) === ts.NodeFlags.AwaitUsing
    ? at(
        node,
        "TSMP1001",
        "`await using` declarations are not supported by tsmp yet: declare the value with const and await its [Symbol.asyncDispose]() in a finally block.",
      )
    : at(
        node,
        "TSMP1001",
        "`using` declarations in a `for` head are not supported by tsmp yet: declare the value in the loop's body ({ using r = …; … }), which disposes of it at the end of each pass.",
      );

export const unsupportedAssignmentTarget = (node: ts.Node) =>
  at(
    node,
    "TSMP1012",
    `Assigning to '${node.getText()}' is not supported by tsmp: assign to a variable, a property (o.p) or an element (o[k]).`,
  );

export const superPropertyAccess = (node: ts.Node) =>
  at(node, "TSMP1014", "'super' can only be called (super(...)) or used to call a method (super.method(...)).");

export const loopVariableAssignedInClosure = (node: ts.Node, name: string) =>
  at(
    node,
    "TSMP1019",
    `This function assigns '${name}', a variable of the enclosing loop: each JS iteration has its own '${name}', a Python closure would share one. Move the function out of the loop.`,
  );

export const catchBindingPattern = (node: ts.Node) => at(node, "TSMP1018", "Destructuring in a catch clause is not supported.");

// TSMP11xx: library / builtins.

export const unsupportedLibraryMember = (node: ts.Node, member: string) => at(node, "TSMP1101", `${member} is not supported by tsmp yet.`);

// TSMP1102 (the return value of a statement-only call, Array.push's) is retired: push's value is supported.

// TSMP12xx: facade modules and imports.

export const nodeOnlyModule = (node: ts.Node, specifier: string) =>
  at(node, "TSMP1201", `'${specifier}' runs on Node only (for tests); it cannot be imported by board code.`);

export const unknownFacadeModule = (node: ts.Node, specifier: string) =>
  at(node, "TSMP1202", `'${specifier}' is not a tsmp module (known: ${Object.keys(facadeModules).join(", ")}).`);

export const packageImport = (node: ts.Node, specifier: string) =>
  at(
    node,
    "TSMP1203",
    `Cannot import '${specifier}': board code may import tsmp/* modules, local files ('./x') and board modules declared as 'board:<module>' only.`,
  );

export const unsupportedImportForm = (node: ts.Node, what: string) =>
  at(node, "TSMP1204", `${what} is not supported: use 'import { a } from ...' or 'import * as m from ...'.`);

export const keywordArgumentsNotLiteral = (node: ts.Node) =>
  at(node, "TSMP1205", "Keyword arguments (KwArgs) must be written as an object literal at the call.");

export const importOutsideRoot = (node: ts.Node, specifier: string) =>
  at(node, "TSMP1206", `Cannot import '${specifier}': it is outside the project's source root.`);

export const moduleNameClash = (file: ts.SourceFile, module: string) =>
  at(
    file.statements[0] ?? file,
    "TSMP1208",
    `This file becomes the Python module '${module}', which is also a MicroPython built-in module; rename the file.`,
  );

export const invalidModuleName = (node: ts.Node, segment: string) =>
  at(
    node,
    "TSMP1210",
    `'${segment}' cannot be a Python module name (Python imports identifiers that are not keywords); rename the file or folder, e.g. '${segment.replace(/[^A-Za-z0-9_]/g, "_").replace(/^(?=\d)/, "_")}${/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment) ? "_" : ""}'.`,
  );

export const importAliasOfModule = (node: ts.Node, name: string) =>
  at(
    node,
    "TSMP1211",
    `An import alias through the module namespace '${name}' (import * as ${name}) is not supported: read ${name}.x where you need it, or import the member by name (import { x } from …).`,
  );

export const badBoardModuleName = (node: ts.Node, specifier: string) =>
  at(node, "TSMP1209", `'${specifier}' does not name a Python module: write 'board:' and the module's dotted name ('board:umqtt.simple').`);

export const namespaceMergedWithFunction = (node: ts.Node) =>
  at(
    node,
    "TSMP1020",
    "A namespace merged with a function is not supported: MicroPython functions cannot hold properties. Use a separate namespace or a class with static members.",
  );

export const asyncGenerator = (node: ts.Node) =>
  at(
    node,
    "TSMP1021",
    "Async generators (async function*) and for await…of are not supported: MicroPython has no async generators. Return an array from an async function, or pass values through an asyncio queue or a callback.",
  );

export const unlabeledJumpOutOfLabeledBlock = (node: ts.Node) =>
  at(
    node,
    "TSMP1022",
    "An unlabeled break or continue that leaves a labeled block is not supported (the block becomes a loop that runs once, which it would stop instead): label the enclosing loop and name it.",
  );

export const unsupportedExport = (node: ts.Node) =>
  at(node, "TSMP1207", "'export =' (a CommonJS export) is not supported: export declarations by name, or use 'export default'.");

// `ts.SyntaxKind` has aliases (FirstStatement = VariableStatement); keep the real names.
const kindNames = new Map<number, string>();
for (const [key, value] of Object.entries(ts.SyntaxKind)) {
  if (typeof value === "number" && !/^(First|Last)/.test(key) && !kindNames.has(value)) kindNames.set(value, key);
}

/** Constructs named as a programmer would call them, where the syntax kind's name would not. */
const userWords: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.ClassExpression]: "class expression",
  [ts.SyntaxKind.TaggedTemplateExpression]: "tagged template",
  [ts.SyntaxKind.RegularExpressionLiteral]: "regular expression",
  [ts.SyntaxKind.BigIntLiteral]: "BigInt literal",
  [ts.SyntaxKind.MetaProperty]: "meta property",
  [ts.SyntaxKind.ImportEqualsDeclaration]: "import alias",
  [ts.SyntaxKind.LabeledStatement]: "labeled statement",
  [ts.SyntaxKind.ModuleDeclaration]: "module declaration",
  [ts.SyntaxKind.ClassStaticBlockDeclaration]: "static block",
  [ts.SyntaxKind.YieldExpression]: "yield",
  [ts.SyntaxKind.Decorator]: "decorator",
};

function describeKind(node: ts.Node): string {
  const isGenerator =
    (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isMethodDeclaration(node)) && node.asteriskToken;
  const words = isGenerator
    ? "generator"
    : (userWords[node.kind] ?? (kindNames.get(node.kind) ?? "construct").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase());
  return `This ${words} (\`${node.getText().split("\n")[0]!.slice(0, 40)}\`)`;
}
