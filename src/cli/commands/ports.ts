import type { Command } from "commander";

export function registerPorts(program: Command): void {
  program
    .command("ports")
    .description("list serial ports with their USB VID:PID and a guess of the board")
    .action(async () => {
      const { describePort, listSerialPorts } = await import("../../flash/ports.js");
      const ports = await listSerialPorts();
      if (ports.length === 0) {
        process.stderr.write("No serial ports found.\n");
        return;
      }
      for (const port of ports) process.stdout.write(`${describePort(port)}\n`);
    });
}
