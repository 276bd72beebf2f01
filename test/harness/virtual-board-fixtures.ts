import { afterEach } from "vitest";
import { VirtualBoard, type VirtualBoardOptions } from "../../src/sim/virtual-board/index.js";
import { SerialClient } from "./serial-client.js";

const boards: VirtualBoard[] = [];
const clients: SerialClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) await client.close();
  // stop() ends socat and the board's worker: no process or pty outlives a test.
  for (const board of boards.splice(0)) await board.stop();
});

/**
 * A virtual board and a client connected to it, past whatever the board printed at power-on.
 * That went out before the port was opened, and serialport flushes its input when it opens a
 * port, so whether any of it shows is a race (pyserial-based tools such as mpremote see it).
 * `sync` types a comment line and reads up to its prompt; a board busy running main.py would
 * not answer, so tests of such boards pass false.
 */
export async function startBoard(options: VirtualBoardOptions = {}, sync = true): Promise<{ board: VirtualBoard; client: SerialClient }> {
  const board = await VirtualBoard.start(options);
  boards.push(board);
  const client = await connect(board);
  if (sync) {
    client.write("#sync\r");
    await client.readUntil("#sync\r\n>>> ");
  }
  return { board, client };
}

export async function connect(board: VirtualBoard): Promise<SerialClient> {
  const client = await SerialClient.open(board.portPath);
  clients.push(client);
  return client;
}

export const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
