import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { TsmpError } from "../../errors.js";
import { nodeSemanticsTransformer } from "./node-semantics.js";

/** The shim's own folder and file extension (.ts under tsx/vitest, .js from dist/). */
const shimDir = fileURLToPath(new URL("..", import.meta.url));
const shimExt = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

/** A user program compiled for Node: ES modules in a temporary folder. */
export interface CompiledProgram {
  /** The entry module's URL, for `import()`. */
  entryUrl: string;
  /** The user's entry file. */
  entryFile: string;
  /** Deletes the temporary folder. */
  dispose(): void;
}

/** The program's entry: the file itself, or `src/main.ts` / `main.ts` in a project folder. */
export function findEntry(input: string): string {
  const path = resolve(input);
  if (!existsSync(path)) throw new TsmpError(`${input}: no such file or folder`);
  if (statSync(path).isFile()) return path;
  for (const candidate of ["src/main.ts", "main.ts"]) {
    const file = join(path, candidate);
    if (existsSync(file)) return file;
  }
  throw new TsmpError(`${input}: no src/main.ts or main.ts in this folder`);
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
  const outDir = mkdtempSync(join(tmpdir(), "tsmp-node-"));
  const pending = [entryFile];
  const done = new Set<string>();
  try {
    while (pending.length > 0) {
      const file = pending.pop()!;
      if (done.has(file)) continue;
      done.add(file);
      const source = readFileSync(file, "utf8");
      const resolveSpecifier = (specifier: string): string => {
        if (specifier.startsWith("tsmp/")) return join(shimDir, `${specifier.slice("tsmp/".length)}${shimExt}`);
        if (!isRelative(specifier)) return specifier;
        const target = resolveLocalModule(file, specifier);
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
