import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TsmpError } from "../errors.js";
import { BoardFs } from "../flash/board-fs.js";
import type { ByteLink } from "../flash/byte-link.js";
import { RawRepl } from "../flash/raw-repl.js";
import type { MappedFile } from "../sourcemap/traceback-map.js";
import { LinkLost } from "../flash/byte-link.js";
import { resolvePort } from "../flash/ports.js";
import { SerialTransport } from "../flash/serial-transport.js";
import { buildFolder, loadLastBuild, whyBuildDoesNotMatch } from "../sourcemap/last-build.js";
import { createTracebackRewriter } from "../sourcemap/traceback-rewriter.js";

export interface MonitorOptions {
  path: string;
  baudRate?: number;
  /** Emitted modules of the last build, to rewrite tracebacks into TypeScript locations. */
  files: readonly MappedFile[];
  output: (text: string) => void;
  /** Status lines ("reconnected") for the user, kept apart from the board's output. */
  status: (line: string) => void;
  /** Resolves when the user wants to stop. */
  stopped: Promise<void>;
  /** Registers the function that sends the user's keystrokes to the board. */
  onInput: (send: (bytes: Uint8Array) => void) => void;
  relativeTo?: string;
  /** Called once the port is open (so "Connected" is never said of a port that failed to open). */
  onConnected?: () => void;
  /**
   * The project whose build/ `files` come from: a traceback that ends the program is then
   * checked against the board's own modules before it is mapped.
   */
  project?: string;
}

const RECONNECT_POLL_MS = 250;
const QUIT_KEYS = new Set([0x1d, 0x18]); // Ctrl-] and Ctrl-X, as in mpremote

/** The user's terminal: keystrokes in, the board's output and status lines out. */
export interface MonitorTerminal {
  stdin: NodeJS.ReadStream;
  output: (text: string) => void;
  status: (line: string) => void;
}

/** What the console is for: `monitor` (tracebacks mapped to TypeScript) or `repl` (MicroPython's prompt, typed into). */
export interface ConsoleMode {
  /** Where the last build is, to map tracebacks; none for the REPL (what the user types is <stdin>). */
  project?: string;
  /** Bytes that end the session on a terminal; everything else goes to the board. */
  quitKeys: ReadonlySet<number>;
  greeting: string;
  /** Piped (not a terminal) input ends the session once it is sent and the board has answered. */
  endWithInput?: boolean;
}

/** `tsmp monitor`: the board's output, Ctrl-] or Ctrl-X quits. */
export const MONITOR: (project: string) => ConsoleMode = (project) => ({
  project,
  quitKeys: QUIT_KEYS,
  greeting: "(Ctrl-] or Ctrl-X quits)",
});

/** `tsmp repl`: only Ctrl-] leaves, so Ctrl-C, Ctrl-D, Ctrl-X and Tab reach MicroPython's REPL. */
export const REPL: ConsoleMode = {
  quitKeys: new Set([0x1d]),
  greeting: "MicroPython's REPL: Ctrl-] leaves; Ctrl-C, Ctrl-D and Tab go to the board (press Enter for a prompt)",
  endWithInput: true,
};

/**
 * The last build, when it is what tsmp installed on the board at `path`; otherwise nothing is
 * mapped, and `problem` says why (told once the port is open, so a bad port gets its one line).
 */
function buildMatching(project: string, path: string): { files: MappedFile[]; problem?: string } {
  const problem = whyBuildDoesNotMatch(project, path);
  return problem === undefined ? { files: loadLastBuild(project) } : { files: [], problem };
}

/** How long piped input's answers may keep coming once the input has ended. */
const PIPED_INPUT_DRAIN_MS = 700;

/**
 * `tsmp monitor` and `tsmp repl`: picks the port, puts a terminal into raw mode so keystrokes go
 * to the board as typed (the mode's quit keys end it), and stops on SIGINT or SIGTERM, leaving
 * the terminal as found.
 */
