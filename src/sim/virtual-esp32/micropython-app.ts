import { VirtualBoard } from "../virtual-board/virtual-board.js";
import type { StoredFiles } from "../stored-files.js";

/**
 * What a virtual ESP32 runs after booting a MicroPython image: the same simulated board as
 * `tsmp virtual-board` (the real VM with machine, boot.py and main.py, friendly and raw REPL,
 * soft reset, only the board's own files), wired to the chip's UART and introduced by the
 * banner the image itself carries. The VM does not execute the Xtensa code in flash; it stands
 * in for it.
 */
export class MicroPythonApp {
  private constructor(private readonly board: VirtualBoard) {}

  /**
   * Boots with `files` on the filesystem; the board's output goes to `write` as latin1 text (one
   * character per byte, so protocol bytes such as raw-paste's window size pass unchanged).
   */
  static async boot(
    banner: string,
    write: (text: string) => void,
    files: StoredFiles,
    /** What the ROM prints as the chip comes out of a hard reset, by machine.reset_cause() value. */
    resetBanners: Partial<Record<number, string>>,
  ): Promise<MicroPythonApp> {
    // The VM greets as "MicroPython v1.27.0 …; JS with Emscripten"; the board as the firmware
    // that was flashed, whenever the REPL prints its banner (boot, Ctrl-B, soft reset).
    const output = replaceLine(VM_BANNER, banner, write);
    const board = await VirtualBoard.start({
      files: Object.fromEntries(files),
      cable: { transmit: (bytes) => output(Buffer.from(bytes).toString("latin1")) },
      resetBanners,
    });
    return new MicroPythonApp(board);
  }

  /** Bytes typed at the REPL. */
  input(bytes: Uint8Array): void {
    this.board.receive(bytes);
  }

  /** Resolves with machine.reset_cause() once MicroPython is up again after its next hard reset. */
  nextHardReset(): Promise<number> {
    return this.board.nextHardReset();
  }

  /** Powers the app down (the chip is reset into its bootloader); resolves to its files then. */
  async stop(): Promise<StoredFiles> {
    const files: StoredFiles = new Map();
    for (const path of await this.board.listFiles()) files.set(path, await this.board.readFile(path));
    await this.board.stop();
    return files;
  }
}

/** The line the VM's REPL introduces itself with. */
const VM_BANNER = /MicroPython v[^\r\n]*JS with Emscripten/;

/** The "MicroPython v1.xx…" version line in an image, if it is a MicroPython build. */
export function micropythonBanner(image: Uint8Array, chipName: string): string | undefined {
  const text = Buffer.from(image.buffer, image.byteOffset, image.byteLength).toString("latin1");
  const match = /MicroPython (v\d+\.\d+[\w.+-]*)(?: on (\d{4}-\d{2}-\d{2}))?/.exec(text);
  if (!match) return undefined;
  return `MicroPython ${match[1]}${match[2] ? ` on ${match[2]}` : ""}; Generic ${chipName} module with ${chipName}`;
}

/**
 * Passes text through, except that a line matching `from` comes out as `to`. Text is held back
 * only while a line that could still be a banner is incomplete.
 */
function replaceLine(from: RegExp, to: string, write: (text: string) => void): (text: string) => void {
  let held = "";
  return (text) => {
    held += text;
    let out = "";
    for (;;) {
      const lineEnd = held.indexOf("\n");
      const line = lineEnd < 0 ? held : held.slice(0, lineEnd + 1);
      if (lineEnd < 0 && "MicroPython v".startsWith(line.slice(0, 13)) && line.length > 0) break;
      out += line.replace(from, to);
      held = held.slice(line.length);
      if (lineEnd < 0 || held === "") break;
    }
    if (out) write(out);
  };
}
