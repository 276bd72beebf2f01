/**
 * `tsmp/hashlib` ⇔ MicroPython's `hashlib`. SHA-256 is on every port with hashlib; `sha1` and
 * `md5` only on some (ESP32, the unix port), and not on the simulated board, so the facade
 * offers SHA-256. As on MicroPython, there is no `hexdigest()`: use `binascii.hexlify(h.digest())`.
 * https://docs.micropython.org/en/latest/library/hashlib.html
 */
import { createHash, type Hash } from "node:crypto";
import { ValueError } from "./exceptions.js";

export class sha256 {
  private readonly hash: Hash = createHash("sha256");
  private final = false;

  constructor(data?: Uint8Array) {
    if (data !== undefined) this.update(data);
  }

  /** Feeds more bytes into the hash. */
  update(data: Uint8Array): void {
    if (this.final) throw new ValueError("hash is final");
    this.hash.update(data);
  }

  /** The hash of everything fed in; the hash is final afterwards, as MicroPython's is. */
  digest(): Uint8Array {
    if (this.final) throw new ValueError("hash is final");
    this.final = true;
    return new Uint8Array(this.hash.digest());
  }
}
