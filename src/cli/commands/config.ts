import { Option, type Command } from "commander";
import { CONFIG_FILE, effectiveSettings, loadProjectConfig } from "../../commands/project-config.js";
import { addBoardOptions, type BoardOptions } from "../board-options.js";

export function registerConfig(program: Command): void {
  addBoardOptions(
    program
      .command("config")
      .argument("[project]", "project folder", ".")
      .description(`print the settings in effect and where each comes from (command line, ${CONFIG_FILE} or package.json "tsmp", default)`)
      .addOption(new Option("-t, --target <target>", "as tsmp run/dev would take it").choices(["micropython", "node", "board"]))
      .option("--mpy", "as tsmp flash/dev would take it")
      .option("--no-mpy", "as tsmp flash/dev would take it"),
  )
    .addHelpText(
      "after",
      `\nSettings (all optional) in package.json's "tsmp" section, or in ${CONFIG_FILE} (which then replaces it whole):` +
        '\n  port "auto" or a path · serialNumber (instead of port) · baud · board "pyboard"|"generic"' +
        '\n  target "micropython"|"node"|"board" · mpy true|false|"auto" · files ["boot.py", "data"] (installed beside the code)' +
        "\nCommand-line options override them.",
    )
    .action(async (project: string, options: BoardOptions & { target?: "micropython" | "node" | "board"; mpy?: boolean }) => {
      const { describeSettings } = await import("../../commands/config.js");
      const loaded = loadProjectConfig(project);
      const settings = effectiveSettings(loaded, {
        port: { value: options.port, flag: "--port" },
        baud: { value: options.baud, flag: "--baud" },
        target: { value: options.target, flag: "--target" },
        mpy: { value: options.mpy, flag: options.mpy ? "--mpy" : "--no-mpy" },
      });
      process.stdout.write(describeSettings(loaded, settings));
    });
}
