import { Option, type Command } from "commander";
import { virtualChipIds } from "../../sim/virtual-esp32/chips.js";

interface VirtualEsp32Flags {
  link: string;
  chip: string;
  flashSize: string;
  flashFile?: string;
  baudPacing: boolean;
}

export function registerVirtualEsp32(program: Command): void {
  program
    .command("virtual-esp32")
    .description("serve a virtual ESP32 ROM bootloader on a pty until killed (for esptool, tsmp firmware, CI)")
    .requiredOption("--link <path>", "symlink to create for the pty a client opens")
    .addOption(new Option("--chip <chip>", "chip to pretend to be").choices(virtualChipIds).default("esp32"))
    .option("--flash-size <size>", "flash size, e.g. 4MB", "4MB")
    .option("--flash-file <path>", "keep the flash contents in this file (and MicroPython's files in <path>.files/)")
    .option("--baud-pacing", "deliver bytes no faster than the current baud rate", false)
    .action(async (flags: VirtualEsp32Flags) => {
      const { VirtualEsp32 } = await import("../../sim/virtual-esp32/index.js");
      const chip = await VirtualEsp32.start({
        link: flags.link,
        chip: flags.chip,
        flashSize: flags.flashSize,
        flashFile: flags.flashFile,
        baudPacing: flags.baudPacing,
      });
      process.stderr.write(`Virtual ${chip.chip.name} (ROM bootloader, ${flags.flashSize} flash) on ${chip.portPath}; Ctrl-C to stop\n`);
      await new Promise<void>((resolve) => {
        for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => resolve());
      });
      await chip.stop();
    });
}
