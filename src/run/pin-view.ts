import { performance } from "node:perf_hooks";
import type { OutputChange } from "../vm/board-modules.js";

/** A terminal line redrawn more often than this (real time) only floods the terminal. */
const REDRAW_INTERVAL_MS = 25;

export interface PinViewOptions {
  /** Where the view goes (stderr). */
  write: (text: string) => void;
  /** A terminal gets one line redrawn in place; anything else a log line per moment of change. */
  isTTY: boolean;
}

/**
 * Shows what a silent firmware does with its outputs: `LED1 ● LED2 ○  t=1.405s`. On a
 * terminal the line is redrawn in place and cleared around the program's own output; otherwise
 * each moment at which something changed gets one line, so a log stays short and greppable.
 */
export class PinView {
  private readonly levels = new Map<string, number>();
  private pendingMs: number | undefined;
  private lineShown = false;
  private programAtLineStart = true;
  private lastDrawAt = Number.NEGATIVE_INFINITY;
  /** The live line lags behind the outputs (a redraw was skipped). */
  private stale = false;

  constructor(private readonly options: PinViewOptions) {}

  /** Records one output change, timed from the program's start. */
  onOutput = (change: OutputChange): void => {
    const timeMs = change.timeMs;
    if (!this.options.isTTY && this.pendingMs !== undefined && Math.floor(timeMs) !== Math.floor(this.pendingMs)) {
      this.flushLogLine();
    }
    this.levels.set(change.device, change.value);
    this.pendingMs = timeMs;
    if (!this.options.isTTY) return;
    if (performance.now() - this.lastDrawAt >= REDRAW_INTERVAL_MS) this.drawLiveLine();
    else this.stale = true;
  };

  /**
   * Passes the program's own output through without tearing the live line: the line is cleared
   * first and redrawn only once the program's output has ended its line.
   */
  aroundOutput(text: string, print: (text: string) => void): void {
    if (!this.options.isTTY) {
      this.flushLogLine();
      print(text);
      return;
    }
    if (this.lineShown) {
      this.options.write("\r\x1b[2K");
      this.lineShown = false;
    }
    print(text);
    this.programAtLineStart = text.endsWith("\n");
    this.drawLiveLine();
  }

  /** Ends the view: the live line stays as the final state, on a line of its own. */
  finish(): void {
    if (this.options.isTTY) {
      if (this.stale) this.drawLiveLine();
      if (this.lineShown) this.options.write("\n");
      this.lineShown = false;
    } else {
      this.flushLogLine();
    }
  }

  private drawLiveLine(): void {
    if (this.pendingMs === undefined || !this.programAtLineStart) return;
    this.options.write(`\r\x1b[2K${this.describe()}  t=${formatSeconds(this.pendingMs)}`);
    this.lineShown = true;
    this.stale = false;
    this.lastDrawAt = performance.now();
  }

  private flushLogLine(): void {
    if (this.pendingMs === undefined) return;
    this.options.write(`t=${formatSeconds(this.pendingMs)}  ${this.describe()}\n`);
    this.pendingMs = undefined;
  }

  private describe(): string {
    return [...this.levels].map(([device, value]) => `${shortName(device)} ${glyph(device, value)}`).join(" ");
  }
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)}s`;
}

/** `LED(1)` → `LED1`, `Pin(2)` → `Pin2`, `PWM(Pin(4))` → `PWM4`. */
function shortName(device: string): string {
  const pwm = /^PWM\(Pin\((.*)\)\)$/.exec(device);
  if (pwm) return `PWM${pwm[1]}`;
  return device.replace(/^(\w+)\((.*)\)$/, "$1$2");
}

function glyph(device: string, value: number): string {
  // A NeoPixel's value is its colour, 0xRRGGBB.
  if (device.startsWith("NeoPixel(")) return `#${value.toString(16).padStart(6, "0")}`;
  if (value === 0) return "○";
  if (value === 1) return "●";
  return `${Math.round(value * 100)}%`;
}
