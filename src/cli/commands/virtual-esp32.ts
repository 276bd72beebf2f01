import type { Command } from "commander";
import { TsmpError } from "../../errors.js";

// Placeholder until the owning issue lands this command; it must not survive to a release.
export function registerVirtualEsp32(program: Command): void {
  program
    .command("virtual-esp32")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      throw new TsmpError("tsmp virtual-esp32 is not implemented yet");
    });
}
