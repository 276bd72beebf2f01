import { EVENTS, Poller } from "@serialport/bindings-cpp/dist/poller.js";

let repaired = false;

/**
 * Keeps serialport from forgetting a write that waits for room while a read waits for bytes.
 *
 * On Linux and macOS, serialport (bindings-cpp 13) waits for a port to become readable or
 * writable through one libuv poll handle per port. Each wait restarts that handle with only the
 * event it wants, dropping the others: a write that found the port full (EAGAIN) and waits for
 * "writable" is forgotten as soon as the read side finds no bytes and waits for "readable".
 * The write then waits until some byte arrives, and in a request/answer protocol none will: the
 * other end waits for the rest of the request. That hung `tsmp firmware flash` (16 KB frames at
 * a time) now and then for good, and hung the virtual devices' tests on a loaded machine.
 *
 * Repaired here by asking for every event someone still waits for, each time. Idempotent; call
 * it before opening a port.
 */
export function repairSerialPolling(): void {
  if (repaired) return;
  repaired = true;
  const poll = Poller.prototype.poll;
  Poller.prototype.poll = function (this: Poller, eventFlag = 0): void {
    let waiting = eventFlag;
    if (this.listenerCount("readable") > 0) waiting |= EVENTS.UV_READABLE;
    if (this.listenerCount("writable") > 0) waiting |= EVENTS.UV_WRITABLE;
    if (this.listenerCount("disconnect") > 0) waiting |= EVENTS.UV_DISCONNECT;
    poll.call(this, waiting);
  };
}
