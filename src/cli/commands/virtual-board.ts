import type { Command } from "commander";
import { TsmpError } from "../../errors.js";

// Placeholder until the owning issue lands this command; it must not survive to a release.
export function registerVirtualBoard(program: Command): void {
  program
    .command("virtual-board")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      throw new TsmpError("tsmp virtual-board is not implemented yet");
    });
}
