import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { CHIP_DETECT_MAGIC_REG, virtualChip } from "../../../src/sim/virtual-esp32/chips.js";
import { encodeSlipFrame } from "../../../src/sim/virtual-esp32/slip.js";
import { Op } from "../../../src/sim/virtual-esp32/loader-commands.js";
import { VirtualEsp32 } from "../../../src/sim/virtual-esp32/index.js";
import { SerialClient } from "../../harness/serial-client.js";

function frame(op: number, data: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header[1] = op;
  header.writeUInt16LE(data.length, 2);
  return encodeSlipFrame(Buffer.concat([header, data]));
}

function words(...values: number[]): Buffer {
  const out = Buffer.alloc(values.length * 4);
  values.forEach((value, i) => out.writeUInt32LE(value >>> 0, i * 4));
  return out;
}

/** The ROM's READ_REG reply as it crosses the line: SLIP frame, 8-byte header, 4 status bytes. */
const REPLY_BYTES = 14;

let chip: VirtualEsp32 | undefined;
let client: SerialClient | undefined;

afterEach(async () => {
  client?.port.close();
  await chip?.stop();
  chip = client = undefined;
});

describe("the virtual ESP32's baud change", () => {
  it("takes effect 11 ms after its reply, as esptool's stub does: a command sent sooner is lost", async () => {
    chip = await VirtualEsp32.start();
    client = await SerialClient.open(chip.portPath);
    const readMagic = frame(Op.READ_REG, words(CHIP_DETECT_MAGIC_REG));
    // The lost command is sent the moment the reply is in; a host descheduled for longer than
    // the switch would be heard, so one clean drop in three tries is what is asked.
    let dropped = 0;
    for (let attempt = 0; attempt < 3 && dropped === 0; attempt++) {
      client.write(frame(Op.CHANGE_BAUDRATE, words(460800, 0)));
      await client.readBytes(REPLY_BYTES, 5000);
      client.write(readMagic);
      await sleep(40);
      if ((await client.readBytes(REPLY_BYTES, 0).catch(() => undefined)) === undefined) dropped++;
      client.discard();
    }
    expect(dropped).toBe(1);
    await sleep(15);
    client.write(readMagic);
    const reply = await client.readBytes(REPLY_BYTES, 5000);
    expect(reply.readUInt32LE(5)).toBe(virtualChip("esp32")!.magic);
  });
});
