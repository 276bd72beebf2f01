import {
  ModuleDeclarationKind,
  Project,
  VariableDeclarationKind,
  type ParameterDeclarationStructure,
  type OptionalKind,
  type StatementedNode,
} from "ts-morph";
import type { PythonConstant, PythonFunction, PythonOutline, PythonParameter } from "./python-outline.js";

const SIMPLE_TYPES: Readonly<Record<string, string>> = {
  int: "number",
  float: "number",
  complex: "number",
  str: "string",
  bool: "boolean",
  bytes: "Uint8Array",
  bytearray: "Uint8Array",
  memoryview: "Uint8Array",
  None: "null",
  object: "unknown",
  Any: "unknown",
};

/** A Python type hint as TypeScript; what has no counterpart is `unknown`. */
export function typeScriptType(hint: string | undefined): string {
  if (hint === undefined) return "unknown";
  const text = hint.trim().replace(/^["']|["']$/g, "");
  if (text.includes("|")) return [...new Set(text.split("|").map((part) => typeScriptType(part)))].join(" | ");
  const generic = /^(?:typing\.)?(\w+)\[(.*)\]$/.exec(text);
  if (generic) {
    const [, name, inner] = generic;
    if (name === "Optional") return `${typeScriptType(inner)} | null`;
    if (name === "Union") return [...new Set(inner!.split(",").map((part) => typeScriptType(part)))].join(" | ");
    if (name === "List" || name === "list" || name === "Sequence") return `${wrap(typeScriptType(inner))}[]`;
    if (name === "Tuple" || name === "tuple")
      return inner!.includes("...")
        ? `${wrap(typeScriptType(inner!.split(",")[0]))}[]`
        : `[${inner!
            .split(",")
            .map((part) => typeScriptType(part))
            .join(", ")}]`;
    if (name === "Dict" || name === "dict") return `Record<string, ${typeScriptType(inner!.split(",")[1])}>`;
    return "unknown";
  }
  if (text === "list" || text === "tuple") return "unknown[]";
  if (text === "dict") return "Record<string, unknown>";
  return SIMPLE_TYPES[text] ?? "unknown";
}

function wrap(type: string): string {
  return type.includes(" ") ? `(${type})` : type;
}

/** The type of a constant from its annotation or the literal assigned. */
function constantType(constant: PythonConstant): string {
  return constant.annotation !== undefined ? typeScriptType(constant.annotation) : literalType(constant.value);
}

/** The type of a literal (`0x76`, `const(3)`, `"x"`, `True`); `unknown` for anything else. */
function literalType(text: string): string {
  const value = text.replace(/^const\((.*)\)$/, "$1").trim();
  if (/^-?(0[xob][0-9a-f_]+|\d[\d_]*(\.\d*)?(e-?\d+)?)$/i.test(value)) return "number";
  if (/^[bB]["']/.test(value)) return "Uint8Array";
  if (/^[rRuUfF]?["']/.test(value)) return "string";
  if (value === "True" || value === "False") return "boolean";
  return "unknown";
}

const isPublic = (name: string) => !name.startsWith("_");

/**
 * Parameters in the facade's convention: positional ones in order (a default makes one
 * optional), `*args` as a rest parameter, keyword-only ones in a trailing `KwArgs<{…}>` object.
 */
function parameters(list: PythonParameter[], state: { usesKwArgs: boolean }): OptionalKind<ParameterDeclarationStructure>[] {
  const positional = list.filter((parameter) => parameter.kind === "positional");
  const keywords = list.filter((parameter) => parameter.kind === "keyword");
  const varargs = list.find((parameter) => parameter.kind === "varargs");
  // After an optional parameter TypeScript allows no required one: Python's order allows it only with defaults too.
  const typeOf = (parameter: PythonParameter) =>
    parameter.annotation === undefined && parameter.defaultValue !== undefined
      ? literalType(parameter.defaultValue)
      : typeScriptType(parameter.annotation);
  const result: OptionalKind<ParameterDeclarationStructure>[] = positional.map((parameter) => ({
    name: parameter.name,
    type: typeOf(parameter),
    hasQuestionToken: parameter.hasDefault,
  }));
  if (varargs) result.push({ name: varargs.name, type: `${wrap(typeScriptType(varargs.annotation))}[]`, isRestParameter: true });
  else if (keywords.length > 0) {
    state.usesKwArgs = true;
    const members = keywords.map((parameter) => `${parameter.name}${parameter.hasDefault ? "?" : ""}: ${typeOf(parameter)}`);
    result.push({
      name: "options",
      type: `KwArgs<{ ${members.join("; ")} }>`,
      hasQuestionToken: keywords.every((parameter) => parameter.hasDefault),
    });
  }
  return result;
}

function returnType(fn: PythonFunction): string {
  const type = fn.returns === "None" ? "void" : typeScriptType(fn.returns);
  return fn.isAsync ? `Promise<${type}>` : type;
}

function addOutline(target: StatementedNode, outline: PythonOutline, state: { usesKwArgs: boolean }): void {
  for (const constant of outline.constants.filter((c) => isPublic(c.name))) {
    target.addVariableStatement({
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: constant.name, type: constantType(constant) }],
    });
  }
  for (const fn of outline.functions.filter((f) => isPublic(f.name))) {
    target.addFunction({ isExported: true, name: fn.name, parameters: parameters(fn.parameters, state), returnType: returnType(fn) });
  }
  for (const cls of outline.classes.filter((c) => isPublic(c.name))) {
    // A base class declared in the same module carries over; others (Exception, a C type) do not.
    const base = cls.bases.find((name) => outline.classes.some((other) => other.name === name && isPublic(name)));
    const declaration = target.addClass({ isExported: true, name: cls.name, extends: base });
    for (const constant of cls.constants.filter((c) => isPublic(c.name))) {
      declaration.addProperty({ isStatic: true, isReadonly: true, name: constant.name, type: constantType(constant) });
    }
    const init = cls.methods.find((method) => method.name === "__init__");
    if (init) declaration.addConstructor({ parameters: parameters(init.parameters.slice(1), state) });
    for (const method of cls.methods.filter((m) => isPublic(m.name))) {
      const isStatic = method.decorators.includes("staticmethod") || method.decorators.includes("classmethod");
      const own = method.decorators.includes("staticmethod") ? method.parameters : method.parameters.slice(1);
      if (method.decorators.includes("property")) {
        declaration.addProperty({ isReadonly: true, name: method.name, type: returnType(method) });
        continue;
      }
      declaration.addMethod({ isStatic, name: method.name, parameters: parameters(own, state), returnType: returnType(method) });
    }
  }
}

/**
 * A TypeScript declaration of `outline`: for a local `.py` (its `.d.ts`), or, given
 * `boardModule`, an ambient `declare module "board:<name>"` block.
 */
export function declarationText(outline: PythonOutline, options: { boardModule?: string; header: string }): string {
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile("stub.d.ts", "");
  const state = { usesKwArgs: false };
  const kwArgsImport = { isTypeOnly: true, namedImports: ["KwArgs"], moduleSpecifier: "tsmp/kwargs" };
  if (options.boardModule !== undefined) {
    const module = file.addModule({
      name: JSON.stringify(`board:${options.boardModule}`),
      hasDeclareKeyword: true,
      declarationKind: ModuleDeclarationKind.Module,
    });
    addOutline(module, outline, state);
    if (state.usesKwArgs) module.insertImportDeclaration(0, kwArgsImport);
  } else {
    addOutline(file, outline, state);
    if (state.usesKwArgs) file.insertImportDeclaration(0, kwArgsImport);
  }
  file.insertStatements(0, options.header);
  file.formatText({ indentSize: 2 });
  return file.getFullText();
}
