/**
 * `tsmp/select` ⇔ MicroPython's `select.poll`, for sockets (`tsmp/socket`): waits until one is
 * readable (POLLIN: data, a connection to accept, or the peer's close) or writable (POLLOUT);
 * POLLERR and POLLHUP come whatever the mask asks for. `select.select` is left out, as
 * MicroPython recommends poll.
 * https://docs.micropython.org/en/latest/library/select.html
 */
import { OSError } from "./exceptions.js";
import { callHost, type socket } from "./socket.js";

export const POLLIN = 0x01;
export const POLLOUT = 0x04;
export const POLLERR = 0x08;
export const POLLHUP = 0x10;

const ENOENT = 2;

/** A set of sockets to wait on (made by `poll()`). */
export class Poll {
  private readonly masks = new Map<socket, number>();

  /** @internal made by `poll()` */
  constructor() {}

  /** Watches `obj` for `eventmask` (POLLIN | POLLOUT by default); registering again changes the mask. */
  register(obj: socket, eventmask = POLLIN | POLLOUT): void {
    this.masks.set(obj, eventmask);
  }

  /** Stops watching `obj` (nothing happens if it was not watched). */
  unregister(obj: socket): void {
    this.masks.delete(obj);
  }

  /** Changes the mask of a watched socket; OSError ENOENT if it is not watched. */
  modify(obj: socket, eventmask: number): void {
    if (!this.masks.has(obj)) throw new OSError(ENOENT, "ENOENT");
    this.masks.set(obj, eventmask);
  }

  /** Waits up to `timeout` ms (-1: for ever) and returns `[socket, events]` for each ready one. */
  poll(timeout = -1): Array<[socket, number]> {
    const byId = new Map([...this.masks.keys()].map((obj) => [obj.hostId, obj]));
    const entries = [...this.masks].map(([obj, mask]): [number, number] => [obj.hostId, mask]);
    const ready = callHost<Array<[number, number]>>({ op: "poll", entries, waitMs: timeout < 0 ? -1 : timeout });
    return ready.map(([id, events]): [socket, number] => [byId.get(id)!, events]);
  }

  /** As `poll`, one result at a time; with `flags` 1 a reported socket is disarmed until `modify()`. */
  *ipoll(timeout = -1, flags = 0): IterableIterator<[socket, number]> {
    for (const [obj, events] of this.poll(timeout)) {
      if (flags & 1) this.masks.set(obj, 0);
      yield [obj, events];
    }
  }
}

/** A new, empty poll set. */
export function poll(): Poll {
  return new Poll();
}
