import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { TsmpError } from "../errors.js";
import { packagePath } from "../package-paths.js";

/** A template's own files are this board's flavour; `boards/<name>/` holds the others' files. */
export const DEFAULT_BOARD = "pyboard";

/** What building or testing a template in place leaves behind; a new project starts without it. */
const GENERATED_FOLDERS = new Set(["build", "node_modules"]);

/** Whether a path inside a template (or a flavour folder) belongs in a new project. */
export function isTemplateSource(relativePath: string): boolean {
  return !relativePath.split(/[\\/]/).some((part) => GENERATED_FOLDERS.has(part));
}

export interface CreateProjectOptions {
  template?: string;
  board?: string;
}

export interface CreatedProject {
  dir: string;
  board: string;
  /** Paths relative to `dir`, sorted. */
  files: string[];
}

/**
 * Copies a template into a new folder, with the chosen board's flavour of src/, and writes a
 * tsconfig.json whose `tsmp/*` imports resolve to this tsmp installation's typed facade, so the
 * project typechecks in an editor wherever it lives.
 */
export function createProject(dir: string, options: CreateProjectOptions = {}): CreatedProject {
  const templateName = options.template ?? "blink";
  const templates = listFolders(packagePath("templates"));
  if (!templates.includes(templateName)) {
    throw new TsmpError(`no template named "${templateName}" (available: ${templates.join(", ")})`);
  }
  const template = packagePath("templates", templateName);
  const boards = [DEFAULT_BOARD, ...listFolders(join(template, "boards"))];
  const board = options.board ?? DEFAULT_BOARD;
  if (!boards.includes(board)) {
    throw new TsmpError(`the ${templateName} template has no "${board}" flavour (available: ${boards.join(", ")})`);
  }

  const target = resolve(dir);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new TsmpError(`${dir} exists and is not a folder`);
    if (readdirSync(target).length > 0) throw new TsmpError(`${dir} is not empty; give a new folder name (tsmp init never overwrites files)`);
  }
  mkdirSync(target, { recursive: true });

  // The other boards' flavours stay behind.
  cpSync(template, target, {
    recursive: true,
    filter: (source) => relative(template, source) !== "boards" && isTemplateSource(relative(template, source)),
  });
  if (board !== DEFAULT_BOARD) {
    // A flavour replaces the files it has (src/main.ts, its test); its tsconfig only serves the repository.
    const flavour = join(template, "boards", board);
    cpSync(flavour, target, {
      recursive: true,
      filter: (source) => relative(flavour, source) !== "tsconfig.json" && isTemplateSource(relative(flavour, source)),
    });
  }
  writeFileSync(join(target, "tsconfig.json"), projectTsconfig(join(template, "tsconfig.json")));
  const hasTests = listFiles(target).some((file) => file.endsWith(".test.ts"));
  if (hasTests) writeFileSync(join(target, "package.json"), projectManifest(basename(target)));

  return { dir: target, board, files: listFiles(target) };
}

/** The template's tsconfig, with `tsmp/*` pointing at this installation's facade types. */
function projectTsconfig(templateTsconfig: string): string {
  const config = JSON.parse(readFileSync(templateTsconfig, "utf8")) as { compilerOptions: { paths?: Record<string, string[]> } };
  config.compilerOptions.paths = {
    "tsmp/testing": [packagePath("dist", "run", "testing")],
    "tsmp/*": [`${packagePath("dist", "runtime-shim")}/*`],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/**
 * A package.json for the off-device tests (`npm install`, then `npm test`): they run under vitest
 * and import `tsmp/testing`, so both are dev dependencies, tsmp from this installation.
 */
function projectManifest(name: string): string {
  const tsmp = JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as { devDependencies: Record<string, string> };
  const manifest = {
    name: name.toLowerCase().replace(/[^a-z0-9._-]+/g, "-"),
    private: true,
    type: "module",
    scripts: { test: "vitest run" },
    devDependencies: { tsmp: `file:${packagePath()}`, vitest: tsmp.devDependencies.vitest },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function listFolders(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function listFiles(folder: string, prefix = ""): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

export function nextSteps(dir: string, created: CreatedProject): string {
  const name = basename(created.dir);
  const tests = created.files.filter((file) => file.endsWith(".test.ts"));
  return [
    `Created ${name} (${created.board} flavour) with ${created.files.join(", ")}`,
    "",
    "Next steps:",
    `  cd ${dir}`,
    "  tsmp run .                  run it on MicroPython on this machine (LED changes on stderr)",
    "  tsmp run . --target node    run it on Node, on a virtual clock",
    "  tsmp flash . --port auto    put it on a board as main.py",
    ...(tests.length > 0 ? [`  npm install && npm test     test it off-device with vitest (${tests.join(", ")})`] : []),
    "",
  ].join("\n");
}
