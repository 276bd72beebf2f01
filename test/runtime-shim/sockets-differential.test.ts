import net from "node:net";
import { describe, expect, it } from "vitest";
import { expectSameOnShimAndVm } from "../harness/shim-vs-vm.js";

/**
 * socket, select.poll and asyncio's TCP streams reach real servers on 127.0.0.1 from the Node
 * shim and from the MicroPython VM alike. Each program runs its own server, on a port the test
 * finds free, so both runs see the same one.
 */

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function expectSameWithPort(source: (port: number) => string): Promise<string> {
  return expectSameOnShimAndVm(source(await freePort()));
}

describe("sockets, Node shim vs MicroPython VM", () => {
  it("socket: connect, accept, send, recv, readline, read to the end, and the errors of each mode", async () => {
    const output = await expectSameWithPort(
      (port) => `
import * as socket from "tsmp/socket";
const errnoOf = (e: unknown) => (e as { errno: number }).errno + " " + String(e);
const server = new socket.socket(socket.AF_INET, socket.SOCK_STREAM);
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1);
server.bind(socket.getaddrinfo("127.0.0.1", ${port})[0]![4]);
server.listen(1);
const client = new socket.socket();
client.connect(["127.0.0.1", ${port}]);
const [conn, peer] = server.accept();
console.log(peer[0], typeof peer[1]);
client.send("hello\\nworld");
const line = conn.readline()!;
console.log(line.length, new TextDecoder().decode(line.subarray(0, 5)), line.at(-1));
const rest = conn.recv(100);
console.log(new TextDecoder().decode(rest), rest instanceof Uint8Array);
conn.setblocking(false);
try {
  conn.recv(10);
} catch (e) {
  console.log("non-blocking recv:", errnoOf(e));
}
console.log("non-blocking read:", conn.read());
conn.settimeout(0.05);
try {
  conn.recv(10);
} catch (e) {
  console.log("recv after a timeout:", errnoOf(e));
}
client.sendall(Uint8Array.of(1, 2, 3, 4, 5));
conn.settimeout(null);
const buf = new Uint8Array(3);
console.log(conn.readinto(buf), buf.join(","), conn.read(2)!.join(","));
const file = client.makefile("rwb");
file.write("bye");
client.close();
console.log(new TextDecoder().decode(conn.read()!), conn.recv(10).length);
conn.close();
server.close();
try {
  conn.recv(1);
} catch (e) {
  console.log("closed:", errnoOf(e));
}
try {
  new socket.socket().connect(["127.0.0.1", ${port}]);
} catch (e) {
  console.log("refused:", errnoOf(e));
}
try {
  new socket.socket(socket.AF_INET, socket.SOCK_RAW);
} catch (e) {
  console.log("raw:", errnoOf(e));
}
`,
    );
    expect(output.split("\n")).toEqual([
      "127.0.0.1 number",
      "6 hello 10",
      "world true",
      "non-blocking recv: 11 OSError: [Errno 11] EAGAIN",
      "non-blocking read: undefined",
      "recv after a timeout: 110 OSError: [Errno 110] ETIMEDOUT",
      "3 1,2,3 4,5",
      "bye 0",
      "closed: 9 OSError: [Errno 9] EBADF",
      "refused: 111 OSError: [Errno 111] ECONNREFUSED",
      "raw: 95 OSError: [Errno 95] EOPNOTSUPP",
      "",
    ]);
  });

  it("UDP: bind, sendto, recvfrom with the sender's address, a datagram cut to the buffer, and the waits of each mode", async () => {
    const output = await expectSameWithPort(
      (port) => `
import * as socket from "tsmp/socket";
const errnoOf = (e: unknown) => (e as { errno: number }).errno + " " + String(e);
const server = new socket.socket(socket.AF_INET, socket.SOCK_DGRAM);
server.bind(["127.0.0.1", ${port}]);
const client = new socket.socket(socket.AF_INET, socket.SOCK_DGRAM);
client.sendto("ping", ["127.0.0.1", ${port}]);
console.log("sent", client.sendto(Uint8Array.of(1, 2, 3, 4, 5), ["127.0.0.1", ${port}]));
const [data, sender] = server.recvfrom(64);
console.log(new TextDecoder().decode(data), data instanceof Uint8Array, sender[0], sender[1] > 0);
const [cut] = server.recvfrom(3);
console.log("cut:", cut.join(","), cut.subarray(1).length);
server.sendto(data.map((b) => b + 1), sender);
console.log("echo:", new TextDecoder().decode(client.recv(16)));
server.setblocking(false);
try {
  server.recvfrom(8);
} catch (e) {
  console.log("non-blocking:", errnoOf(e));
}
server.settimeout(0.05);
try {
  server.recv(8);
} catch (e) {
  console.log("timeout:", errnoOf(e));
}
const other = new socket.socket(socket.AF_INET, socket.SOCK_DGRAM);
try {
  other.bind(["127.0.0.1", ${port}]);
} catch (e) {
  console.log("in use:", errnoOf(e));
}
other.close();
client.close();
server.close();
try {
  server.recvfrom(1);
} catch (e) {
  console.log("closed:", errnoOf(e));
}
`,
    );
    expect(output.split("\n")).toEqual([
      "sent 5",
      "ping true 127.0.0.1 true",
      "cut: 1,2,3 2",
      "echo: qjoh",
      "non-blocking: 11 OSError: [Errno 11] EAGAIN",
      "timeout: 110 OSError: [Errno 110] ETIMEDOUT",
      "in use: 98 OSError: [Errno 98] EADDRINUSE",
      "closed: 9 OSError: [Errno 9] EBADF",
      "",
    ]);
  });

  it("select.poll: register, modify, unregister, poll with a timeout, ipoll one-shot, and POLLNVAL for a closed socket", async () => {
    const output = await expectSameWithPort(
      (port) => `
import * as socket from "tsmp/socket";
import * as select from "tsmp/select";
const server = new socket.socket();
server.bind(["127.0.0.1", ${port}]);
server.listen(2);
const poller = select.poll();
poller.register(server, select.POLLIN);
console.log("nothing yet:", poller.poll(20).length);
const client = new socket.socket();
client.connect(["127.0.0.1", ${port}]);
const [[ready, events]] = poller.poll(1000) as [[socket.socket, number]];
console.log("server readable:", ready === server, events === select.POLLIN);
const [conn] = server.accept();
poller.unregister(server);
poller.register(conn, select.POLLIN);
poller.register(client);
const shown = poller.poll(200).map(([s, ev]) => (s === conn ? "conn" : "client") + ":" + ev);
console.log(shown.join(" "));
poller.modify(client, select.POLLIN);
client.write("ping");
for (const [s, ev] of poller.ipoll(1000, 1)) console.log(s === conn ? "conn" : "client", ev);
console.log("disarmed:", poller.poll(0).length);
poller.modify(conn, select.POLLIN);
console.log(new TextDecoder().decode(conn.recv(10)));
poller.unregister(client);
client.close();
const [[, closed]] = poller.poll(1000) as [[socket.socket, number]];
console.log("peer closed:", closed & select.POLLIN, conn.recv(10).length);
poller.register(client, select.POLLIN);
console.log("closed socket:", poller.poll(0).map(([s, ev]) => (s === client ? "client" : "conn") + ":" + ev).join(" "));
try {
  poller.modify(server, select.POLLIN);
} catch (e) {
  console.log("modify unknown:", String(e));
}
conn.close();
server.close();
`,
    );
    expect(output.split("\n")).toEqual([
      "nothing yet: 0",
      "server readable: true true",
      "client:4",
      "conn 1",
      "disarmed: 0",
      "ping",
      "peer closed: 1 0",
      "closed socket: conn:1 client:32",
      "modify unknown: OSError: [Errno 2] ENOENT",
      "",
    ]);
  });

  it("asyncio streams: an echo server answers readline, with the client's peername", async () => {
    const output = await expectSameWithPort(
      (port) => `
import * as asyncio from "tsmp/asyncio";
const served = new asyncio.Event();
const text = (b: Uint8Array) => JSON.stringify(new TextDecoder().decode(b));
async function echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter): Promise<void> {
  const [host, port] = writer.get_extra_info("peername");
  console.log("server: client from", host, typeof port);
  for (;;) {
    const line = await reader.readline();
    if (line.length === 0) break;
    console.log("server got", text(line), line instanceof Uint8Array);
    writer.write(line.map((b) => (b >= 97 && b <= 122 ? b - 32 : b)));
    await writer.drain();
  }
  console.log("server: client left");
  writer.close();
  await writer.wait_closed();
  served.set();
}
async function main(): Promise<void> {
  const server = await asyncio.start_server(echo, "127.0.0.1", ${port});
  const [reader, writer] = await asyncio.open_connection("127.0.0.1", ${port});
  for (const word of ["hello\\n", "two\\n", "lines\\n"]) {
    writer.write(word);
    await writer.drain();
    const line = await reader.readline();
    console.log("client got", text(line), line.indexOf(10), new TextDecoder().decode(line.slice(0, 2)));
  }
  writer.write(new TextEncoder().encode("end"));
  writer.close();
  await writer.wait_closed();
  await served.wait();
  server.close();
  await server.wait_closed();
  console.log("done");
}
asyncio.run(main());
`,
    );
    expect(output.split("\n")).toEqual([
      "server: client from 127.0.0.1 number",
      'server got "hello\\n" true',
      'client got "HELLO\\n" 5 HE',
      'server got "two\\n" true',
      'client got "TWO\\n" 3 TW',
      'server got "lines\\n" true',
      'client got "LINES\\n" 5 LI',
      'server got "end" true',
      "server: client left",
      "done",
      "",
    ]);
  });

  it("asyncio streams: readexactly takes framed messages, and raises EOFError when the stream ends early", async () => {
    const output = await expectSameWithPort(
      (port) => `
import * as asyncio from "tsmp/asyncio";
const served = new asyncio.Event();
async function frames(reader: asyncio.StreamReader, writer: asyncio.StreamWriter): Promise<void> {
  try {
    for (;;) {
      const header = await reader.readexactly(2);
      const size = (header[0]! << 8) | header[1]!;
      const body = await reader.readexactly(size);
      console.log("frame of", size, "sum", body.reduce((a, b) => a + b, 0), body.subarray(1, 3).join(","));
    }
  } catch (e) {
    console.log("server:", (e as Error).name);
  }
  writer.close();
  await writer.wait_closed();
  served.set();
}
async function main(): Promise<void> {
  const server = await asyncio.start_server(frames, "127.0.0.1", ${port});
  const [, writer] = await asyncio.open_connection("127.0.0.1", ${port});
  const payload = new Uint8Array(300).map((_, i) => i % 251);
  const frame = new Uint8Array(2 + payload.length);
  frame.set([payload.length >> 8, payload.length & 255]);
  frame.set(payload, 2);
  writer.write(frame);
  writer.write(Uint8Array.of(0, 3, 7, 8, 9));
  writer.write(Uint8Array.of(0, 9, 1));
  await writer.drain();
  writer.close();
  await writer.wait_closed();
  await served.wait();
  server.close();
  await server.wait_closed();
}
asyncio.run(main());
`,
    );
    expect(output.split("\n")).toEqual(["frame of 300 sum 32551 1,2", "frame of 3 sum 24 8,9", "server: EOFError", ""]);
  });

  it("asyncio streams: read() takes everything until the server closes; readinto fills a buffer", async () => {
    const output = await expectSameWithPort(
      (port) => `
import * as asyncio from "tsmp/asyncio";
async function label(): Promise<string> {
  return "label";
}
async function talk(reader: asyncio.StreamReader, writer: asyncio.StreamWriter): Promise<void> {
  const request = await reader.read(100);
  console.log("request", new TextDecoder().decode(request));
  for (let i = 0; i < 5; i++) {
    writer.write("chunk " + i + ";");
    await writer.drain();
    await asyncio.sleep_ms(5);
  }
  writer.close();
  await writer.wait_closed();
}
async function main(): Promise<void> {
  const server = await asyncio.start_server(talk, "127.0.0.1", ${port});
  const [reader, writer] = await asyncio.open_connection("127.0.0.1", ${port});
  writer.write("GET");
  await writer.drain();
  const first = new Uint8Array(5);
  const n = await reader.readinto(first);
  console.log("readinto", n, new TextDecoder().decode(first.subarray(0, n)));
  const task = asyncio.create_task(reader.readexactly(3));
  const next = await task;
  console.log("through a task:", next.slice(1).join(","), next.indexOf(59));
  const [three, tag] = await asyncio.gather(reader.readexactly(3), label());
  const [two] = await asyncio.gather(reader.readexactly(2), { return_exceptions: true });
  console.log("through gather:", three.slice(1).join(","), three instanceof Uint8Array, tag, (two as Uint8Array).subarray(1).join(","));
  const [[space, one], more] = await asyncio.gather(asyncio.gather(reader.readexactly(1), reader.readexactly(1)), label());
  console.log("through a gather of gathers:", space instanceof Uint8Array, space.subarray(0).join(","), one.at(-1), more);
  const all = await reader.read();
  console.log("to the end:", all.length, new TextDecoder().decode(all));
  console.log("after the end:", (await reader.read()).length, (await reader.read(10)).length);
  writer.close();
  await writer.wait_closed();
  server.close();
  await server.wait_closed();
}
asyncio.run(main());
`,
    );
    expect(output.split("\n")).toEqual([
      "request GET",
      "readinto 5 chunk",
      "through a task: 48,59 2",
      "through gather: 104,117 true label 107",
      "through a gather of gathers: true 32 49 label",
      "to the end: 25 ;chunk 2;chunk 3;chunk 4;",
      "after the end: 0 0",
      "",
    ]);
  });

  it("asyncio streams: a closed server refuses connections; open_connection raises ECONNREFUSED", async () => {
    const output = await expectSameWithPort(
      (port) => `
import * as asyncio from "tsmp/asyncio";
let served = 0;
async function greet(reader: asyncio.StreamReader, writer: asyncio.StreamWriter): Promise<void> {
  served++;
  writer.write("hi " + writer.get_extra_info("peername")[0] + "\\n");
  await writer.drain();
  writer.close();
  await writer.wait_closed();
}
async function main(): Promise<void> {
  const server = await asyncio.start_server(greet, "127.0.0.1", ${port});
  const [reader, writer] = await asyncio.open_connection("127.0.0.1", ${port});
  console.log(new TextDecoder().decode(await reader.readline()).trim());
  await writer.wait_closed();
  server.close();
  await server.wait_closed();
  console.log("closed after serving", served);
  try {
    await asyncio.open_connection("127.0.0.1", ${port});
    console.log("connected?");
  } catch (e) {
    console.log("refused:", (e as { errno: number }).errno, String(e));
  }
}
asyncio.run(main());
`,
    );
    expect(output.split("\n")).toEqual(["hi 127.0.0.1", "closed after serving 1", "refused: 111 OSError: [Errno 111] ECONNREFUSED", ""]);
  });
});
