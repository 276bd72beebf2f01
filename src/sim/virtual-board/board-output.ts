const LF = 0x0a;
const CR = 0x0d;
/** How much of the recent output endsWith() can look at. */
const RECENT = 64;
const encoder = new TextEncoder();
/**
 * Traceback lines from the simulated board modules (Python files here, C on a board): a board's
 * traceback for Ctrl-C in time.sleep() ends at the caller's line, so these are left out.
 */
const BUILT_IN_FRAME = '  File "/.board/';

/**
 * The board's side of the UART transmit line. Protocol text (prompts, banners, raw-REPL
 * framing) goes out as written; Python's output is "cooked" the way a board's UART driver
 * does it, each lone `\n` sent as `\r\n` (the VM itself prints bare `\n`).
 */
export class BoardOutput {
  private pending: number[] = [];
  private lastPythonByte = 0;
  /** The last bytes that went out (at least RECENT of them), for endsWith(). */
  private recentBytes: number[] = [];
  private unwantedPrefix: number[] = [];
  /** The start of the current line, held back while it may still be a built-in frame; null mid-line. */
  private lineStart: string | null = "";
  private hidingLine = false;
  /** While set, output is dropped (used to silence the VM's own start-up banner). */
  muted = false;

  constructor(private readonly transmit: (bytes: Uint8Array) => void) {}

  protocol(text: string | Uint8Array): void {
    this.releaseHeldLine();
    this.push(typeof text === "string" ? encoder.encode(text) : text);
  }

  python(text: string): void {
    // The VM hands over one character at a time: a plain ASCII character mid-line (most of any
    // output) goes straight out, without the line-start bookkeeping below.
    if (text.length === 1 && this.lineStart === null && !this.hidingLine) {
      const code = text.charCodeAt(0);
      if (code < 0x80 && code !== LF) {
        this.lastPythonByte = code;
        this.pushByte(code);
        return;
      }
    }
    let visible = "";
    for (const char of text) {
      if (this.hidingLine) {
        this.hidingLine = char !== "\n";
        if (!this.hidingLine) this.lineStart = "";
        continue;
      }
      if (this.lineStart !== null) {
        const candidate = this.lineStart + char;
        if (candidate === BUILT_IN_FRAME) {
          this.hidingLine = true;
          this.lineStart = null;
        } else if (BUILT_IN_FRAME.startsWith(candidate)) {
          this.lineStart = candidate;
        } else {
          visible += candidate;
          this.lineStart = char === "\n" ? "" : null;
        }
        continue;
      }
      visible += char;
      if (char === "\n") this.lineStart = "";
    }
    this.cook(visible);
  }

  private releaseHeldLine(): void {
    if (!this.lineStart) return;
    const held = this.lineStart;
    this.lineStart = null;
    this.cook(held);
  }

  private cook(text: string): void {
    const bytes = encoder.encode(text);
    const cooked: number[] = [];
    for (const byte of bytes) {
      if (byte === LF && this.lastPythonByte !== CR) cooked.push(CR);
      cooked.push(byte);
      this.lastPythonByte = byte;
    }
    this.push(Uint8Array.from(cooked));
    // A line is the unit a terminal shows, so a finished line goes out at once.
    if (bytes.includes(LF)) this.flush();
  }

  /** Drops `text` if it is what comes out next (the VM's REPL starts its greeting with a newline). */
  dropLeading(text: string): void {
    this.unwantedPrefix = [...encoder.encode(text)];
  }

  /** Whether what went out most recently ends with `text` (the VM's REPL announces its mode switches). */
  endsWith(text: string): boolean {
    return String.fromCharCode(...this.recentBytes.slice(-RECENT)).endsWith(text);
  }

  flush(): void {
    this.releaseHeldLine();
    if (this.pending.length === 0) return;
    const bytes = Uint8Array.from(this.pending);
    this.pending = [];
    this.transmit(bytes);
  }

  /** Keeps the last RECENT bytes sent (or a few more: trimming on every byte would cost more). */
  private remember(bytes: ArrayLike<number>): void {
    for (let i = 0; i < bytes.length; i++) this.recentBytes.push(bytes[i]!);
    if (this.recentBytes.length > 2 * RECENT) this.recentBytes.splice(0, this.recentBytes.length - RECENT);
  }

  private pushByte(byte: number): void {
    if (this.muted) return;
    if (this.unwantedPrefix.length > 0) {
      this.push(Uint8Array.of(byte));
      return;
    }
    this.pending.push(byte);
    this.remember([byte]);
    if (this.pending.length >= 512) this.flush();
  }

  private push(bytes: Uint8Array): void {
    if (this.muted) return;
    let start = 0;
    while (this.unwantedPrefix.length > 0 && start < bytes.length) {
      if (bytes[start] !== this.unwantedPrefix.shift()) {
        this.unwantedPrefix = [];
        break;
      }
      start++;
    }
    bytes = bytes.subarray(start);
    for (const byte of bytes) this.pending.push(byte);
    this.remember(bytes.subarray(-RECENT));
    if (this.pending.length >= 512) this.flush();
  }
}
