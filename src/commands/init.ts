import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { basename, isAbsolute, join, relative, resolve } from "node:path";
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
  /**
   * What the project's package.json asks npm for as tsmp: a version range (by default `^` this
   * tsmp's version), a git URL, or a local folder or tarball (for developing tsmp itself).
   */
  tsmp?: string;
}

export interface CreatedProject {
  dir: string;
  board: string;
  /** Paths relative to `dir`, sorted. */
  files: string[];
}

/** The parts of tsmp's own package.json a new project copies its dependencies from. */
interface TsmpManifest {
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/**
 * Copies a template into a new folder, with the chosen board's flavour of src/ and test/, and
 * writes a package.json that depends on tsmp like on any npm package: after `npm install` the
 * project's `tsmp/*` imports resolve through the installed package's exports, wherever the
 * project lives, and nothing in it names a path of this machine.
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
  const tsmpSpec = tsmpDependency(options.tsmp, target);
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new TsmpError(`${dir} exists and is not a folder`);
    if (readdirSync(target).length > 0)
      throw new TsmpError(`${dir} is not empty; give a new folder name (tsmp init never overwrites files)`);
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
  writeFileSync(join(target, "package.json"), projectManifest(basename(target), tsmpSpec, board));
  // npm leaves every .gitignore out of a package, so a template ships its own as `gitignore`.
  const gitignore = join(target, "gitignore");
  if (existsSync(gitignore)) renameSync(gitignore, join(target, ".gitignore"));

  return { dir: target, board, files: listFiles(target) };
}

/**
 * The project's dependency on tsmp. A local folder or tarball is written relative to the project
 * (npm resolves `file:` specs from the package.json), so moving both together keeps it working;
 * anything else (a range, a tag, a git URL) is npm's to read.
 */
function tsmpDependency(spec: string | undefined, projectDir: string): string {
  if (spec === undefined) return `^${tsmpManifest().version}`;
  if (!isLocalSpec(spec)) return spec;
  const path = resolve(spec.replace(/^file:/, "").replace(/^~(?=[\\/])/, homedir()));
  if (!existsSync(path)) throw new TsmpError(`--tsmp ${spec}: no such folder or tarball`);
  const fromProject = relative(projectDir, path).split("\\").join("/");
  return `file:${fromProject === ".." || fromProject.startsWith("../") ? fromProject : `./${fromProject}`}`;
}

/** npm reads a spec as a path when it starts like one or names a tarball file. */
function isLocalSpec(spec: string): boolean {
  if (spec.startsWith("file:") || isAbsolute(spec) || /^(\.{1,2}([\\/]|$)|~[\\/])/.test(spec)) return true;
  return /\.(tgz|tar\.gz|tar)$/.test(spec) && !spec.includes("://");
}

function tsmpManifest(): TsmpManifest {
  return JSON.parse(readFileSync(packagePath("package.json"), "utf8")) as TsmpManifest;
}

/**
 * The project's package.json: tsmp and the tools its scripts run, at the versions this tsmp is
 * built and tested with (typescript exactly: the transpiler and the editor must agree).
 */
function projectManifest(name: string, tsmpSpec: string, board: string): string {
  const tsmp = tsmpManifest();
  const manifest = {
    name: name.toLowerCase().replace(/[^a-z0-9._-]+/g, "-"),
    private: true,
    type: "module",
    scripts: {
      build: "tsmp build .",
      typecheck: "tsc -p . && tsc -p test",
      test: "vitest run",
      flash: "tsmp flash .",
      dev: "tsmp dev .",
    },
    devDependencies: {
      "@types/node": tsmp.devDependencies["@types/node"],
      tsmp: tsmpSpec,
      typescript: tsmp.dependencies.typescript,
      vitest: tsmp.devDependencies.vitest,
    },
    // What `tsmp config` explains; `tsmp dev` runs on the board once target is "board" (or a port is named).
    tsmp: { board, target: "micropython", port: "auto", baud: 115200, mpy: "auto", files: [] },
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

/** What to type next, in an order that works from a fresh shell: nothing is installed yet. */
export function nextSteps(dir: string, created: CreatedProject): string {
  const cd = /\s/.test(dir) ? `"${dir}"` : dir;
  return [
    `Created ${basename(created.dir)} (${created.board} flavour) with ${created.files.join(", ")}`,
    "",
    "Next steps:",
    `  cd ${cd}`,
    "  npm install          tsmp, TypeScript and vitest for this project",
    "  npm test             run its tests off-device, on a simulated board",
    "  npx tsmp run .       run it on MicroPython on this machine (pin changes on stderr)",
    "  npx tsmp flash .     put it on a board plugged in over USB as main.py",
    '  npx tsmp dev .       rebuild and rerun on every save (on the board with "target": "board" in package.json "tsmp")',
    "",
  ].join("\n");
}
