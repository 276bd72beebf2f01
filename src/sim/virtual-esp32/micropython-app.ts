import { MicroPythonVm } from "../micropython-vm.js";

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
    let previous = "";
    // A UART board ends lines with \r\n; the VM's program output uses bare \n.
    const toUart = (text: string): void => {
      const converted = text.replace(/(?<!\r)\n/g, (_, offset: number) => (offset === 0 && previous === "\r" ? "\n" : "\r\n"));
      previous = text.at(-1) ?? previous;
      sink.output(converted);
    };
    const vm = await MicroPythonVm.load({ stdout: toUart, stderr: toUart, heapSize: 256 * 1024 });
    // The VM's own banner names Emscripten; the board's names the firmware that was flashed.
    vm.module.replInit();
    sink.output = write;
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
