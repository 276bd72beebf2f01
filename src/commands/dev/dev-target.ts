import type { ExtraFiles } from "../extra-files.js";
import type { EmittedFile } from "../../transpile/index.js";

/** A build that passed: what a target runs. */
export interface DevBuild {
  files: EmittedFile[];
  /** The module the program starts from ("main.py"). */
  entry: string;
  /** Files deployed beside the code on a board (data files, boot.py), from the project's configuration. */
  extraFiles: ExtraFiles | undefined;
}

/** Where `tsmp dev` runs each build: a board, the MicroPython VM here, or Node. */
export interface DevTarget {
  /** Runs this build from now on, replacing the one running. */
  deliver(build: DevBuild): void;
  /** Ends the run; a board is left running its program. */
  stop(): Promise<void>;
}

/** Lets a loop sleep until something happens (a new build, a stop) or, optionally, a timeout. */
export class Wakeups {
  private waiting: (() => void)[] = [];

  next(timeoutMs?: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              this.waiting = this.waiting.filter((waiter) => waiter !== wake);
              resolve();
            }, timeoutMs);
      this.waiting.push(wake);
    });
  }

  wake(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}
