import { describe, expect, it } from "vitest";
import { followOutput } from "../../src/flash/follow-output.js";
import { deviceLinks } from "../harness/socat-pair.js";

// What `tsmp flash --follow` shows of a board's output after the reset, over a real pty.
const connect = deviceLinks();

describe("following a board's output", () => {
  it("shows partial lines at once, folds \\r\\n, hides the REPL greeting and ends at the prompt", async () => {
    const { device, transport } = await connect();
    let shown = "";
    let sawDots: () => void = () => undefined;
    const dots = new Promise<void>((resolveDots) => (sawDots = resolveDots));
    const following = followOutput(transport, {
      files: [],
      write: (text) => {
        shown += text;
        if (shown.endsWith("..")) sawDots();
      },
      stopped: new Promise(() => undefined),
    });
    device.write("working..");
    await dots; // shown before any newline arrived
    device.write('\r\ndone\r\nMicroPython v1.27.0 on 2025-12-10; ESP32\r\nType "help()" for more information.\r\n>>> ');
    expect(await following).toBe("finished");
    expect(shown).toBe("working..\ndone\n");
  });
});
