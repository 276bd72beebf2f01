import type { Command } from "commander";
import { DEFAULT_BOARD, type CreateProjectOptions } from "../../commands/init.js";

export function registerInit(program: Command): void {
  program
    .command("init")
    .description("create a new project from a template")
    .argument("<dir>", "folder to create (must not exist, or be empty)")
    .option("--template <name>", "template to start from", "blink")
    .option("--board <board>", `board flavour: ${DEFAULT_BOARD} or generic`, DEFAULT_BOARD)
    .option("--tsmp <spec>", "what the project installs as tsmp: a version range, git URL, folder or tarball (default: ^ this version)")
    .action(async (dir: string, options: CreateProjectOptions) => {
      const { createProject, nextSteps } = await import("../../commands/init.js");
      const created = createProject(dir, options);
      process.stderr.write(nextSteps(dir, created));
    });
}
