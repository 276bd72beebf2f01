// The virtual board's CPU: runs in a worker thread so that Python running synchronously in the
// VM never stops the main thread from serving the pty (and delivering Ctrl-C).
import { readFileSync } from "node:fs";
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { packagePath } from "../../package-paths.js";
import { BoardFirmware } from "./board-firmware.js";
import { diffFlash, type FlashContents } from "./board-filesystem.js";
import { SharedRunState } from "./run-state.js";
import type { BoardWorkerData, FromBoard, PowerOnMessage, ToBoard } from "./worker-messages.js";

/** Output a board can have in flight before its writes block (a USB CDC buffer or so). */
const TRANSMIT_BUFFER = 4096;

const port = parentPort!;
const data = workerData as BoardWorkerData;
const post = (message: FromBoard, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

let mirrored: FlashContents = { files: new Map(), dirs: [] };
/** How long output may stand still before it is dropped (set at power-on). */
let stallMs = 0;

/** Tells the host's mirror of the flash what changed, so files outlive this worker. */
function syncFiles(firmware: BoardFirmware): void {
  // Only Python changes files; reading the whole flash after every byte of input would not scale.
  if (!firmware.takeFlashTouched()) return;
  const now = firmware.readFlash();
  const { changed, removed } = diffFlash(mirrored, now);
  const dirsChanged = now.dirs.join("\n") !== mirrored.dirs.join("\n");
  mirrored = now;
  if (changed.length > 0 || removed.length > 0 || dirsChanged) {
    post({ type: "files", changed: changed.map(([path, content]) => [path, content.slice()]), removed, dirs: now.dirs });
  }
}

const runState = new SharedRunState(data.runState);

/** Hands output to the wire, no further ahead of it than a board's transmit buffer. */
function transmit(bytes: Uint8Array): void {
  if (!runState.waitForRoom(TRANSMIT_BUFFER, stallMs)) return;
  runState.addUnsent(bytes.length);
  post({ type: "output", bytes }, [bytes.buffer as ArrayBuffer]);
}

/** Sync requests taken while a program waited for input; answered once the current work is done. */
const deferredSyncs: number[] = [];

/** The next input the host sent, taken synchronously (for a program waiting in input()). */
function takeInput(): Uint8Array | undefined {
  for (;;) {
    const received = receiveMessageOnPort(data.toBoard) as { message: ToBoard } | undefined;
    if (!received) return undefined;
    if (received.message.type === "input") return received.message.bytes;
    if (received.message.type === "sync-files") deferredSyncs.push(received.message.id);
  }
}

function answerSyncs(): void {
  for (const id of deferredSyncs.splice(0)) post({ type: "synced", id });
}

const standingBy = BoardFirmware.standBy({
  runState,
  takeInput,
  setupSource: readFileSync(packagePath("src/sim/virtual-board/board_setup.py"), "utf8"),
  transmit,
  ready: () => post({ type: "up" }),
  rebooted: (cause) => post({ type: "rebooted", cause }),
  modeChanged: (rawRepl) => post({ type: "mode", rawRepl }),
  rawPasteWindow: data.rawPasteWindow,
  refuseRawPaste: data.refuseRawPaste,
  cutPower: (flash) => {
    post({ type: "power-cut", files: [...flash.files], dirs: flash.dirs });
    // Nothing runs after a power cut: wait here until the host stops this worker.
    for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  },
  ...(data.resetBanners ? { resetBanners: data.resetBanners } : {}),
}).then((firmware) => {
  post({ type: "standing-by" });
  return firmware;
});

async function powerOn(message: PowerOnMessage): Promise<BoardFirmware> {
  const firmware = await standingBy;
  post({ type: "powered-on" });
  stallMs = message.stallMs;
  mirrored = { files: new Map(message.files), dirs: [...message.dirs] };
  await firmware.powerOn({
    flash: { files: message.files, dirs: message.dirs },
    ...(message.resetCause === undefined ? {} : { resetCause: message.resetCause }),
    ...(message.failRename ? { failRename: { ...message.failRename } } : {}),
    ...(message.interruptedIn === undefined ? {} : { resume: { interruptedIn: message.interruptedIn, rawRepl: message.rawRepl ?? false } }),
  });
  // Input a program took while booting but did not use is the REPL's.
  await firmware.receive(new Uint8Array());
  syncFiles(firmware);
  answerSyncs();
  return firmware;
}

// Messages are handled strictly one after another: input order is the UART's byte order. The
// host sends power-on first and input only after it.
let booting: Promise<BoardFirmware> | undefined;
let work: Promise<unknown> = standingBy;
data.toBoard.on("message", (message: ToBoard) => {
  if (message.type === "power-on") {
    booting = powerOn(message);
    work = booting;
    return;
  }
  work = work.then(async () => {
    const firmware = await booting!;
    if (message.type === "input") await firmware.receive(message.bytes);
    else deferredSyncs.push(message.id);
    syncFiles(firmware);
    answerSyncs();
  });
});
