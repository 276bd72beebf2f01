import { BufferedByteLink, LinkLost } from "../../flash/byte-link.js";

/**
 * The host's end of an in-memory cable into a virtual board: what the host writes goes straight
 * to the board's UART, with no pty or socat between. Protocol tests run on it.
 */
export class MemoryLink extends BufferedByteLink {
  private open = true;

  constructor(
    path: string,
    private readonly send: (bytes: Uint8Array) => void,
  ) {
    super(path);
  }

  get isOpen(): boolean {
    return this.open && !this.lost;
  }

  async write(data: Uint8Array | string): Promise<void> {
    this.throwIfLost();
    this.send(typeof data === "string" ? Buffer.from(data, "latin1") : Buffer.from(data));
  }

  async close(): Promise<void> {
    if (!this.isOpen) return;
    this.open = false;
    this.ended(new LinkLost(`the connection to ${this.path} was closed`));
  }

  /** What the board transmits; dropped once the host closed its end, as a closed port does. */
  boardSent(bytes: Uint8Array): void {
    if (this.isOpen) this.received(Buffer.from(bytes));
  }

  /** The board's side went away (the cable was pulled). */
  unplugged(): void {
    if (!this.isOpen) return;
    this.open = false;
    this.ended(new LinkLost(`lost the connection to the board on ${this.path}`));
  }
}
