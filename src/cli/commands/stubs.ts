import type { Command } from "commander";

export function registerStubs(program: Command): void {
  program
    .command("stubs")
    .description("write a TypeScript declaration (.d.ts) for a Python module")
    .argument("<input>", "a .py or .pyi file, or a module name found in ., lib/, src/ or src/lib/")
    .option("-o, --out <file.d.ts>", "write the declaration to this file (default: stdout)")
    .addHelpText(
      "after",
      "\nA file gets the declaration to put beside it (drivers/bme280.py → drivers/bme280.d.ts);\n" +
        'a module name gets a `declare module "board:<name>"` block for a module the board provides.\n' +
        "Defaults make parameters optional, keyword-only ones become a trailing KwArgs object,\n" +
        "type hints are mapped where tsmp knows them and `unknown` elsewhere.",
    )
    .action(async (input: string, options: { out?: string }) => {
      const { writeStubs } = await import("../../commands/stubs.js");
      await writeStubs(input, { out: options.out, stdout: (text) => void process.stdout.write(text) });
    });
}
