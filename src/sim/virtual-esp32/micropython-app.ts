import { MicroPythonVm } from "../../vm/micropython-vm.js";

/**
 * What a virtual ESP32 runs after booting a MicroPython image: the real MicroPython VM's REPL
 * on the UART, introduced by the banner the image itself carries. The VM does not execute the
 * Xtensa code in flash; it stands in for it, which is enough for "does the REPL answer".
 */
const RAW_PASTE_REQUEST = [0x05, 0x41, 0x01];

export class MicroPythonApp {
  private held: number[] = [];

  private constructor(
    private readonly vm: MicroPythonVm,
    private readonly sink: { output: (text: string) => void },
  ) {}

  static async boot(banner: string, write: (text: string) => void): Promise<MicroPythonApp> {
    const sink = { output: (_text: string): void => {} };
    let lastWasCr = false;
    // A UART board ends lines with \r\n; the VM's program output uses bare \n.
    const toUart = (text: string): void => {
      let out = "";
      for (const char of text) {
        if (char === "\n" && !lastWasCr) out += "\r";
        out += char;
        lastWasCr = char === "\r";
      }
      sink.output(out);
    };
    const vm = await MicroPythonVm.load({ stdout: toUart, stderr: toUart, heapSize: 256 * 1024 });
    let greeting = "";
    sink.output = (text) => (greeting += text);
    vm.module.replInit();
    // The VM greets as "MicroPython v1.27.0 …; JS with Emscripten"; the board as the firmware
    // that was flashed, here and whenever the REPL prints its banner again (Ctrl-B, soft reset).
    const vmBanner = /MicroPython v[^\r\n]*/.exec(greeting)?.[0];
    sink.output = vmBanner ? replaceLine(vmBanner, banner, write) : write;
    write(`${banner}\r\nType "help()" for more information.\r\n>>> `);
    return new MicroPythonApp(vm, sink);
  }

  /** Bytes typed at the REPL. Ctrl-D on an empty line asks for a soft reset, which re-inits the REPL. */
  input(bytes: Uint8Array): void {
    for (const byte of bytes) {
      if (this.held.length > 0 || byte === RAW_PASTE_REQUEST[0]) {
        this.held.push(byte);
        if (RAW_PASTE_REQUEST.slice(0, this.held.length).every((b, i) => b === this.held[i])) {
          if (this.held.length === RAW_PASTE_REQUEST.length) {
            this.held = [];
            // The VM's event-driven REPL hangs on raw-paste, so this board declines it, as
            // MicroPython before 1.14 does; clients fall back to plain raw mode.
            this.sink.output("R\x00");
          }
          continue;
        }
        const held = this.held;
        this.held = [];
        for (const b of held) this.feed(b);
        continue;
      }
      this.feed(byte);
    }
  }

  private feed(byte: number): void {
    const mp = this.vm.module;
    if (mp.replProcessChar(byte) === 256) {
      this.sink.output("MPY: soft reboot\r\n");
      mp.replInit();
    }
  }

  stop(): void {
    this.sink.output = () => {};
  }
}

/** The "MicroPython v1.xx…" version line in an image, if it is a MicroPython build. */
export function micropythonBanner(image: Uint8Array, chipName: string): string | undefined {
  const text = Buffer.from(image.buffer, image.byteOffset, image.byteLength).toString("latin1");
  const match = /MicroPython (v\d+\.\d+[\w.+-]*)(?: on (\d{4}-\d{2}-\d{2}))?/.exec(text);
  if (!match) return undefined;
  return `MicroPython ${match[1]}${match[2] ? ` on ${match[2]}` : ""}; Generic ${chipName} module with ${chipName}`;
}

/** Passes text through, except that every occurrence of `from` comes out as `to`. */
function replaceLine(from: string, to: string, write: (text: string) => void): (text: string) => void {
  let held = "";
  return (text) => {
    let out = "";
    for (const char of text) {
      held += char;
      if (held === from) {
        out += to;
        held = "";
      } else if (!from.startsWith(held)) {
        // Not the banner after all: release what was held, keeping a possible new start.
        const restart = held.lastIndexOf(from[0]!);
        const keep = restart > 0 && from.startsWith(held.slice(restart)) ? held.slice(restart) : "";
        out += held.slice(0, held.length - keep.length);
        held = keep;
      }
    }
    if (out) write(out);
    // The VM prints a banner within one synchronous call; anything still held after it is text.
    if (held) {
      queueMicrotask(() => {
        if (held) write(held);
        held = "";
      });
    }
  };
}
