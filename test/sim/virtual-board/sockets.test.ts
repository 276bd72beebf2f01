import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { connectOverLink, type BoardConnection } from "../../../src/flash/connection.js";
import { VirtualBoard } from "../../../src/sim/virtual-board/index.js";

// The virtual board's sockets reach servers on the host, and a reset closes what a program left
// open, as a board's reboot does.
const boards: VirtualBoard[] = [];
const connections: BoardConnection[] = [];
const servers: net.Server[] = [];
afterEach(async () => {
  for (const connection of connections.splice(0)) await connection.close();
  for (const board of boards.splice(0)) await board.stop();
  for (const server of servers.splice(0)) server.close();
});

async function connect(): Promise<BoardConnection> {
  const board = await VirtualBoard.start({ cable: "memory" });
  boards.push(board);
  const connection = await connectOverLink(board.openLink());
  connections.push(connection);
  return connection;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A line-echo server on the host, answering in capitals. */
function echoServer(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer((socket) => socket.on("data", (data) => socket.write(data.toString().toUpperCase())));
    servers.push(server);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port));
  });
}

describe("sockets on the virtual board", () => {
  it("talk to a server on the host, and a soft reset frees the port a program bound", async () => {
    const port = await echoServer();
    const connection = await connect();
    const talk = `
import socket
s = socket.socket()
s.connect(socket.getaddrinfo("127.0.0.1", ${port})[0][-1])
s.send(b"ping\\n")
print(s.readline())
s.close()
`;
    expect(await connection.repl.execOrThrow(talk)).toBe("b'PING\\n'\r\n");
    const free = await freePort();
    const bind = `
import socket
server = socket.socket()
server.bind(("127.0.0.1", ${free}))
server.listen(1)
print("bound")
`;
    expect(await connection.repl.execOrThrow(bind)).toBe("bound\r\n");
    await connection.repl.softReset();
    expect(await connection.repl.execOrThrow(bind)).toBe("bound\r\n");
  });
});
