import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { format } from "node:util";
import { expect } from "vitest";
import { ts } from "../../src/transpile/typescript.js";
import { runOnNode } from "../../src/run/node/run-on-node.js";
import { installBoardModules, type SimulatedBoard } from "../../src/vm/board-modules.js";
import { MicroPythonError, MicroPythonVm } from "../../src/vm/micropython-vm.js";
import { createTranspiler, formatDiagnostic, type TranspileResult, type Transpiler } from "../../src/transpile/index.js";
import { runCli } from "./cli-process.js";

/**
 * Differential testing in the spirit of TypeScriptToLua's `expectToMatchJsResult`: a snippet
 * runs as JavaScript on Node and, transpiled, on the real MicroPython VM; both must print the
 * same. An uncaught error ends the output with `uncaught: <message>` on either side.
 *
 * Every differential check in the tests has this one shape: a runner returns `Outputs` (what
 * Node printed, what MicroPython printed, the emitted Python) and `expectSameOutput` compares
 * them. The runners are this file's `runOnBoth` (snippets), shim-vs-vm.ts's `runOnShimAndVm`
 * (asyncio programs on a fresh simulated board each) and cases.ts's `describeCases` (tables of
 * snippets, batched, with knownWrong/rejectedForNow lists).
 */

let transpiler: Transpiler | undefined;

/** One warm TypeScript project per test file: snippets reuse its lib files and checker setup. */
function sharedTranspiler(): Transpiler {
  transpiler ??= createTranspiler({ sourceMaps: false });
  return transpiler;
}

/** What one program printed on each side. */
export interface Outputs {
  /** Printed on Node (plain JavaScript, or the runtime shim when the program imports tsmp/*). */
  node: string;
  /** Printed by the transpiled program on the MicroPython VM. */
  micropython: string;
  /** The emitted main.py, for failure messages and golden checks. */
  python: string;
}

/** The differential assertion: MicroPython printed exactly what Node printed. */
export function expectSameOutput({ node, micropython, python }: Outputs): void {
  expect(micropython, `Node printed:\n${node}\nemitted Python:\n${python}`).toBe(node);
}

