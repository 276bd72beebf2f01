import type { Command } from "commander";
import { TsmpError } from "../../errors.js";

// Placeholder until the owning issue lands this command; it must not survive to a release.
export function registerRun(program: Command): void {
  program
    .command("run")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      throw new TsmpError("tsmp run is not implemented yet");
    });
}
