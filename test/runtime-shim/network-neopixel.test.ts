import { describe, expect, it } from "vitest";
import { expectSameOnShimAndVm, runSourceOnShim } from "../harness/shim-vs-vm.js";

const joinWifi = `
import * as network from "tsmp/network";
import * as time from "tsmp/time";
const wlan = new network.WLAN(network.STA_IF);
console.log(wlan.active(), wlan.status() === network.STAT_IDLE, wlan.isconnected());
wlan.active(true);
wlan.connect("home", "secret");
const start = time.ticks_ms();
while (!wlan.isconnected() && time.ticks_diff(time.ticks_ms(), start) < 5000) time.sleep_ms(100);
const [ip, subnet] = wlan.ifconfig();
console.log("status", wlan.status(), "after", time.ticks_diff(time.ticks_ms(), start), "ms", ip, subnet, wlan.config("essid"));
`;

describe("tsmp/network and tsmp/neopixel, shim vs MicroPython", () => {
  it("a station joins the network a second after connect()", async () => {
    const output = await expectSameOnShimAndVm(joinWifi);
    expect(output).toBe("false true false\nstatus 1010 after 1000 ms 192.168.4.2 255.255.255.0 home\n");
  });

  it("a test can make the Wi-Fi slow or failing (Node)", async () => {
    const slow = await runSourceOnShim(joinWifi, { wifi: { connectMs: 2500 } });
    expect(slow.lines[1]).toBe("status 1010 after 2500 ms 192.168.4.2 255.255.255.0 home");
    const failing = await runSourceOnShim(joinWifi, { wifi: { fail: "wrong-password" } });
    expect(failing.lines[1]).toBe("status 202 after 5000 ms 0.0.0.0 0.0.0.0 home");
  });

  it("a NeoPixel strip keeps its pixels in GRB order and shows them on the timeline when written", async () => {
    const program = `
import { Pin } from "tsmp/machine";
import { NeoPixel } from "tsmp/neopixel";
import * as time from "tsmp/time";
const np = new NeoPixel(new Pin(5), 3);
np.fill([0, 0, 16]);
np.__setitem__(0, [255, 128, 0]);
np.write();
const [r, g, b] = np.__getitem__(0);
console.log(np.__len__(), r, g, b, Array.from(np.buf).join(","));
time.sleep_ms(10);
np.__setitem__(-1, [1, 2, 3]);
np.write();
console.log(Array.from(np.buf).join(","));
`;
    await expectSameOnShimAndVm(program);
    const run = await runSourceOnShim(program);
    expect(run.timeline).toEqual([
      { time_ms: 0, device: "NeoPixel(Pin(5))[0]", value: 0xff8000 },
      { time_ms: 0, device: "NeoPixel(Pin(5))[1]", value: 0x000010 },
      { time_ms: 0, device: "NeoPixel(Pin(5))[2]", value: 0x000010 },
      { time_ms: 10, device: "NeoPixel(Pin(5))[2]", value: 0x010203 },
    ]);
  });
});
