import type { Command } from "commander";
import { TsmpError } from "../../errors.js";

// Placeholder until the owning issue lands this command; it must not survive to a release.
export function registerMonitor(program: Command): void {
  program
    .command("monitor")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      throw new TsmpError("tsmp monitor is not implemented yet");
    });
}
