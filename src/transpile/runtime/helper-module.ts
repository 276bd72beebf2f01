import { readPythonHelper, withDependencies } from "../../python-helpers.js";
import { helperNames, type HelperName } from "./helper-names.js";

/** Name of the Python module that holds the runtime helpers a program uses. */
export const helperModuleName = "_tsmp";

/**
 * Helpers emitted as a module of their own, `_tsmp_<name>.py`, which the helper needing them
 * imports inside its body when it first runs: a program that never takes that path never
 * compiles them. On native MicroPython, `float_str`'s 1.2 KiB of source alone doubled the
 * smallest heap a program printing only integers runs in. `to_num_obj` (Number() of an array or
 * an object) is as rare in a program that converts strings.
 */
const ownModuleHelpers: ReadonlySet<HelperName> = new Set(["float_str", "to_num_obj"]);

/** Whether a built file is one of the helper modules (not the user's, not copied as it is). */
export function isHelperModulePath(path: string): boolean {
  return path === `${helperModuleName}.py` || [...ownModuleHelpers].some((name) => path === `${helperModuleName}_${name}.py`);
}

function requirementsOf(name: HelperName): HelperName[] {
  return readPythonHelper(`src/transpile/runtime/${name}.py`).requires.map((required) => {
    const known = helperNames.find((helper) => helper === required);
    if (!known) throw new Error(`runtime helper ${name} requires ${required}, which is not a helper`);
    return known;
  });
}

/**
 * The helpers asked for plus everything they require, dependencies first, in a stable order.
 * js_new builds a typed array through typed_view, needed only when the program has a typed
 * array class a value could hold (requiring it always would load the typed arrays into every
 * program with a `new` of an `any`).
 */
export function resolveHelpers(used: Iterable<HelperName>): HelperName[] {
  const names = withDependencies([...used].sort(), requirementsOf);
  const typedViewWanted = names.includes("js_new") && names.includes("TypedArray") && !names.includes("typed_view");
  return typedViewWanted ? resolveHelpers([...names, "typed_view"]) : names;
}

/**
 * The helper modules holding exactly these helpers (and their dependencies): `_tsmp.py`, and
 * `_tsmp_<name>.py` for each helper loaded on first use. Given the program's own modules, the
 * big runtime classes keep only the members some code names: the whole typed-array class
 * compiles to ~55 KiB of heap on a board, a program uses a few of its methods, and a class
 * without properties also reads its attributes faster.
 */
export function emitHelperModules(used: Iterable<HelperName>, program?: readonly string[]): { path: string; text: string }[] {
  const names = resolveHelpers(used);
  const shared = names.filter((name) => !ownModuleHelpers.has(name));
  const chunks = shared.map((name) => readPythonHelper(`src/transpile/runtime/${name}.py`).code);
  // A value typed any reaches members by a name known only at run time: keep every member.
  const dynamic = names.some((name) => name === "js_get" || name === "any_call");
  const pruned = program === undefined || dynamic ? chunks : pruneClassMembers(chunks, program);
  const modules = pruned.length > 0 ? [{ path: `${helperModuleName}.py`, text: pruned.join("\n\n\n").concat("\n") }] : [];
  for (const name of names.filter((helper) => ownModuleHelpers.has(helper))) {
    const helper = readPythonHelper(`src/transpile/runtime/${name}.py`);
    // Its own requirements come from the shared module, already loaded by whoever needs it.
    const imports = helper.requires.length > 0 ? `from ${helperModuleName} import ${helper.requires.join(", ")}\n\n\n` : "";
    modules.push({ path: `${helperModuleName}_${name}.py`, text: `${imports}${helper.code}\n` });
  }
  return modules;
}

/** The classes whose members are left out when nothing names them. */
const prunableClasses = new Set(["TypedArray", "TypedView", "DataView", "ArrayBuffer"]);

interface ClassChunk {
  /** The lines before the members (`class TypedArray(memoryview):`, class constants) and after the class. */
  head: string[];
  tail: string[];
  members: { name: string; lines: string[] }[];
}

/** Keeps, of each prunable class, its special methods and every member named anywhere else: in the program or kept code. */
function pruneClassMembers(chunks: string[], program: readonly string[]): string[] {
  const parsed = chunks.map(parseClassChunk);
  // Nothing to prune: the program's text (all of it, on every build) need not be read.
  if (!parsed.some((chunk) => chunk !== undefined)) return chunks;
  const tokens = new Set<string>();
  const addTokens = (text: string) => {
    for (const token of text.match(/\w+/g) ?? []) tokens.add(token);
  };
  for (const text of program) addTokens(text);
  parsed.forEach((chunk, index) => {
    if (!chunk) addTokens(chunks[index]!);
    else addTokens([...chunk.head, ...chunk.tail].join("\n"));
  });
  const kept = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const chunk of parsed) {
      for (const member of chunk?.members ?? []) {
        const key = `${chunk!.head[0]}.${member.name}`;
        if (kept.has(key) || !(member.name.startsWith("__") || tokens.has(member.name))) continue;
        kept.add(key);
        member.lines.forEach(addTokens);
        grew = true;
      }
    }
  }
  return parsed.map((chunk, index) => {
    if (!chunk) return chunks[index]!;
    const members = chunk.members.filter((member) => kept.has(`${chunk.head[0]}.${member.name}`)).flatMap((member) => member.lines);
    const body = [...chunk.head, ...members];
    // A class left with no statement at all still needs one.
    if (body.length === 1) body.push("    pass");
    return [...body, ...chunk.tail].join("\n");
  });
}

/** A helper holding a prunable class, split into its members (one `def`, with its decorators), or undefined. */
function parseClassChunk(code: string): ClassChunk | undefined {
  const lines = code.split("\n");
  const start = lines.findIndex((line) => /^class (\w+)/.test(line) && prunableClasses.has(/^class (\w+)/.exec(line)![1]!));
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && (lines[end]!.startsWith(" ") || lines[end]!.trim() === "")) end++;
  const head = lines.slice(0, start + 1);
  const members: ClassChunk["members"] = [];
  let decorators: string[] = [];
  for (const line of lines.slice(start + 1, end)) {
    const def = /^ {4}def (\w+)\(/.exec(line);
    if (/^ {4}@/.test(line)) decorators.push(line);
    else if (def) {
      members.push({ name: def[1]!, lines: [...decorators, line] });
      decorators = [];
    } else if (/^ {4}\S/.test(line) || members.length === 0) head.push(line);
    else members.at(-1)!.lines.push(line);
  }
  return { head, tail: lines.slice(end), members };
}
