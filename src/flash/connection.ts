import { BoardFs } from "./board-fs.js";
import type { ByteLink } from "./byte-link.js";
import { resolvePort } from "./ports.js";
import { RawRepl } from "./raw-repl.js";
import { SerialTransport } from "./serial-transport.js";

export interface ConnectOptions {
  /** A device path, or "auto"/undefined to pick the one board connected. */
  port?: string;
  baudRate?: number;
  /** Find the port by the board's USB serial number when `port` is "auto" or undefined. */
  serialNumber?: string;
  log?: (message: string) => void;
  /** Ctrl-C rounds before the board counts as not answering (a program may swallow some); 3 by default. */
  interruptAttempts?: number;
}

/** An open link to a board in its raw REPL, with the filesystem API on top. */
export interface BoardConnection {
  transport: ByteLink;
  repl: RawRepl;
  fs: BoardFs;
  close(): Promise<void>;
}

/** Opens the port, stops whatever the board runs, and enters the raw REPL. */
export async function connectToBoard(options: ConnectOptions = {}): Promise<BoardConnection> {
  const path = await resolvePort(options.port, { log: options.log, serialNumber: options.serialNumber });
  return connectOverLink(await SerialTransport.open(path, { baudRate: options.baudRate }), { attempts: options.interruptAttempts });
}

/** Stops whatever the board on `transport` runs and enters the raw REPL; closes the link on failure. */
export async function connectOverLink(transport: ByteLink, options: { attempts?: number } = {}): Promise<BoardConnection> {
  try {
    const repl = new RawRepl(transport, { attempts: options.attempts });
    await repl.enter();
    return {
      transport,
      repl,
      fs: new BoardFs(repl),
      async close() {
        // A board left in the raw REPL looks dead to a terminal; one running main.py is left alone.
        if (transport.isOpen && repl.isInRawRepl) await repl.exit().catch(() => undefined);
        await transport.close();
      },
    };
  } catch (error) {
    await transport.close().catch(() => undefined);
    throw error;
  }
}

/** Runs `work` on a connected board and always releases the port afterwards. */
export async function withBoard<T>(options: ConnectOptions, work: (board: BoardConnection) => Promise<T>): Promise<T> {
  const board = await connectToBoard(options);
  try {
    return await work(board);
  } finally {
    await board.close();
  }
}
