import type { MessagePort } from "node:worker_threads";
import type { RenameFault } from "./faults.js";
import type { RunContext } from "./run-state.js";

/** A file as the board stores it: path from the board's root ("/main.py"). */
export type BoardFiles = Array<[path: string, content: Uint8Array]>;

/**
 * What a board worker is started with: what stays the same through the board's life. A worker
 * starts standing by (its VM loaded and set up) until a `power-on` message switches it on.
 */
export interface BoardWorkerData {
  runState: SharedArrayBuffer;
  /**
   * Where ToBoard messages arrive. A port of its own, not the worker's parentPort, so that a
   * program waiting in input() can take input synchronously (receiveMessageOnPort).
   */
  toBoard: MessagePort;
  /** Size of one raw-paste flow-control window. */
  rawPasteWindow: number;
  refuseRawPaste: boolean;
  /** What the chip prints as it comes out of a hard reset, by machine.reset_cause() value. */
  resetBanners?: Partial<Record<number, string>>;
}

/** Switches a worker standing by on: the first message it takes, and the only one of its kind. */
export interface PowerOnMessage {
  type: "power-on";
  files: BoardFiles;
  dirs: string[];
  /** Set when the previous board was stopped by force while running Python after a Ctrl-C. */
  interruptedIn?: RunContext;
  /** The REPL mode the previous board was in (a forced restart continues in it). */
  rawRepl?: boolean;
  failRename?: RenameFault;
  /** How long output may stand still before the board decides nobody is reading and drops it. */
  stallMs: number;
  /** machine.reset_cause() of this boot, when it is not a power-up (the reset button). */
  resetCause?: number;
}

export type ToBoard = PowerOnMessage | { type: "input"; bytes: Uint8Array } | { type: "sync-files"; id: number };

export type FromBoard =
  | { type: "output"; bytes: Uint8Array }
  | { type: "files"; changed: BoardFiles; removed: string[]; dirs: string[] }
  | { type: "mode"; rawRepl: boolean }
  | { type: "synced"; id: number }
  /** The failRename fault cut the power: the flash as it was at that moment; the worker is dead. */
  | { type: "power-cut"; files: BoardFiles; dirs: string[] }
  /** The worker's VM is loaded and set up: a power-on message would start it in milliseconds. */
  | { type: "standing-by" }
  /** The worker took its power-on message; the board is booting. */
  | { type: "powered-on" }
  /** The board runs main.py or shows its first prompt. */
  | { type: "up" }
  /** The board is up again after a hard reset, with this machine.reset_cause(). */
  | { type: "rebooted"; cause: number };
