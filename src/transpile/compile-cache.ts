import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire, Module } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import { codeCacheFlavour } from "./short-run.js";

/** Where compiled code is kept between runs, as Node 22's `module.enableCompileCache()` keeps it. */
const cacheFolder = join(tmpdir(), "tsmp-compile-cache");

/**
 * Loads a big CommonJS module (the TypeScript compiler, 9 MB of JavaScript) into `require`'s
 * cache with V8's code cache: compiling its source costs every process about 0.2 s, plus the
 * lazy compilation of each function on its first call. The cache is written at exit, after the
 * run compiled the functions it used, so the next process finds those compiled too. Node 22
 * does this for every module (`module.enableCompileCache()`, which tsc itself turns on); Node 20
 * has no such switch. A cache V8 rejects (another Node, other flags) is replaced.
 */
export function loadWithCodeCache(require: NodeJS.Require, id: string, version: string): void {
  const filename = require.resolve(id);
  if (require.cache[filename]) return;
  const cacheFile = join(cacheFolder, `${id}-${version}-${process.version}-${process.arch}${codeCacheFlavour()}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(filename, "utf8")), { filename, cachedData });
  const module = new Module(filename);
  module.filename = filename;
  (script.runInThisContext() as (...args: unknown[]) => void).call(
    module.exports,
    module.exports,
    createRequire(filename),
    module,
    filename,
    dirname(filename),
  );
  module.loaded = true;
  require.cache[filename] = module;
  if (cachedData === undefined || script.cachedDataRejected) process.once("exit", () => saveCodeCache(script, cacheFile));
}

function saveCodeCache(script: Script, cacheFile: string): void {
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    // Another process may write the same file at the same time: each writes its own, then renames.
    writeFileSync(`${cacheFile}.${process.pid}`, script.createCachedData());
    renameSync(`${cacheFile}.${process.pid}`, cacheFile);
  } catch {
    // Without a cache the next run compiles again, nothing worse.
  }
}
