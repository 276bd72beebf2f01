import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Two connected ptys from socat: what one side writes, the other reads. */
export interface PtyPair {
  host: string;
  device: string;
  stop(): Promise<void>;
}

export async function startPtyPair(): Promise<PtyPair> {
  const folder = mkdtempSync(join(tmpdir(), "tsmp-pty-"));
  const host = join(folder, "host");
  const device = join(folder, "device");
  const socat: ChildProcess = spawn("socat", [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${device}`], { stdio: "ignore" });
  const deadline = Date.now() + 10_000;
  while (!(existsSync(host) && existsSync(device))) {
    if (Date.now() > deadline || socat.exitCode !== null) throw new Error("socat did not create the ptys");
    await new Promise((resolveWait) => setTimeout(resolveWait, 20));
  }
  return {
    host,
    device,
    async stop() {
      if (socat.exitCode === null) {
        const exited = new Promise((resolveExit) => socat.once("exit", resolveExit));
        socat.kill();
        await exited;
      }
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
