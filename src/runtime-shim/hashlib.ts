/**
 * `tsmp/hashlib` ⇔ MicroPython's `hashlib`. SHA-256 is on every port with hashlib. `sha1` and
 * `md5` come with a port's TLS support: the ESP32, rp2 and unix ports have both, the ESP8266 at
 * most `sha1`, and the WebAssembly VM behind `--target micropython` neither, so there a program
 * that uses them gets MicroPython's AttributeError (no attribute 'sha1'), as on a board built
 * without them. On Node all three work. As on MicroPython, there is
 * no `hexdigest()`: use `binascii.hexlify(h.digest())`.
 * https://docs.micropython.org/en/latest/library/hashlib.html
 */
import { createHash, type Hash } from "node:crypto";
import { ValueError } from "./exceptions.js";

/** What the three hashes share: bytes fed in with `update`, one `digest` at the end. */
abstract class BoardHash {
  private readonly hash: Hash;
  private final = false;

  protected constructor(algorithm: string, data: Uint8Array | undefined) {
    this.hash = createHash(algorithm);
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

export class sha256 extends BoardHash {
  constructor(data?: Uint8Array) {
    super("sha256", data);
  }
}

/** SHA-1: only on ports built with TLS (not the host VM); meant for legacy protocols. */
export class sha1 extends BoardHash {
  constructor(data?: Uint8Array) {
    super("sha1", data);
  }
}

/** MD5: only on ports built with TLS (not the host VM); meant for legacy protocols. */
export class md5 extends BoardHash {
  constructor(data?: Uint8Array) {
    super("md5", data);
  }
}
