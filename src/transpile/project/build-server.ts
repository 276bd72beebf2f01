import { spawn } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, statSync, unlinkSync } from "node:fs";
import { createConnection, createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { contentHash, projectFolder, readStoredBuild, writeStoredBuild, type StoredBuild } from "./build-cache.js";
import { findProjectLayout, type ProjectLayout } from "./project-layout.js";
import type { TranspileResult } from "./transpile-project.js";

// A new process pays for TypeScript itself on every build: loading the compiler, parsing and
// binding its lib files and the project, setting up the checker (about 0.4 s of CPU for a
// one-module change on an idle machine, seconds on a busy one), where the check and transform of
// the changed module cost a tenth of that. `tsmp flash` therefore leaves a build server behind:
// a process per project that keeps the last program warm and answers the next flash's build.
// It reads every file from disk for each build (nothing it answers can be staler than a build in
// the flash's own process would be), and goes away after a while without builds.

/** A server with no build to do for this long exits. */
const IDLE_MS = 10 * 60_000;
/** How often a server checks that it is still the one its address leads to, and its project is still there. */
const CHECK_MS = 30_000;
/** A build the server has not answered by then is done in the asking process instead. */
const ANSWER_MS = 120_000;

/**
 * Where the server for a project and transpiler lives: a socket in a folder only this user can
 * enter, or nothing when that folder is not safe to use (then every build happens in process).
 */
export function buildServerAddress(layout: ProjectLayout, stamp: string): string | undefined {
  const name = contentHash(`${projectFolder(layout)}\0${stamp}`).slice(0, 16);
  if (process.platform === "win32") return `\\\\.\\pipe\\tsmp-build-${name}`;
  const uid = process.getuid?.() ?? 0;
  const folder = join(tmpdir(), `tsmp-${uid}`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const info = lstatSync(folder);
    // Another user's folder, or one others can write into, could lead this build to their server.
    if (!info.isDirectory() || info.uid !== uid || (info.mode & 0o077) !== 0) return undefined;
  } catch {
    return undefined;
  }
  return join(folder, `build-${name}.sock`);
}

interface Answer {
  result?: TranspileResult;
  error?: string;
}

/**
 * Asks the project's build server for a build; undefined when there is none, it failed, or it
 * took too long (the caller then builds in its own process, which reports any error itself).
 */
export function buildOnServer(address: string, input: string, stamp: string): Promise<TranspileResult | undefined> {
  return new Promise((resolve) => {
    const socket = createConnection(address);
    const chunks: Buffer[] = [];
    const done = (result: TranspileResult | undefined) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done(undefined), ANSWER_MS);
    socket.on("error", () => done(undefined));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => {
      try {
        done((JSON.parse(Buffer.concat(chunks).toString("utf8")) as Answer).result);
      } catch {
        done(undefined);
      }
    });
    socket.end(`${JSON.stringify({ input, stamp })}\n`);
  });
}

/** Whether a server listens on `address` (it is asked nothing: a connection that sends nothing gets nothing). */
export function serverListening(address: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection(address);
    socket.on("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}

/**
 * Starts a build server for the project in a process of its own that outlives this one (after a
 * build in process found none). Only where the server's module exists as JavaScript (the CLI).
 */
export function spawnBuildServer(address: string, input: string, stamp: string): void {
  // A socket left by a server that was killed: nobody answers on it, and a new one cannot listen there.
  if (process.platform !== "win32") {
    try {
      unlinkSync(address);
    } catch {
      // None was left.
    }
  }
  const main = fileURLToPath(new URL("./build-server-main.js", import.meta.url));
  if (!existsSync(main)) return;
  try {
    const child = spawn(process.execPath, [main, address, input, stamp], {
      // Not the project's folder: a process's working folder cannot be removed on Windows. Every path it builds with is absolute.
      cwd: tmpdir(),
      detached: true,
      stdio: "ignore",
      windowsHide: true,
    });
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // Without a server the next build happens in process, as this one did.
  }
}

/**
 * Serves builds of the project `input` (a folder or a file) is in on `address`, one at a time,
 * until idle for long, the project or the address goes away, or a build is asked of another transpiler.
 */
export async function serveBuilds(address: string, input: string, stamp: string): Promise<{ server: Server; stop(): void }> {
  const folder = projectFolder(findProjectLayout(input));
  // Loaded here: the asking side never loads the compiler.
  const { buildOverStored } = await import("./persistent-build.js");
  const warm = { parsed: new Map() };
  let last: StoredBuild | undefined;
  /**
   * Builds, and returns the result with a function that stores it for builds in other processes.
   * The store is as big as the project: it is written once the answer is on its way, and only
   * while no later build has replaced it.
   */
  const build = (input: string): { result: TranspileResult; store(): void } => {
    const layout = findProjectLayout(input);
    if (projectFolder(layout) !== folder) throw new Error(`this server builds ${folder}`);
    // The store on disk is the baseline only for the first build; after it, the server's own last
    // build is, so that the modules it reuses were emitted against the program its builder knows.
    const built = buildOverStored(layout, {}, stamp, last ?? readStoredBuild(layout, stamp), warm);
    last = built.stored;
    const store = () => {
      if (last === built.stored && built.result.diagnostics.length === 0) writeStoredBuild(layout, built.stored);
    };
    return { result: built.result, store };
  };
  // The first build warms the program up before anyone asks (one who asks meanwhile waits for it).
  let queue = Promise.resolve().then(() => {
    try {
      build(input).store();
    } catch {
      // Asked builds meet the same error, and the asking process then builds on its own.
    }
  });
  // Half open: the request ends with the asking side's end, and the answer still goes back.
  const server = createServer({ allowHalfOpen: true }, (socket) => {
    const chunks: Buffer[] = [];
    socket.on("error", () => undefined);
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => {
      if (chunks.length === 0) return;
      queue = queue.then(() => {
        let answer: Answer;
        let store: () => void = () => undefined;
        try {
          const request = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { input: string; stamp: string };
          if (request.stamp !== stamp) {
            answer = { error: "another transpiler" };
            setImmediate(() => stop());
          } else {
            const built = build(request.input);
            answer = { result: built.result };
            store = built.store;
          }
        } catch (error) {
          answer = { error: error instanceof Error ? error.message : String(error) };
        }
        // Closed once the asking side has the whole answer (or went away).
        socket.once("close", () => store());
        socket.end(JSON.stringify(answer));
        idle.refresh();
      });
    });
  });
  /** Closing a socket server removes the file at its address, which may by now be another server's. */
  const stop = (addressStillOurs = true) => {
    clearInterval(check);
    clearTimeout(idle);
    if (addressStillOurs) server.close();
    else server.unref();
  };
  const idle = setTimeout(() => stop(), IDLE_MS);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(address, () => resolve());
  });
  const listening = process.platform === "win32" ? undefined : statSync(address).ino;
  const check = setInterval(() => {
    let ours = true;
    try {
      ours = listening === undefined || statSync(address).ino === listening;
    } catch {
      ours = false;
    }
    // Another server took the address over, or a client removed it as stale: that one serves now.
    if (!ours) stop(false);
    else if (!existsSync(folder)) stop();
  }, CHECK_MS);
  return { server, stop };
}
