import type { Command } from "commander";
import { TsmpError } from "../../errors.js";

// Placeholder until the owning issue lands this command; it must not survive to a release.
export function registerFlash(program: Command): void {
  program
    .command("flash")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      throw new TsmpError("tsmp flash is not implemented yet");
    });
}