export async function monitorFromTerminal(
  options: { port?: string; baudRate?: number; serialNumber?: string },
  mode: ConsoleMode,
  terminal: MonitorTerminal,
): Promise<void> {
  const path = await resolvePort(options.port, { log: terminal.status, serialNumber: options.serialNumber });
  const { stdin } = terminal;
  let quit: () => void = () => undefined;
  const stopped = new Promise<void>((resolveStop) => (quit = resolveStop));
  const onSignal = () => quit();
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  const build = mode.project === undefined ? { files: [] } : buildMatching(mode.project, path);
  if (stdin.isTTY) stdin.setRawMode(true);
  try {
    await monitorBoard({
      path,
      baudRate: options.baudRate,
      files: build.files,
      ...(mode.project === undefined ? {} : { project: mode.project }),
      relativeTo: process.cwd(),
      output: terminal.output,
      status: terminal.status,
      stopped,
      onConnected: () => {
        terminal.status(`Connected to ${path}${stdin.isTTY ? ` ${mode.greeting}` : ""}`);
        if (build.problem) terminal.status(`[tsmp] tracebacks are shown as the board prints them: ${build.problem}`);
      },
      onInput: (send) => {
        stdin.on("data", (bytes: Buffer) => {
          const quitAt = stdin.isTTY ? bytes.findIndex((byte) => mode.quitKeys.has(byte)) : -1;
          if (quitAt < 0) return send(bytes);
          if (quitAt > 0) send(bytes.subarray(0, quitAt));
          quit();
        });
        if (mode.endWithInput && !stdin.isTTY) stdin.once("end", () => setTimeout(quit, PIPED_INPUT_DRAIN_MS));
        stdin.resume();
      },
    });
  } finally {
    if (stdin.isTTY) stdin.setRawMode(false);
    stdin.pause();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/**
 * A serial console that survives the board going away: when the port closes (a hard reset
 * re-enumerates USB, a cable is re-plugged) it waits for the device to come back and reopens it.
 */
export async function monitorBoard(options: MonitorOptions): Promise<void> {
  let stop = false;
  void options.stopped.then(() => {
    stop = true;
    wake?.();
  });
  let wake: (() => void) | undefined;
  let transport: SerialTransport | undefined = await SerialTransport.open(options.path, { baudRate: options.baudRate });
  options.onConnected?.();
  options.onInput((bytes) => void transport?.write(bytes).catch(() => undefined));
  const decoder = new TextDecoder();
  const project = options.files.length > 0 ? options.project : undefined;
  let held = false;
  const rewriter = createTracebackRewriter(options.files, options.output, options.relativeTo, {
    ...(project === undefined ? {} : { hold: () => (held = true) }),
  });
  transport.onClose(() => wake?.());

  while (!stop) {
    if (!transport) {
      transport = await reopen(
        options,
        () => stop,
        (resume) => (wake = resume),
      );
      if (!transport) break;
      transport.onClose(() => wake?.());
      options.status(`[tsmp] reconnected to ${options.path}`);
    }
    try {
      const reading = transport.readSome();
      const bytes = await Promise.race([reading, new Promise<undefined>((resume) => (wake = () => resume(undefined)))]);
      if (bytes) rewriter.push(decoder.decode(bytes, { stream: true }));
      else if (!transport.isOpen) throw new LinkLost("closed");
      while (held) {
        held = false;
        // The board's prompt right after the traceback: the program ended, and the board can be
        // asked what it runs without stopping anything.
        rewriter.push(decoder.decode(await transport.readUntilQuiet(PROMPT_QUIET_MS, PROMPT_WAIT_MS), { stream: true }));
        const problem = rewriter.afterHeld.endsWith(">>> ") ? await whyBoardDiffers(transport, project!, options.files) : undefined;
        if (problem) options.status(`[tsmp] this traceback is shown as the board printed it: ${problem}`);
        rewriter.release(problem === undefined);
      }
    } catch (error) {
      if (!(error instanceof LinkLost)) throw error;
      rewriter.end();
      options.status(`[tsmp] ${options.path} disappeared; waiting for it to come back (Ctrl-] to quit)`);
      transport = undefined;
    }
  }
  rewriter.end();
  await transport?.close();
}

/** How long the board may be silent after a traceback before its prompt counts as not coming. */
const PROMPT_QUIET_MS = 150;
const PROMPT_WAIT_MS = 1000;

/**
 * Whether the board still runs what `project`'s build/ holds: the sha256 of its main.py and of
 * every module of the build it holds as source, asked through the raw REPL while the board waits
 * at its prompt (modules installed as .mpy are not compared: build/ keeps their source). The
 * raw REPL's greeting on the way out is not shown.
 */
async function whyBoardDiffers(link: ByteLink, project: string, files: readonly MappedFile[]): Promise<string | undefined> {
  const paths = files.map((file) => file.path);
  let hashes: (string | undefined)[];
  const repl = new RawRepl(link, { attempts: 1 });
  try {
    await repl.enter();
    hashes = await new BoardFs(repl).sha256(paths);
    await repl.exit();
    await link.readUntil(">>> ", { idleTimeoutMs: PROMPT_WAIT_MS, deadline: Date.now() + 2 * PROMPT_WAIT_MS });
  } catch (error) {
    if (!(error instanceof TsmpError) || error instanceof LinkLost) throw error;
    // The board did not answer as an idle one would: it is mapped by the local record, as before.
    return undefined;
  }
  const differ = paths.filter((path, i) => {
    if (hashes[i] === undefined && path !== "main.py") return false;
    return hashes[i] !== sha256OfFile(join(buildFolder(project), path));
  });
  if (differ.length === 0) return undefined;
  return `the board's ${differ.join(", ")} ${differ.length === 1 ? "is" : "are"} not what ${buildFolder(project)} holds (flashed from elsewhere since?); run tsmp flash to map tracebacks again`;
}

function sha256OfFile(path: string): string | undefined {
  return existsSync(path) ? createHash("sha256").update(readFileSync(path)).digest("hex") : undefined;
}

async function reopen(
  options: MonitorOptions,
  stopped: () => boolean,
  setWake: (resume: () => void) => void,
): Promise<SerialTransport | undefined> {
  while (!stopped()) {
    if (existsSync(options.path)) {
      try {
        return await SerialTransport.open(options.path, { baudRate: options.baudRate });
      } catch {
        // The device node appears before it can be opened; try again on the next poll.
      }
    }
    await new Promise<void>((resume) => {
      const timer = setTimeout(resume, RECONNECT_POLL_MS);
      setWake(() => {
        clearTimeout(timer);
        resume();
      });
    });
  }
  return undefined;
}
