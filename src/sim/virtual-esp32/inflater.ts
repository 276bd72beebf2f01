import { constants, createInflate, type Inflate } from "node:zlib";

/**
 * A zlib stream inflated block by block, the way the ROM and stub inflate FLASH_DEFL_DATA:
 * each packet yields whatever output it completes, the stream itself spans all packets.
 */
export class BlockInflater {
  private readonly stream: Inflate = createInflate();
  private output: Buffer[] = [];
  private failure: Error | null = null;

  constructor() {
    this.stream.on("data", (chunk: Buffer) => this.output.push(chunk));
    this.stream.on("error", (error: Error) => {
      this.failure = error;
    });
  }

  /** Inflates one more block; throws when the data is not a valid zlib stream. */
  async push(block: Uint8Array): Promise<Buffer> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve) => {
      const onError = (): void => resolve();
      this.stream.once("error", onError);
      this.stream.write(block);
      this.stream.flush(constants.Z_SYNC_FLUSH, () => {
        this.stream.off("error", onError);
        resolve();
      });
    });
    if (this.failure) throw this.failure;
    const out = Buffer.concat(this.output);
    this.output = [];
    return out;
  }

  close(): void {
    this.stream.removeAllListeners("data");
    this.stream.on("error", () => {});
    this.stream.destroy();
  }
}
