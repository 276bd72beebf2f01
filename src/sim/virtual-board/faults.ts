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
