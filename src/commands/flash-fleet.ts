import { TsmpError } from "../errors.js";
import { withBoard } from "../flash/connection.js";
import { listSerialPorts, VIRTUAL_BOARD_HINT } from "../flash/ports.js";
import { formatBytes } from "../flash/progress.js";
import { recordFlashed } from "../sourcemap/last-build.js";
import { buildForBoard, installBuild, projectFolder, type FlashOptions } from "./flash.js";

/** Some boards of a fleet were not flashed; the message names each with its reason. */
export class FleetFlashFailed extends TsmpError {}

export interface FleetOptions extends Pick<FlashOptions, "baudRate" | "mpy" | "extraFiles"> {
  /** Status lines; on a terminal each board's line is redrawn in place. */
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

export interface FleetResult {
  port: string;
  /** What the board got ("2 updated, 1 up to date"), or why it failed. */
  outcome: { ok: true; summary: string } | { ok: false; reason: string };
}

/** `--all`: every connected port whose USB IDs look like a MicroPython board. */
export async function detectedBoards(): Promise<string[]> {
  const boards = (await listSerialPorts()).filter((port) => port.boardGuess).map((port) => port.path);
  if (boards.length === 0) throw new TsmpError(`--all found no MicroPython board connected over USB.\n${VIRTUAL_BOARD_HINT}`);
  return boards;
}

/**
 * `tsmp flash --port a --port b` / `--all`: builds once, then installs the build on every board
 * at the same time, each with its own line, and fails at the end naming every board that failed.
 */
export async function flashFleet(project: string, ports: string[], options: FleetOptions): Promise<FleetResult[]> {
  const build = await buildForBoard(project, (text) => void options.stderr.write(text));
  const display = new FleetDisplay(ports, options.stderr);
  const results = await Promise.all(
    ports.map(async (port): Promise<FleetResult> => {
      const log = (line: string) => display.note(port, line);
      let total = 0;
      const progress = {
        start: (bytes: number) => void (total = bytes),
        advance: (file: string, bytes: number) => display.progress(port, file, bytes, total),
        finish: () => undefined,
      };
      const started = performance.now();
      try {
        const report = await withBoard({ port, baudRate: options.baudRate, log }, (board) =>
          installBuild(board, build, { ...options, log, progress }),
        );
        recordFlashed(projectFolder(project), port, build.files);
        const changed = report.updated.length + report.repaired.length;
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const summary = `${changed} updated, ${report.upToDate.length} up to date, ${formatBytes(report.bytesSent)} sent in ${seconds} s; restarted`;
        display.finish(port, `ok: ${summary}`);
        return { port, outcome: { ok: true, summary } };
      } catch (error) {
        if (!(error instanceof TsmpError)) throw error;
        display.finish(port, `FAILED: ${error.message}`);
        return { port, outcome: { ok: false, reason: error.message } };
      }
    }),
  );
  const failed = results.filter((result) => !result.outcome.ok);
  if (failed.length > 0) {
    const reasons = failed.map((result) => `${result.port} (${result.outcome.ok ? "" : result.outcome.reason})`);
    throw new FleetFlashFailed(`${failed.length} of ${ports.length} boards failed: ${reasons.join("; ")}`);
  }
  return results;
}

/**
 * One line per board. On a terminal the lines are redrawn in place (progress, then the result);
 * elsewhere each board's news is a line of its own, prefixed with its port, and progress is left out.
 */
class FleetDisplay {
  private readonly lines: Map<string, string>;
  private readonly sent = new Map<string, number>();
  private drawn = false;

  constructor(
    ports: string[],
    private readonly stream: { write(text: string): unknown; isTTY?: boolean },
  ) {
    this.lines = new Map(ports.map((port) => [port, "connecting"]));
    this.draw();
  }

  note(port: string, line: string): void {
    if (this.stream.isTTY) this.set(port, line);
    else this.stream.write(`${port}: ${line}\n`);
  }

  progress(port: string, file: string, bytes: number, total: number): void {
    const sent = (this.sent.get(port) ?? 0) + bytes;
    this.sent.set(port, sent);
    if (this.stream.isTTY)
      this.set(port, `${Math.floor((sent / Math.max(1, total)) * 100)}% ${formatBytes(sent)}/${formatBytes(total)} ${file}`);
  }

  finish(port: string, line: string): void {
    if (this.stream.isTTY) this.set(port, line);
    else this.stream.write(`${port}: ${line}\n`);
  }

  private set(port: string, line: string): void {
    this.lines.set(port, line);
    this.draw();
  }

  private draw(): void {
    if (!this.stream.isTTY) return;
    const width = Math.max(...[...this.lines.keys()].map((port) => port.length));
    const up = this.drawn ? `\x1b[${this.lines.size}A` : "";
    this.drawn = true;
    this.stream.write(up + [...this.lines].map(([port, line]) => `\r\x1b[K${port.padEnd(width)}  ${line}\n`).join(""));
  }
}
