import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { runSourceOnShim } from "../harness/shim-vs-vm.js";

/** asyncio streams over Node `net`, each side tested against a plain Node peer. */
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A Node TCP server on a free port that answers each connection with `serve`. */
async function nodeServer(serve: (socket: net.Socket) => void): Promise<number> {
  const server = net.createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => server.close());
  return (server.address() as net.AddressInfo).port;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("asyncio streams", () => {
  it("open_connection: write, drain, readline, read(n), readexactly, read to EOF", async () => {
    const port = await nodeServer((socket) => {
      socket.once("data", (data) => {
        socket.write(`echo ${data.toString()}`);
        socket.end("line two\nABCDEFtail");
      });
    });
    const run = await runSourceOnShim(`
import * as asyncio from "tsmp/asyncio";
const text = (b: Uint8Array): string => new TextDecoder().decode(b);
async function main(): Promise<void> {
  const [reader, writer] = await asyncio.open_connection("127.0.0.1", ${port});
  writer.write("hello\\n");
  await writer.drain();
  console.log(JSON.stringify(text(await reader.readline())));
  console.log(JSON.stringify(text(await reader.readline())));
  console.log(JSON.stringify(text(await reader.readexactly(3))));
  console.log(JSON.stringify(text(await reader.read(3))));
  console.log(JSON.stringify(text(await reader.read())));
  const buf = new Uint8Array(4);
  console.log(await reader.readinto(buf));
  await writer.wait_closed();
}
asyncio.run(main());
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(['"echo hello\\n"', '"line two\\n"', '"ABC"', '"DEF"', '"tail"', "0"]);
  });

  it("readexactly raises EOFError when the peer closes first", async () => {
    const port = await nodeServer((socket) => socket.end("abc"));
    const run = await runSourceOnShim(`
import * as asyncio from "tsmp/asyncio";
async function main(): Promise<void> {
  const [reader] = await asyncio.open_connection("127.0.0.1", ${port});
  await reader.readexactly(10);
}
asyncio.run(main());
`);
    expect(run.error).toMatchObject({ name: "EOFError" });
  });

  it("open_connection to a closed port raises OSError ECONNREFUSED", async () => {
    const port = await freePort();
    const run = await runSourceOnShim(`
import * as asyncio from "tsmp/asyncio";
async function main(): Promise<void> { await asyncio.open_connection("127.0.0.1", ${port}); }
asyncio.run(main());
`);
    expect(run.error).toMatchObject({ name: "OSError", errno: 111, message: "[Errno 111] ECONNREFUSED" });
  });

  it("other tasks keep running while a read waits", async () => {
    const port = await nodeServer((socket) => setTimeout(() => socket.end("late\n"), 30));
    const run = await runSourceOnShim(`
import * as asyncio from "tsmp/asyncio";
let reading = true;
async function ticker(): Promise<void> { let n = 0; while (reading) { n += 1; await asyncio.sleep(0); } console.log("ticked", n > 1); }
async function main(): Promise<void> {
  const [reader, writer] = await asyncio.open_connection("127.0.0.1", ${port});
  const t = asyncio.create_task(ticker());
  const line = await reader.readline();
  reading = false;
  await t;
  console.log(new TextDecoder().decode(line).trim());
  await writer.wait_closed();
}
asyncio.run(main());
`);
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(["ticked true", "late"]);
  });

  it("start_server: a Node client talks to a handler task; close and wait_closed stop it", async () => {
    const port = await freePort();
    const client = (async () => {
      for (let attempt = 0; attempt < 100; attempt++) {
        try {
          return await new Promise<string>((resolve, reject) => {
            const socket = net.connect(port, "127.0.0.1", () => socket.write("ping\n"));
            let answer = "";
            socket.on("data", (data) => (answer += data.toString()));
            socket.on("end", () => resolve(answer));
            socket.on("error", reject);
          });
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      }
      throw new Error("the program's server never answered");
    })();
    const run = await runSourceOnShim(`
import * as asyncio from "tsmp/asyncio";
const served = new asyncio.Event();
async function handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter): Promise<void> {
  const line = new TextDecoder().decode(await reader.readline()).trim();
  const peer = writer.get_extra_info("peername");
  console.log("got", line, "from", peer[0]);
  writer.write("pong " + line + "\\n");
  await writer.drain();
  await writer.wait_closed();
  served.set();
}
async function main(): Promise<void> {
  const server = await asyncio.start_server(handle, "127.0.0.1", ${port});
  await served.wait();
  server.close();
  await server.wait_closed();
  console.log("server closed");
}
asyncio.run(main());
`);
    expect(await client).toBe("pong ping\n");
    expect(run.error).toBeUndefined();
    expect(run.lines).toEqual(["got ping from 127.0.0.1", "server closed"]);
  });

  it("start_server on a port in use raises OSError EADDRINUSE", async () => {
    const port = await nodeServer(() => {});
    const run = await runSourceOnShim(`
import * as asyncio from "tsmp/asyncio";
async function handle(r: asyncio.Stream, w: asyncio.Stream): Promise<void> {}
async function main(): Promise<void> { await asyncio.start_server(handle, "127.0.0.1", ${port}); }
asyncio.run(main());
`);
    expect(run.error).toMatchObject({ name: "OSError", errno: 98 });
  });
});
