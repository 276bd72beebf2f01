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

/** A virtual board and a client that has read the power-on greeting (up to the prompt). */
export async function startBoard(options: VirtualBoardOptions = {}, greeting = ">>> "): Promise<{ board: VirtualBoard; client: SerialClient; greeting: string }> {
  const board = await VirtualBoard.start(options);
  boards.push(board);
  const client = await connect(board);
  return { board, client, greeting: greeting ? await client.readUntil(greeting) : "" };
}

export async function connect(board: VirtualBoard): Promise<SerialClient> {
  const client = await SerialClient.open(board.portPath);
  clients.push(client);
  return client;
}

export const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
