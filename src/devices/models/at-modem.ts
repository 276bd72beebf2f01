import type { DeviceContext, UartDevice } from "../device-model.js";

export interface AtModemOptions {
  /** The board's UART it is wired to, e.g. `UART(1)`. */
  uart: string;
  /** How long the modem takes to answer a command. */
  reply_ms?: number;
  /** Signal quality AT+CSQ reports (0–31, 99 = unknown). */
  rssi?: number;
  /** Whether AT+CREG? reports the modem as registered on the network. */
  registered?: boolean;
}

/**
 * A cellular modem's AT command interpreter (the 3GPP TS 27.007 / V.250 core): echo (ATE0/ATE1),
 * commands ended by CR, answers framed as "\r\n<text>\r\n" and a final "OK" or "ERROR".
 */
export class AtModem implements UartDevice {
  readonly kind = "uart";
  readonly uart: string;
  /** Every command line it received, for tests. */
  readonly commands: string[] = [];
  private readonly replyMs: number;
  private echo = true;
  private line = "";
  private outgoing: Array<{ atMs: number; bytes: number[] }> = [];

  constructor(private readonly options: AtModemOptions) {
    this.uart = options.uart;
    this.replyMs = options.reply_ms ?? 20;
  }

  receive(bytes: Uint8Array, ctx: DeviceContext): void {
    for (const byte of bytes) {
      if (this.echo) this.send(ctx.nowMs(), String.fromCharCode(byte));
      if (byte === 0x0d) {
        const command = this.line.trim();
        this.line = "";
        if (command !== "") this.answer(command, ctx.nowMs() + this.replyMs);
      } else if (byte !== 0x0a) {
        this.line += String.fromCharCode(byte);
      }
    }
  }

  transmit(ctx: DeviceContext): Uint8Array {
    const due = this.outgoing.filter((chunk) => chunk.atMs <= ctx.nowMs());
    this.outgoing = this.outgoing.filter((chunk) => chunk.atMs > ctx.nowMs());
    return Uint8Array.from(due.flatMap((chunk) => chunk.bytes));
  }

  nextTransmitMs(): number | undefined {
    return this.outgoing.length === 0 ? undefined : Math.min(...this.outgoing.map((chunk) => chunk.atMs));
  }

  private send(atMs: number, text: string): void {
    this.outgoing.push({ atMs, bytes: [...text].map((c) => c.charCodeAt(0)) });
  }

  private answer(command: string, atMs: number): void {
    this.commands.push(command);
    const reply = this.reply(command.toUpperCase());
    const lines = reply === undefined ? ["ERROR"] : [...reply, "OK"];
    this.send(atMs, lines.map((line) => `\r\n${line}\r\n`).join(""));
  }

  /** The information lines before OK; undefined = ERROR. */
  private reply(command: string): string[] | undefined {
    if (command === "AT") return [];
    if (command === "ATE0" || command === "ATE1") {
      this.echo = command === "ATE1";
      return [];
    }
    if (command === "ATI") return ["tsmp virtual modem", "Revision: 1.0"];
    if (command === "AT+CSQ") return [`+CSQ: ${this.options.rssi ?? 20},99`];
    if (command === "AT+CREG?") return [`+CREG: 0,${(this.options.registered ?? true) ? 1 : 2}`];
    if (command === "AT+CGSN") return ["356938035643809"];
    return undefined;
  }
}
