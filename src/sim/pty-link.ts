import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, lstatSync, readlinkSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { TsmpError } from "../errors.js";

export class PtyLinkError extends TsmpError {}

/**
 * A pair of connected ptys made by socat: the host's tool opens `userPath`, a virtual device
 * (the virtual board, the virtual ESP32) drives `boardPath`. Closing the link is what
 * unplugging the cable looks like to the host.
 */
export class PtyLink {
  private exited: Promise<void>;

  private constructor(
    private readonly socat: ChildProcess,
    readonly userPath: string,
    readonly boardPath: string,
  ) {
    this.exited = new Promise((resolve) => {
      if (socat.exitCode !== null || socat.signalCode !== null) resolve();
      else socat.once("exit", () => resolve());
    });
  }

  static async open(userPath: string, boardPath: string): Promise<PtyLink> {
    // socat replaces whatever is at the link path, and close() removes it: only ever a link.
    const existing = lstatSync(userPath, { throwIfNoEntry: false });
    if (existing && !existing.isSymbolicLink()) {
      throw new PtyLinkError(`${userPath} already exists and is not a symlink; choose another path for the board's pty`);
    }
    // A link to a pty that still exists belongs to a running virtual device: taking it over would
    // cut that device off, and deleting it on exit would break it for good.
    if (existing && existsSync(userPath)) {
      throw new PtyLinkError(
        `${userPath} is the port of a running virtual device (it points at ${readlinkSync(userPath)}); stop that one or choose another path`,
      );
    }
    if (!existsSync(dirname(userPath))) {
      throw new PtyLinkError(`cannot create ${userPath}: the folder ${dirname(userPath)} does not exist`);
    }
    const socat = spawn("socat", ["-d", "-d", `pty,raw,echo=0,link=${userPath}`, `pty,raw,echo=0,link=${boardPath}`], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    const link = new PtyLink(socat, userPath, boardPath);
    await new Promise<void>((resolve, reject) => {
      let log = "";
      const fail = (message: string): void => {
        socat.stderr!.off("data", onData);
        reject(new PtyLinkError(message));
      };
      // socat logs "starting data transfer loop" once both ptys and their links exist.
      const onData = (chunk: Buffer): void => {
        log += chunk.toString();
        if (log.includes("starting data transfer loop")) {
          socat.stderr!.off("data", onData);
          socat.off("error", onError);
          socat.off("exit", onExit);
          socat.stderr!.resume();
          resolve();
        }
      };
      const onError = (error: NodeJS.ErrnoException): void =>
        fail(
          error.code === "ENOENT"
            ? "socat is not installed (virtual boards need it to make a pty; apt-get install socat)"
            : `could not start socat: ${error.message}`,
        );
      const onExit = (): void => fail(`socat could not create the pty link at ${userPath}: ${log.trim().split("\n").at(-1) ?? ""}`);
      socat.stderr!.on("data", onData);
      socat.once("error", onError);
      socat.once("exit", onExit);
    });
    return link;
  }

  /** Ends socat (both ptys vanish, as an unplugged USB board's port does) and removes the links. */
  async close(): Promise<void> {
    if (this.socat.exitCode === null && this.socat.signalCode === null) this.socat.kill("SIGTERM");
    await this.exited;
    // socat removes its links on a clean exit; make sure, so the path can be reused.
    rmSync(this.userPath, { force: true });
    rmSync(this.boardPath, { force: true });
  }
}
