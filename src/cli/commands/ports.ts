import type { Command } from "commander";

export function registerPorts(program: Command): void {
  program
    .command("ports")
    .description("list serial ports with their USB VID:PID and a guess of the board")
    .option("--json", "print the ports as JSON (path, vendorId, productId, manufacturer, serialNumber, boardGuess)")
    .action(async (options: { json?: boolean }) => {
      const { describePort, listSerialPorts, VIRTUAL_BOARD_HINT } = await import("../../flash/ports.js");
      const ports = await listSerialPorts();
      if (options.json) {
        process.stdout.write(`${JSON.stringify(ports, null, 2)}\n`);
        return;
      }
      if (ports.length === 0) {
        process.stderr.write(`No serial ports found.\n${VIRTUAL_BOARD_HINT}\n`);
        return;
      }
      for (const port of ports) process.stdout.write(`${describePort(port)}\n`);
    });
}
