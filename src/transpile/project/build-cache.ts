import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Diagnostic, EmittedFile, TranspileOptions, TranspileResult } from "./transpile-project.js";
import type { HelperName } from "../runtime/helper-names.js";
import type { ProjectLayout } from "./project-layout.js";
import { packageRoot } from "../../package-paths.js";

// This module must not load the TypeScript compiler: when nothing changed since the last build,
// answering from the cache costs reading a few files, where loading and running the compiler
// costs seconds.

/**
 * What one build leaves for the next, in `<project>/build/.tsmp-build-cache.json`. Only a build
 * without errors is stored: a failed build writes nothing, and the next one continues from the
 * last good one.
 */
export interface StoredBuild {
  /** The transpiler and options that made it: another stamp means another output. */
  stamp: string;
  /** The entry module it was built for: single-file builds of two files in one folder share the store. */
  entry?: string;
  /** Every file the build read that can change (the user's sources, tsconfig files, copied .py), by content hash. */
  inputs: Record<string, string>;
  /** The project folder's source files by name, so a new or removed file is seen without parsing. */
  listing: string[];
  /** TypeScript's build info (signatures, semantic diagnostics per file) from the builder program. */
  buildInfo: string;
  /** Each emitted module's output, by source file name, with the hash of the text it came from. */
  modules: Record<string, StoredModule>;
  result: TranspileResult;
}

/** One module's emit as JSON holds it. */
export interface StoredModule {
  version: string;
  file: EmittedFile;
  diagnostics: Diagnostic[];
  usedHelpers: HelperName[];
}

/** The folder a project's build and cache live in: beside its tsconfig.json, or the entry's project. */
export function projectFolder(layout: ProjectLayout): string {
  if (layout.tsconfig) return dirname(layout.tsconfig);
  return layout.entry && dirname(layout.entry) === layout.rootDir && layout.rootDir.endsWith("/src")
    ? dirname(layout.rootDir)
    : layout.rootDir;
}

export function buildCachePath(layout: ProjectLayout): string {
  return join(projectFolder(layout), "build", ".tsmp-build-cache.json");
}

export function contentHash(text: string | Buffer): string {
  return createHash("sha1").update(text).digest("hex");
}

/**
 * Identifies the transpiler's code and the options: the newest modification time among the
 * transpiler's own modules (so a rebuilt or upgraded tsmp never serves output of the old one),
 * the TypeScript version, and the emit options.
 */
export function buildStamp(options: TranspileOptions): string {
  const transpilerFolder = dirname(dirname(fileURLToPath(import.meta.url)));
  const typescriptPackage = createRequire(import.meta.url).resolve("typescript/package.json");
  const typescriptVersion = (JSON.parse(readFileSync(typescriptPackage, "utf8")) as { version: string }).version;
  return contentHash(JSON.stringify([newestChange(transpilerFolder), typescriptVersion, options.sourceMaps !== false]));
}

function newestChange(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Folders that hold no sources of the project: output, dependencies, tools' own folders. */
const notSources = new Set(["build", "node_modules"]);
/** Beyond this many entries the folder is not a project but, say, a home folder: no listing, no shortcut. */
const listingLimit = 5000;

/**
 * The names of the files under the project folder that a build may read (.ts, .py, .json), or
 * undefined for a folder too big to list cheaply. A file added next to the sources can change
 * what tsconfig's `include` takes in or what an import resolves to.
 */
export function sourceListing(folder: string): string[] | undefined {
  const names: string[] = [];
  const pending = [folder];
  let seen = 0;
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (++seen > listingLimit) return undefined;
      if (entry.name.startsWith(".") || notSources.has(entry.name)) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (/\.(ts|tsx|mts|cts|py|json)$/.test(entry.name)) names.push(relative(folder, path).split(sep).join("/"));
    }
  }
  return names.sort();
}

/**
 * The folders the store names by placeholder instead of by path: a project keeps no path of the
 * machine it was built on (it may be copied or shared), and a moved project keeps its store.
 */
function placeholders(layout: ProjectLayout): [folder: string, placeholder: string][] {
  const escaped = (text: string) => JSON.stringify(text).slice(1, -1);
  return [
    [escaped(projectFolder(layout)), "\\u0000project\\u0000"],
    [escaped(packageRoot), "\\u0000tsmp\\u0000"],
  ];
}

export function readStoredBuild(layout: ProjectLayout, stamp: string): StoredBuild | undefined {
  try {
    let text = readFileSync(buildCachePath(layout), "utf8");
    for (const [folder, placeholder] of placeholders(layout)) text = text.replaceAll(placeholder, folder);
    const stored = JSON.parse(text) as StoredBuild;
    return stored.stamp === stamp ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** Written whole under another name, then renamed: a build killed midway leaves the old cache or none. */
export function writeStoredBuild(layout: ProjectLayout, stored: StoredBuild): void {
  const path = buildCachePath(layout);
  let text = JSON.stringify(stored);
  const marks = placeholders(layout);
  // A text that already holds a placeholder would not read back as it was: such a store is not kept.
  if (marks.some(([, placeholder]) => text.includes(placeholder))) return;
  for (const [folder, placeholder] of marks) text = text.replaceAll(folder, placeholder);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.${process.pid}`, text);
    renameSync(`${path}.${process.pid}`, path);
  } catch {
    // A read-only project still builds; it only builds from scratch each time.
  }
}

/** The stored result when no input changed and no source file came or went. */
export function unchangedResult(layout: ProjectLayout, stored: StoredBuild): TranspileResult | undefined {
  if (stored.entry !== layout.entry) return undefined;
  for (const [path, hash] of Object.entries(stored.inputs)) {
    let text: Buffer;
    try {
      text = readFileSync(path);
    } catch {
      return undefined;
    }
    if (contentHash(text) !== hash) return undefined;
  }
  const listing = sourceListing(projectFolder(layout));
  if (!listing || listing.join("\n") !== stored.listing.join("\n")) return undefined;
  return stored.result;
}
