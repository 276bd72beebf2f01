import type { Command } from "commander";
import { TsmpError } from "../../errors.js";

// Placeholder until the owning issue lands this command; it must not survive to a release.
export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      throw new TsmpError("tsmp build is not implemented yet");
    });
}
