import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { TsmpError } from "../../errors.js";
import { findProjectLayout } from "../../transpile/project/project-layout.js";
import { ts } from "../../transpile/typescript.js";
import { nodeSemanticsTransformer } from "./node-semantics.js";
import { boardModuleDeclarations, declarationExports, standInModuleSource, type PythonModuleImport } from "./python-stand-ins.js";
import { BOARD_MODULE_PREFIX, boardModuleName } from "../../transpile/python-modules.js";
import { pythonModuleOf } from "../../transpile/project/transpile-project.js";

/** The facade's folder and the file extension in use (.ts under tsx/vitest, .js from dist/). */
const shimDir = fileURLToPath(new URL("../../runtime-shim/", import.meta.url));
const shimExt = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
/** `tsmp/testing` is the test harness around the runners, so it lives beside them. */
const testingModule = fileURLToPath(new URL(`../testing${shimExt}`, import.meta.url));

/** A user program compiled for Node: ES modules in a temporary folder. */
export interface CompiledProgram {
  /** The entry module's URL, for `import()`. */
  entryUrl: string;
  /** The user's entry file. */
  entryFile: string;
  /** Deletes the temporary folder. */
  dispose(): void;
}

/** The program's entry, by the same rule as `tsmp build` (src/main.ts or main.ts, or the file itself). */
export function findEntry(input: string): string {
  const { entry } = findProjectLayout(input);
  if (!entry) throw new TsmpError(`${input}: no src/main.ts or main.ts in this folder`);
  return entry;
}

/** A relative import of a Python module: the `.py` and the `.d.ts` beside it. */
function resolveLocalPythonModule(fromFile: string, specifier: string): { python: string; declaration: string } | undefined {
  const base = resolve(dirname(fromFile), specifier.replace(/\.(m?js|ts|py)$/, ""));
  const python = `${base}.py`;
  const declaration = `${base}.d.ts`;
  return existsSync(python) && existsSync(declaration) ? { python, declaration } : undefined;
}

function resolveLocalModule(fromFile: string, specifier: string): string | undefined {
  const base = resolve(dirname(fromFile), specifier.replace(/\.(m?js|ts)$/, ""));
  for (const file of [`${base}.ts`, join(base, "index.ts")]) if (existsSync(file)) return file;
  return undefined;
}

/** Where the emitted module for a source file lives: the same absolute path, under `outDir`. */
function emittedPath(outDir: string, sourceFile: string): string {
  return join(outDir, sourceFile.replace(/\.ts$/, ".mjs"));
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith("./") || specifier.startsWith("../");
}

/**
 * Compiles the program reachable from `input`'s entry (following relative imports) with the
 * Node-semantics rewrite, into a temporary folder that mirrors the source paths, so relative
 * imports keep working and `tsmp/*` imports point at this copy of the shim.
 */
export function compileProgram(input: string): CompiledProgram {
  const entryFile = findEntry(input);
  const { rootDir, tsconfig } = findProjectLayout(input);
  const outDir = mkdtempSync(join(tmpdir(), "tsmp-node-"));
  const pending = [entryFile];
  const done = new Set<string>();
  let boardModules: Map<string, string[]> | undefined;
  // Each Python module the program imports becomes one stand-in module in outDir.
  const standIn = (module: PythonModuleImport): string => {
    const path = join(outDir, "__python__", `${module.name}.mjs`);
    if (!existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, standInModuleSource(module, join(shimDir, `python-modules${shimExt}`)));
    }
    return path;
  };
  const standInForBoardModule = (name: string): string => {
    boardModules ??= boardModuleDeclarations(tsconfig ? dirname(tsconfig) : rootDir);
    return standIn({ name, origin: `declared as ${BOARD_MODULE_PREFIX}${name}`, exports: boardModules.get(name) ?? [] });
  };
  try {
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (done.has(file)) continue;
      done.add(file);
      const source = readFileSync(file, "utf8");
      const resolveSpecifier = (specifier: string): string => {
        if (specifier === "tsmp/testing") return testingModule;
        if (specifier.startsWith("tsmp/")) return join(shimDir, `${specifier.slice("tsmp/".length)}${shimExt}`);
        const boardModule = boardModuleName(specifier);
        if (boardModule !== undefined) return standInForBoardModule(boardModule);
        if (!isRelative(specifier)) return specifier;
        const target = resolveLocalModule(file, specifier);
        const python = target === undefined ? resolveLocalPythonModule(file, specifier) : undefined;
        if (python !== undefined) {
          const name = pythonModuleOf(rootDir, python.python) ?? basename(python.python, ".py");
          return standIn({ name, origin: relative(process.cwd(), python.python), exports: declarationExports(python.declaration) });
        }
        if (target === undefined) return specifier;
        pending.push(target);
        const path = relative(dirname(file), target).split(sep).join("/").replace(/\.ts$/, ".mjs");
        return path.startsWith(".") ? path : `./${path}`;
      };
      const output = ts.transpileModule(source, {
        fileName: file,
        compilerOptions: {
          module: ts.ModuleKind.ESNext,
          target: ts.ScriptTarget.ES2022,
          inlineSourceMap: true,
          inlineSources: true,
        },
        transformers: {
          before: [nodeSemanticsTransformer({ resolveSpecifier, helpersModule: join(shimDir, `node-helpers${shimExt}`) })],
        },
      });
      const outFile = emittedPath(outDir, file);
      mkdirSync(dirname(outFile), { recursive: true });
      writeFileSync(outFile, output.outputText);
    }
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    throw error;
  }
  return {
    entryUrl: pathToFileURL(emittedPath(outDir, entryFile)).href,
    entryFile,
    dispose: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
