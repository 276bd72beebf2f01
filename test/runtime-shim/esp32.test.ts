import { describe, expect, it } from "vitest";
import { expectSameOnShimAndVm } from "../harness/shim-vs-vm.js";
import { expectSameHardware } from "../harness/hardware-differential.js";

describe("tsmp/esp32, shim vs MicroPython", () => {
  it("NVS keeps integers and blobs with ESP-IDF's errors; wake sources are checked", async () => {
    const output = await expectSameOnShimAndVm(`
import * as binascii from "tsmp/binascii";
import * as esp32 from "tsmp/esp32";
import { Pin } from "tsmp/machine";
const invalid = (what: string, f: () => unknown) => {
  try {
    f();
    console.log(what, "no error");
  } catch (e) {
    console.log(what, (e as Error).message);
  }
};
const fail = (what: string, f: () => unknown) => {
  try {
    f();
    console.log(what, "no error");
  } catch (e) {
    console.log(what, (e as { errno: number }).errno, (e as Error).message);
  }
};
const nvs = new esp32.NVS("settings");
nvs.set_i32("boots", 41);
nvs.set_i32("boots", nvs.get_i32("boots") + 1);
nvs.set_i32("wrapped", 0x80000001);
nvs.set_blob("ssid", binascii.unhexlify("686f6d65"));
nvs.commit();
console.log(nvs.get_i32("boots"), nvs.get_i32("wrapped"), new esp32.NVS("settings").get_i32("boots"));
const buffer = new Uint8Array(8);
const length = nvs.get_blob("ssid", buffer);
console.log(length, Array.from(buffer).join(","));
fail("missing", () => nvs.get_i32("nothing"));
fail("wrong type", () => nvs.get_i32("ssid"));
fail("other namespace", () => new esp32.NVS("other").get_i32("boots"));
fail("short buffer", () => nvs.get_blob("ssid", new Uint8Array(2)));
fail("long key", () => nvs.set_i32("a_key_longer_than_15", 1));
nvs.erase_key("boots");
fail("erased", () => nvs.get_i32("boots"));
fail("erase again", () => nvs.erase_key("boots"));
console.log(esp32.raw_temperature(), esp32.WAKEUP_ALL_LOW, esp32.WAKEUP_ANY_HIGH);
esp32.wake_on_ext0(new Pin(4), true);
invalid("touch with ext0", () => esp32.wake_on_touch(true));
esp32.wake_on_ext0(null, false);
esp32.wake_on_touch(true);
invalid("ext0 with touch", () => esp32.wake_on_ext0(new Pin(4), true));
invalid("not an RTC pin", () => esp32.wake_on_ext1([new Pin(2), new Pin(5)], esp32.WAKEUP_ANY_HIGH));
esp32.wake_on_ext1([new Pin(32), new Pin(33)], esp32.WAKEUP_ALL_LOW);
`);
    expect(output).toContain("missing -4354");
  });
});

describe("esp32.NVS across resets, shim vs MicroPython", () => {
  it("keeps its entries through soft and hard resets and deep sleep, as flash does", async () => {
    const output = await expectSameOnShimAndVm(`
import * as esp32 from "tsmp/esp32";
import * as machine from "tsmp/machine";
const nvs = new esp32.NVS("boot");
let boots = 0;
try {
  boots = nvs.get_i32("count");
} catch {
  console.log("first boot");
}
nvs.set_i32("count", boots + 1);
const name = new Uint8Array(4);
if (boots > 0) console.log("boot", boots + 1, "cause", machine.reset_cause(), "blob", nvs.get_blob("name", name), name[3]);
nvs.set_blob("name", new Uint8Array([1, 2, 3, boots]));
if (boots === 0) machine.reset();
else if (boots === 1) machine.soft_reset();
else if (boots === 2) machine.deepsleep(10);
`);
    expect(output).toBe("first boot\nboot 2 cause 2 blob 4 0\nboot 3 cause 5 blob 4 1\nboot 4 cause 4 blob 4 2\n");
  });
});

describe("deep sleep woken by a pin, shim vs MicroPython", () => {
  it("ext0 and ext1 pins end it at their level, the timer otherwise; wake_reason() says which", async () => {
    const run = await expectSameHardware({
      ts: `
import * as esp32 from "tsmp/esp32";
import * as machine from "tsmp/machine";
import * as time from "tsmp/time";
const nvs = new esp32.NVS("test");
let boot = 0;
try {
  boot = nvs.get_i32("boot");
} catch {
  // The first boot.
}
nvs.set_i32("boot", boot + 1);
console.log("boot", boot, "cause", machine.reset_cause(), "wake", machine.wake_reason(), "at", time.ticks_ms());
if (boot === 0) {
  esp32.wake_on_ext0(new machine.Pin(4, machine.Pin.IN), true);
  machine.deepsleep();
} else if (boot === 1) {
  esp32.wake_on_ext0(null, false);
  esp32.wake_on_ext1([new machine.Pin(32, machine.Pin.IN), new machine.Pin(33, machine.Pin.IN)], esp32.WAKEUP_ANY_HIGH);
  machine.deepsleep(1000);
} else if (boot === 2) {
  // Pin 33 is still high: the level is met, so the sleep ends at once.
  esp32.wake_on_ext1([new machine.Pin(33, machine.Pin.IN)], esp32.WAKEUP_ANY_HIGH);
  machine.deepsleep(50);
} else if (boot === 3) {
  // A boot starts with no wake sources: only the timer ends this one.
  machine.deepsleep(100);
} else if (boot === 4) {
  machine.reset();
}
`,
      inputs: [
        { at_ms: 250, device: "Pin(4)", value: 1 },
        { at_ms: 300, device: "Pin(4)", value: 0 },
        { at_ms: 600, device: "Pin(33)", value: 1 },
        { at_ms: 700, device: "Pin(33)", value: 0 },
      ],
    });
    expect(run.output).toBe(
      "boot 0 cause 1 wake 0 at 0\n" +
        "boot 1 cause 4 wake 2 at 250\n" +
        "boot 2 cause 4 wake 3 at 600\n" +
        "boot 3 cause 4 wake 3 at 600\n" +
        "boot 4 cause 4 wake 4 at 700\n" +
        "boot 5 cause 2 wake 0 at 700\n",
    );
  });
});