/** Transpiles a snippet; fails the test with formatted diagnostics if tsmp rejects it. */
export function transpileSnippet(tsSource: string | Record<string, string>): TranspileResult {
  const files = typeof tsSource === "string" ? { "main.ts": tsSource } : tsSource;
  const result = sharedTranspiler().transpileFiles(files);
  if (result.diagnostics.length > 0) {
    const text = result.diagnostics
      .map((diagnostic) => formatDiagnostic(diagnostic, files[diagnostic.file?.replace(/^\/__tsmp_snippet__\//, "") ?? ""]))
      .join("\n");
    throw new Error(`tsmp rejected the snippet:\n${text}`);
  }
  return result;
}

/** The diagnostics tsmp rejects a snippet with, formatted, or "(accepted)". */
export function rejectionOf(source: string): string {
  try {
    transpileSnippet(source);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return "(accepted)";
}

/** Runs a snippet (or several files, `main.ts` first) on Node and on MicroPython. */
export async function runOnBoth(tsSource: string | Record<string, string>): Promise<Outputs> {
  const files = typeof tsSource === "string" ? { "main.ts": tsSource } : tsSource;
  const result = transpileSnippet(files);
  const node = Object.values(files).some((text) => text.includes('"tsmp/')) ? await runWithShim(files) : runJavaScript(files);
  const micropython = await runMicroPython(result);
  return { node, micropython, python: emittedMain(result) };
}

/** The emitted entry module's text. */
export function emittedMain(result: TranspileResult): string {
  return result.files.find((file) => file.path === "main.py")?.text ?? "";
}

export async function expectToMatchJsResult(tsSource: string | Record<string, string>): Promise<void> {
  expectSameOutput(await runOnBoth(tsSource));
}

/**
 * Like expectToMatchJsResult, but Node runs the files as ES modules in a process of its own
 * (`tsmp run --target node`), for what neither CommonJS nor vitest's module runner shows as
 * Node does: a module namespace object, its keys and how it prints.
 */
export async function expectToMatchEsModules(files: Record<string, string>): Promise<void> {
  const result = transpileSnippet(files);
  const folder = mkdtempSync(join(tmpdir(), "tsmp-es-modules-"));
  let node: string;
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
    const run = await runCli(["run", "--target", "node", join(folder, "main.ts")]);
    node = run.code === 0 ? run.stdout : `${run.stdout}(exit ${run.code}) ${run.stderr}`;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  expectSameOutput({ node, micropython: await runMicroPython(result), python: emittedMain(result) });
}

/**
 * For programs whose output hangs on JavaScript's event loop (async calls started and left
 * running, a rejection nobody handles): plain Node runs the snippet as an ES module in a process
 * of its own, so the loop runs to its end as it does for a user; the Node runner (`tsmp run
 * --target node`, through the shim's rewrite) and MicroPython must both print what it prints.
 */
export async function expectToMatchNodeEventLoop(tsSource: string): Promise<void> {
  const result = transpileSnippet(tsSource);
  const folder = mkdtempSync(join(tmpdir(), "tsmp-event-loop-"));
  try {
    const { outputText } = ts.transpileModule(tsSource, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(join(folder, "main.mjs"), outputText);
    writeFileSync(join(folder, "main.ts"), tsSource);
    const plain = await runProcess(process.execPath, [join(folder, "main.mjs")]);
    const node = plain.code === 0 ? plain.stdout : `${plain.stdout}uncaught: ${uncaughtMessage(plain.stderr)}\n`;
    const runner = await runCli(["run", "--target", "node", join(folder, "main.ts")]);
    const shim = runner.code === 0 ? runner.stdout : `${runner.stdout}uncaught: ${uncaughtMessage(runner.stderr)}\n`;
    expect(shim, "tsmp run --target node").toBe(node);
    expectSameOutput({ node, micropython: await runMicroPython(result), python: emittedMain(result) });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The message of the error a Node process died of: `Error: message` in its report. */
function uncaughtMessage(stderr: string): string {
  return /^(?:\w*Error|Exception): (.*)$/m.exec(stderr)?.[1] ?? stderr.trim();
}

function runProcess(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
}

/** Each file compiled to CommonJS and evaluated in-process, with console.log captured. */
function runJavaScript(files: Record<string, string>): string {
  let output = "";
  const capturedConsole = {
    log: (...args: unknown[]) => {
      output += `${format(...args)}\n`;
    },
  };
  const cache = new Map<string, object>();
  const load = (path: string): object => {
    const cached = cache.get(path);
    if (cached) return cached;
    const source = files[path];
    if (source === undefined) throw new Error(`the harness has no file ${path}`);
    const exports = {};
    cache.set(path, exports);
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    });
    const require = (specifier: string) => load(resolveRelative(path, specifier));
    new Function("console", "exports", "require", outputText)(capturedConsole, exports, require);
    return exports;
  };
  try {
    load("main.ts");
  } catch (error) {
    output += `uncaught: ${error instanceof Error ? error.message : String(error)}\n`;
  }
  return output;
}

/**
 * Snippets that import the facade (asyncio, machine …) run through the runtime shim, which
 * gives `asyncio.run()` board semantics on a virtual clock.
 */
async function runWithShim(files: Record<string, string>): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), "tsmp-differential-"));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(folder, path)), { recursive: true });
      writeFileSync(join(folder, path), text);
    }
    let output = "";
    let errors = "";
    const code = await runOnNode(join(folder, "main.ts"), { stdout: (text) => (output += text), stderr: (text) => (errors += text) });
    if (code !== 0) output += `uncaught: ${/^\w*: ?(.*)$/m.exec(errors)?.[1] ?? errors.trim()}\n`;
    return output;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function resolveRelative(from: string, specifier: string): string {
  if (!specifier.startsWith(".")) throw new Error(`the JS side of the harness only runs local imports, not ${specifier}`);
  const parts = from.split("/").slice(0, -1);
  for (const part of specifier.replace(/\.js$/, "").split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return `${parts.join("/")}.ts`;
}

/**
 * One VM per test file, reset between cases: the case's modules are dropped from
 * sys.modules and its files deleted, and the entry runs in a fresh globals dict. Loading a VM
 * per case would cost more than transpiling the case.
 */
interface PythonSession {
  vm: MicroPythonVm;
  board: SimulatedBoard;
  output: string;
  written: string[];
}

let session: PythonSession | undefined;

async function pythonSession(): Promise<PythonSession> {
  if (session) return session;
  let output = "";
  const vm = await MicroPythonVm.load({ stdout: (text) => (output += text) });
  // The simulated board (machine, pyb, a blocking asyncio.run) on a virtual clock.
  const board = installBoardModules(vm, { clock: "virtual" });
  const created: PythonSession = {
    vm,
    board,
    get output() {
      return output;
    },
    set output(text: string) {
      output = text;
    },
    written: [],
  };
  created.vm.exec("import sys, gc\n_baseline = set(sys.modules)");
  session = created;
  return created;
}

async function runMicroPython(result: TranspileResult): Promise<string> {
  const python = await pythonSession();
  const { vm } = python;
  for (const path of python.written) vm.module.FS.unlink(path);
  vm.exec("for _m in [m for m in sys.modules if m not in _baseline]:\n    del sys.modules[_m]\ngc.collect()");
  python.written = result.files.map((file) => `/${file.path}`);
  for (const file of result.files) vm.writeFile(`/${file.path}`, file.text);
  python.output = "";
  const entry = JSON.stringify(result.entry ?? "main.py");
  try {
    python.board.run(() => vm.exec(`exec(compile(open(${entry}).read(), ${entry}, "exec"), {"__name__": "__main__"})`));
  } catch (error) {
    if (!(error instanceof MicroPythonError)) {
      // The VM itself failed: the next case gets a fresh one.
      session = undefined;
      throw error;
    }
    const last = error.traceback.trim().split("\n").at(-1) ?? "";
    python.output += `uncaught: ${last.replace(/^[A-Za-z_.]+(: )?/, "")}\n`;
  }
  return python.output;
}
