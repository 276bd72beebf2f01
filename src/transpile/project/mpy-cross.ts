import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/**
 * The .mpy format tsmp writes: bytecode-only version 6. `@pybricks/mpy-cross-v6` is mpy-cross
 * from MicroPython 1.19.1 compiled to WebAssembly; its bytecode files load on every MicroPython
 * from 1.19 on (the sub-versions 6.1–6.3 of later releases only concern native code), which a
 * board reports as `sys.implementation._mpy & 0xff == 6`.
 */
export const MPY_VERSION = 6;

interface MpyCrossModule {
  arguments: string[];
  inputFileContents: string;
  wasmBinary: Uint8Array;
  callback: (status: number, mpy: Uint8Array | undefined, out: string[], err: string[]) => void;
}

const require = createRequire(import.meta.url);
let loaded: { run: (module: MpyCrossModule) => void; wasm: Uint8Array } | undefined;

/**
 * Compiled modules kept between runs, by what they were compiled from: a flash compiles every
 * module of the build, and on a one-module change all but one come out as last time (mpy-cross
 * in WebAssembly takes tens of milliseconds a module, most of a re-flash's CPU besides the build).
 */
const cacheFolder = join(tmpdir(), "tsmp-mpy-cache");
const SHA256_BYTES = 32;

function mpyCross() {
  if (!loaded) {
    const entry = require.resolve("@pybricks/mpy-cross-v6");
    // The package's own loader fetches the .wasm by path, which Node's fetch refuses; the bytes are handed over instead.
    loaded = {
      run: require(join(dirname(entry), "mpy-cross-v6.js")) as (module: MpyCrossModule) => void,
      wasm: readFileSync(join(dirname(entry), "mpy-cross-v6.wasm")),
    };
  }
  return loaded;
}

/**
 * Compiles one emitted module. `boardPath` ("lib/util.py") is the name its tracebacks give, so
 * the .py's source map still turns them into TypeScript lines.
 */
export async function compileToMpy(boardPath: string, source: string): Promise<Uint8Array> {
  const key = createHash("sha256").update(`${compilerVersion()}\0${boardPath}\0${source}`).digest("hex");
  const cacheFile = join(cacheFolder, `${key}.mpy`);
  const cached = readCached(cacheFile);
  if (cached) return cached;
  const mpy = await runMpyCross(boardPath, source);
  storeCached(cacheFile, mpy);
  return mpy;
}

let version: string | undefined;
function compilerVersion(): string {
  version ??= (JSON.parse(readFileSync(require.resolve("@pybricks/mpy-cross-v6/package.json"), "utf8")) as { version: string }).version;
  return version;
}

/** A cached .mpy is stored behind its sha256, so a file cut short or damaged on disk is compiled again, never sent. */
function readCached(file: string): Uint8Array | undefined {
  let stored: Buffer;
  try {
    stored = readFileSync(file);
  } catch {
    return undefined;
  }
  const mpy = stored.subarray(SHA256_BYTES);
  return createHash("sha256").update(mpy).digest().equals(stored.subarray(0, SHA256_BYTES)) ? mpy : undefined;
}

function storeCached(file: string, mpy: Uint8Array): void {
  try {
    mkdirSync(cacheFolder, { recursive: true });
    // Written aside and renamed: another tsmp reading meanwhile sees the whole file or none.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, Buffer.concat([createHash("sha256").update(mpy).digest(), mpy]));
    renameSync(partial, file);
  } catch {
    // A cache that cannot be written (read-only temp folder) only costs the next run the compile.
  }
}

function runMpyCross(boardPath: string, source: string): Promise<Uint8Array> {
  const { run, wasm } = mpyCross();
  return new Promise((resolve, reject) => {
    // Emscripten's Node glue installs process-wide handlers that rethrow; they are not tsmp's to keep.
    const uncaught = new Set(process.listeners("uncaughtException"));
    const rejections = new Set(process.listeners("unhandledRejection"));
    run({
      arguments: ["-s", boardPath, "module.py"],
      inputFileContents: source,
      wasmBinary: wasm,
      callback: (status, mpy, _out, err) =>
        status === 0 && mpy ? resolve(mpy) : reject(new Error(`mpy-cross failed on ${boardPath}: ${err.join("\n")}`)),
    });
    for (const listener of process.listeners("uncaughtException")) if (!uncaught.has(listener)) process.off("uncaughtException", listener);
    for (const listener of process.listeners("unhandledRejection"))
      if (!rejections.has(listener)) process.off("unhandledRejection", listener);
  });
}

/** "lib/util.py" → "lib/util.mpy". */
export function mpyPathOf(path: string): string {
  return path.replace(/\.py$/, ".mpy");
}
