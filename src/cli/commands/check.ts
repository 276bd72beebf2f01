import type { Command } from "commander";

export function registerCheck(program: Command): void {
  program
    .command("check")
    .description("report type errors and tsmp diagnostics without writing anything (for CI)")
    .argument("[input]", "project folder or .ts file", ".")
    .addHelpText("after", "\nExit code 0 when the project would build, 1 (with the diagnostics on stderr) when it would not.")
    .action(async (input: string) => {
      const { checkProject } = await import("../../commands/check.js");
      await checkProject(input, (line) => process.stderr.write(`${line}\n`));
    });
}
