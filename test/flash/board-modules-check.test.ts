import { afterEach, describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { connectOverLink, type BoardConnection } from "../../src/flash/connection.js";
import { checkBoardModules, MissingBoardModules, modulesTheBoardMustHave } from "../../src/flash/board-modules-check.js";
import { micropythonLibPackage } from "../../src/flash/micropython-lib.js";
import { VirtualBoard } from "../../src/sim/virtual-board/index.js";
import { transpileProject } from "../../src/transpile/index.js";

const boards: VirtualBoard[] = [];
const connections: BoardConnection[] = [];
afterEach(async () => {
  for (const connection of connections.splice(0)) await connection.close();
  for (const board of boards.splice(0)) await board.stop();
});

async function connectToVirtualBoard(files: Record<string, string> = {}): Promise<{ board: VirtualBoard; connection: BoardConnection }> {
  const board = await VirtualBoard.start({ cable: "memory", files });
  boards.push(board);
  const connection = await connectOverLink(board.openLink());
  connections.push(connection);
  return { board, connection };
}

describe("the modules a build needs from the board", () => {
  it("are the ones its Python imports and does not bring itself", () => {
    const build = transpileProject(fileURLToPath(new URL("../fixtures/python-driver", import.meta.url)));
    expect(modulesTheBoardMustHave(build.files)).toEqual(["heapq"]);
    expect(
      modulesTheBoardMustHave([
        {
          path: "main.py",
          text: "import asyncio\nfrom machine import Pin\nimport umqtt.simple as mqtt\nfrom util import x\nfrom _tsmp import num_str\n",
        },
        { path: "lib/util.py", text: "import network, neopixel\n" },
        { path: "_tsmp.py", text: "" },
      ]),
    ).toEqual(["asyncio", "machine", "neopixel", "network", "umqtt.simple"]);
  });

  it("the board imports them; the missing ones are named, with the mip install that adds them", async () => {
    const { connection } = await connectToVirtualBoard();
    await checkBoardModules(connection.repl, ["machine", "heapq", "time"]);
    const check = checkBoardModules(connection.repl, ["machine", "umqtt.simple", "no_such_driver", "aioble.central"]);
    await expect(check).rejects.toThrow(MissingBoardModules);
    await expect(checkBoardModules(connection.repl, ["machine", "umqtt.simple", "no_such_driver", "aioble.central"])).rejects.toThrow(
      "the board has no module umqtt.simple, no_such_driver, aioble.central, which the program imports; nothing was replaced; " +
        'install from micropython-lib with: mpremote mip install umqtt.simple aioble (on the board, with network: import mip; mip.install("umqtt.simple"); mip.install("aioble"))',
    );
  });

  it("a module a user installed on the board counts", async () => {
    const { connection } = await connectToVirtualBoard({ "lib/bme280.py": "X = 1\n" });
    await checkBoardModules(connection.repl, ["bme280"]);
    await expect(checkBoardModules(connection.repl, ["no_such_driver"])).rejects.toThrow(
      "the board has no module no_such_driver, which the program imports; nothing was replaced",
    );
  });

  it("micropython-lib packages are found by module name or enclosing package", () => {
    expect(micropythonLibPackage("umqtt.simple")).toBe("umqtt.simple");
    expect(micropythonLibPackage("lora.sx127x")).toBe("lora-sx127x");
    expect(micropythonLibPackage("ssd1306")).toBe("ssd1306");
    expect(micropythonLibPackage("aioble.central")).toBe("aioble");
    expect(micropythonLibPackage("my_driver")).toBeUndefined();
  });
});
