import { describe, expect, it } from "vitest";
import { expectSameOnShimAndVm, runSourceOnShim } from "../harness/shim-vs-vm.js";

describe("tsmp/os, tsmp/io and tsmp/json, shim vs MicroPython", () => {
  it("folders and files on the board's file system", async () => {
    const output = await expectSameOnShimAndVm(`
import * as io from "tsmp/io";
import * as os from "tsmp/os";
os.mkdir("/data");
os.chdir("/data");
console.log(os.getcwd(), os.listdir());
const out = io.open("log.txt", "w");
console.log(out.write("first\\n"), out.write("second\\n"));
out.close();
const more = io.open("log.txt", "a");
more.write("third\\n");
more.close();
const input = io.open("/data/log.txt");
console.log(JSON.stringify(input.readline()), JSON.stringify(input.read(3)), JSON.stringify(input.readlines()));
input.close();
const raw = io.open("log.txt", "rb");
console.log(Array.from(raw.read(2)).join(","));
raw.close();
os.mkdir("sub");
const entries = os.ilistdir().map(([name, type]) => name + ":" + type);
entries.sort();
console.log(entries.join(" "));
const [mode, , , , , , size] = os.stat("log.txt");
console.log(mode & 0xf000, size, os.stat("sub")[0] & 0xf000);
os.rename("log.txt", "sub/kept.txt");
console.log(os.listdir("sub"), os.listdir("/data").length);
for (const attempt of [() => os.mkdir("sub"), () => io.open("/data/missing.txt"), () => os.remove("/data/missing.txt")]) {
  try {
    attempt();
    console.log("no error");
  } catch (e) {
    console.log("OSError raised");
  }
}
os.remove("sub/kept.txt");
os.rmdir("sub");
os.chdir("/");
os.rmdir("/data");

`);
    expect(output).toContain('"first\\n" "sec" ["ond\\n","third\\n"]');
  });

  it("json: dumps in MicroPython's format, loads, and its error", async () => {
    await expectSameOnShimAndVm(`
import * as json from "tsmp/json";
console.log(json.dumps([1, 2.5, null, true, "a\\"b", [], [0, "é"]]));
console.log(json.dumps([1, [2, 3]], { separators: [",", ":"] }), json.dumps("x"), json.dumps(-7));
const config = json.loads('{"ssid": "home", "retries": [1, 2], "on": false}') as Record<string, json.JsonValue>;
console.log(config["ssid"], JSON.stringify(config["retries"]), config["on"]);
try {
  json.loads("{");
} catch (e) {
  console.log("raised", (e as Error).message);
}
`);
  });

  it("json.dumps of objects: MicroPython's separators, the program's key order", async () => {
    const output = await expectSameOnShimAndVm(`
import * as json from "tsmp/json";
const reading = { t: 21.5, rh: 40, ok: true, tags: ["a", "b"], where: { room: "lab", floor: 2 }, none: null };
console.log(json.dumps(reading));
console.log(json.dumps(reading, { separators: [",", ":"] }));
console.log(json.dumps([{ z: 1, a: [] }, {}, [[{ k: "v" }]]]));
const config: Record<string, number> = {};
config["second"] = 2;
config["first"] = 1;
console.log(json.dumps(config), json.dumps([1, 2]));
`);
    expect(output).toContain('{"t": 21.5, "rh": 40, "ok": true, "tags": ["a", "b"], "where": {"room": "lab", "floor": 2}, "none": null}');
  });

  it("a test seeds the simulated board's files (Node)", async () => {
    const run = await runSourceOnShim(
      `
import * as io from "tsmp/io";
import * as os from "tsmp/os";
console.log(os.listdir("/config"));
const f = io.open("/config/wifi.json");
console.log(f.read());
f.close();
`,
      { files: { "config/wifi.json": '{"ssid": "home"}' } },
    );
    expect(run.lines).toEqual(["[ 'wifi.json' ]", '{"ssid": "home"}']);
  });
});
