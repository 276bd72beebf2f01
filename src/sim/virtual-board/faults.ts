/** Test-only faults: the misbehaving cables and boards that reliability tests need. */
export interface VirtualBoardFaults {
  /**
   * Unplug the cable once the board has received this many bytes: the pty disappears, as a USB
   * board's port does. The board keeps running; `VirtualBoard.replug()` plugs it back in.
   */
  dropAfterBytes?: number;
  /** Line noise on what the board sends: each byte is replaced by a random one with probability `rate`. */
  noise?: { rate: number; seed?: number };
  /** Every byte the board sends leaves this many milliseconds late (a slow, busy board). */
  slowMs?: number;
  /** Answer raw-paste requests with `R\x00`, as a board without raw-paste support does. */
  refuseRawPaste?: boolean;
  /**
   * Line noise on what the board receives, aimed so a test can predict its effect: each time the
   * board receives the bytes of `match`, the last of them has its lowest bit flipped (`a` → `` ` ``,
   * `1` → `0`), up to `count` times (1 by default; `Infinity` for a line that never recovers).
   * A marker inside a file's text thus changes the file stored on the board, not the code around it.
   */
  corruptReceived?: { match: string; count?: number };
  /** The lowest bit of the byte at this position of what the board receives flips (one garbled byte). */
  flipByteAt?: number;
  /** `noise` and `slowMs` begin once the board has received this many bytes, so one step can be hit. */
  startAfterBytes?: number;
  /**
   * os.rename on the board fails with EIO when either path is `path` (from the board's root,
   * "/extra.py"), `count` times (1 by default): a flash that wears out mid-commit. With
   * `cutPowerAt: n`, the board instead loses power at the n-th such rename (before it happens)
   * and boots again from what its flash holds: a reset or a pulled USB cable mid-commit.
   */
  failRename?: RenameFault;
}

export interface RenameFault {
  path: string;
  count?: number;
  cutPowerAt?: number;
}

/** Corrupts bytes at `rate`, reproducibly for a given seed (mulberry32). */
export function lineNoise(noise: { rate: number; seed?: number }): (bytes: Uint8Array) => Uint8Array {
  let state = noise.seed ?? 1;
  const random = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (bytes) => {
    const noisy = bytes.slice();
    for (let i = 0; i < noisy.length; i++) {
      if (random() < noise.rate) noisy[i] = Math.floor(random() * 256);
    }
    return noisy;
  };
}

/**
 * Flips the lowest bit of the last byte of each of the first `count` occurrences of `match` in a
 * stream that arrives in chunks; an occurrence may span chunks, since only its last byte changes.
 */
export function receivedCorruption(fault: { match: string; count?: number }): (bytes: Uint8Array) => Uint8Array {
  const match = new TextEncoder().encode(fault.match);
  let left = fault.count ?? 1;
  let tail = new Uint8Array(0);
  return (bytes) => {
    if (left <= 0 || match.length === 0) return bytes;
    const seen = new Uint8Array(tail.length + bytes.length);
    seen.set(tail);
    seen.set(bytes, tail.length);
    const out = bytes.slice();
    for (let end = Math.max(tail.length, match.length - 1); end < seen.length && left > 0; end++) {
      if (!endsWith(seen, end, match)) continue;
      seen[end] = seen[end]! ^ 1;
      out[end - tail.length] = seen[end]!;
      left--;
    }
    tail = seen.slice(Math.max(0, seen.length - (match.length - 1)));
    return out;
  };
}

/** Flips the lowest bit of the byte at `position` of a stream whose chunk starts at `offset`. */
export function flipByte(bytes: Uint8Array, offset: number, position: number): Uint8Array {
  if (position < offset || position >= offset + bytes.length) return bytes;
  const out = bytes.slice();
  out[position - offset] = out[position - offset]! ^ 1;
  return out;
}

function endsWith(bytes: Uint8Array, end: number, match: Uint8Array): boolean {
  const start = end - match.length + 1;
  if (start < 0) return false;
  for (let i = 0; i < match.length; i++) if (bytes[start + i] !== match[i]) return false;
  return true;
}
