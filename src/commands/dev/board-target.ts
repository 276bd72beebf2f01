import { existsSync } from "node:fs";
import { TsmpError } from "../../errors.js";
import { BoardFs } from "../../flash/board-fs.js";
import { LinkLost, type ByteLink } from "../../flash/byte-link.js";
import { deployFiles } from "../../flash/deploy.js";
import { followOutput } from "../../flash/follow-output.js";
import { BoardNotResponding, RawRepl } from "../../flash/raw-repl.js";
import { SAFE_BOOT, escapeStuckProgram } from "../../flash/safe-boot.js";
import { SerialTransport } from "../../flash/serial-transport.js";
import { chooseMpy } from "../../flash/board-mpy.js";
import { MPY_VERSION } from "../../transpile/project/mpy-cross.js";
import { filesForBoard } from "../mpy-files.js";
import { withFilesBesideCode } from "../extra-files.js";
import { recordFlashed } from "../../sourcemap/last-build.js";
import { Wakeups, type DevBuild, type DevTarget } from "./dev-target.js";

export interface BoardTargetOptions {
  path: string;
  baudRate?: number;
  /** The board's output, tracebacks mapped to TypeScript. */
  stdout: (text: string) => void;
  /** What tsmp does ("Updated: main.py", "reconnected"), kept apart from the board's output. */
  status: (line: string) => void;
  /** Send modules but main.py as .mpy bytecode: true (checked against the board first), false, or "auto". */
  mpy?: boolean | "auto";
  /** Traceback paths are shown relative to this folder. */
  relativeTo: string;
  /** The project folder, whose build/ records what the board got (for `tsmp monitor`). */
  project: string;
  /** Opens the link to the board; a serial port by default. */
  open?: (path: string) => Promise<ByteLink>;
}

/** Ctrl-C rounds before a board counts as not answering (a one-off command gives up after 3). */
const INTERRUPT_ATTEMPTS = 10;
/** How long a board whose program ignores Ctrl-C may take to be reset (by hand, where RTS cannot). */
const ESCAPE_WAIT_MS = 30_000;
/** How often a vanished port is looked for again. */
const RECONNECT_POLL_MS = 250;

/**
 * `tsmp dev` on a board: installs each build through the deploy (only files whose hash differs
 * travel), soft-resets so main.py starts, and streams the output until the next build. Entering
 * the raw REPL interrupts whatever runs, a stuck program included. A vanished port is waited for
 * and reopened, and a build that could not be installed is installed once the board is back.
 */
export function startBoardTarget(options: BoardTargetOptions): DevTarget {
  const open = options.open ?? ((path: string) => SerialTransport.open(path, { baudRate: options.baudRate }));
  const wakeups = new Wakeups();
  let pending: DevBuild | undefined;
  let stopped = false;
  /** "Kept boot.py: …" lines already shown: the deploy says them on every save. */
  const kept = new Set<string>();

  const reconnect = async (): Promise<ByteLink | undefined> => {
    while (!stopped) {
      if (existsSync(options.path) || options.open) {
        try {
          return await open(options.path);
        } catch {
          // A device node appears before it can be opened; the next poll tries again.
        }
      }
      await wakeups.next(RECONNECT_POLL_MS);
    }
    return undefined;
  };

  const loop = async () => {
    let link: ByteLink | undefined;
    let connectedBefore = false;
    let running: DevBuild | undefined;
    let repl: RawRepl | undefined;
    let fs: BoardFs | undefined;
    /** Whether this board takes .mpy: asked once per connection (a reconnected port may be another board). */
    let mpy: boolean | undefined;
    while (!stopped) {
      if (!link) {
        link = await reconnect();
        if (!link) break;
        if (connectedBefore) options.status(`[tsmp] reconnected to ${options.path}`);
        connectedBefore = true;
        // A program that swallows Ctrl-C (a bare except in a loop) may take many rounds to stop.
        repl = new RawRepl(link, { attempts: INTERRUPT_ATTEMPTS });
        fs = new BoardFs(repl);
        mpy = undefined;
      }
      const build = pending;
      try {
        if (build) {
          pending = undefined;
          mpy ??= await chooseMpy(repl!, options.mpy ?? false, MPY_VERSION, options.status);
          await install(build, repl!, fs!, mpy, options, kept);
          running = build;
        }
        if (pending || stopped) continue;
        if (!running) {
          await wakeups.next();
          continue;
        }
        const outcome = await followOutput(link, {
          files: running.files,
          write: options.stdout,
          stopped: wakeups.next(),
          relativeTo: options.relativeTo,
        });
        if (outcome === "finished") options.status("[tsmp] the program ended; waiting for a change (Ctrl-C quits)");
      } catch (error) {
        if (!(error instanceof TsmpError)) throw error;
        // A newer build replaces one that did not get installed; otherwise it is tried again.
        if (build) pending ??= build;
        // A program that ignores every Ctrl-C: a reset, with the build's boot.py told to skip main.py.
        if (error instanceof BoardNotResponding && link.isOpen) {
          try {
            if (await escapeStuckProgram(link, { status: options.status, waitMs: ESCAPE_WAIT_MS })) continue;
          } catch (escapeError) {
            if (!(escapeError instanceof TsmpError)) throw escapeError;
          }
        }
        if (error instanceof LinkLost) {
          options.status(`[tsmp] ${options.path} disappeared; waiting for it to come back`);
        } else {
          options.status(`tsmp: ${error.message}`);
          options.status("[tsmp] trying again after the next change");
        }
        await link.close().catch(() => undefined);
        link = undefined;
        if (!(error instanceof LinkLost)) await wakeups.next();
      }
    }
    if (link?.isOpen) {
      // Leave the board running its program, at neither the raw REPL nor mid-upload.
      if (repl?.isInRawRepl) await repl.exit().catch(() => undefined);
      await link.close();
    }
  };
  const finished = loop();

  return {
    deliver(build) {
      pending = build;
      wakeups.wake();
    },
    async stop() {
      stopped = true;
      wakeups.wake();
      await finished;
    },
  };
}

async function install(
  build: DevBuild,
  repl: RawRepl,
  fs: BoardFs,
  mpy: boolean,
  options: BoardTargetOptions,
  kept: Set<string>,
): Promise<void> {
  const { status } = options;
  const started = performance.now();
  // Every unchanged file would say "Up to date", and a boot.py of the board's own "Kept", on each
  // save; in a loop only changes are news, and a kept file is said once.
  const log = (line: string) => {
    if (line.startsWith("Up to date: ") || kept.has(line)) return;
    if (line.startsWith("Kept ")) kept.add(line);
    status(line);
  };
  const files = withFilesBesideCode(await filesForBoard(build.files, build.entry, mpy), build.extraFiles);
  await deployFiles(fs, files, { log, optional: [SAFE_BOOT] });
  recordFlashed(options.project, options.path, build.files);
  await repl.resetAndRun();
  status(`[tsmp] restarted ${build.entry} (${((performance.now() - started) / 1000).toFixed(2)} s)`);
}
