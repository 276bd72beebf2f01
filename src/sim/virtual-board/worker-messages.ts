import type { MessagePort } from "node:worker_threads";
import type { RenameFault } from "./faults.js";
import type { RunContext } from "./run-state.js";

/** A file as the board stores it: path from the board's root ("/main.py"). */
export type BoardFiles = Array<[path: string, content: Uint8Array]>;

/** How a freshly started board worker begins. */
export interface BoardWorkerData {
  runState: SharedArrayBuffer;
  /**
   * Where ToBoard messages arrive. A port of its own, not the worker's parentPort, so that a
   * program waiting in input() can take input synchronously (receiveMessageOnPort).
   */
  toBoard: MessagePort;
  files: BoardFiles;
  dirs: string[];
  /** Set when the previous board was stopped by force while running Python after a Ctrl-C. */
  interruptedIn?: RunContext;
  /** The REPL mode the previous board was in (a forced restart continues in it). */
  rawRepl?: boolean;
  /** Size of one raw-paste flow-control window. */
  rawPasteWindow: number;
  refuseRawPaste: boolean;
  failRename?: RenameFault;
  /** How long output may stand still before the board decides nobody is reading and drops it. */
  stallMs: number;
  /** What the chip prints as it comes out of a hard reset, by machine.reset_cause() value. */
  resetBanners?: Partial<Record<number, string>>;
  /** machine.reset_cause() of this boot, when it is not a power-up (the reset button). */
  resetCause?: number;
}

export type ToBoard = { type: "input"; bytes: Uint8Array } | { type: "sync-files"; id: number };

export type FromBoard =
  | { type: "output"; bytes: Uint8Array }
  | { type: "files"; changed: BoardFiles; removed: string[]; dirs: string[] }
  | { type: "mode"; rawRepl: boolean }
  | { type: "synced"; id: number }
  /** The failRename fault cut the power: the flash as it was at that moment; the worker is dead. */
  | { type: "power-cut"; files: BoardFiles; dirs: string[] }
  /** The worker's code loaded; the board is booting. */
  | { type: "powered-on" }
  /** The board runs main.py or shows its first prompt. */
  | { type: "up" }
  /** The board is up again after a hard reset, with this machine.reset_cause(). */
  | { type: "rebooted"; cause: number };
