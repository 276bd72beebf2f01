import { describe, expect, it } from "vitest";
import { createUploadProgress, ProgressBar } from "../../src/flash/progress.js";

/** A terminal `columns` wide that keeps what was written. */
function terminal(columns: number) {
  const writes: string[] = [];
  return { stream: { isTTY: true, columns, write: (text: string) => writes.push(text) }, writes };
}

describe("progress bars on a terminal", () => {
  it("never draw wider than the terminal, so a redraw leaves no fragments behind", () => {
    const { stream, writes } = terminal(60);
    let now = 0;
    const bar = new ProgressBar(stream, { label: "Writing (compressed)", now: () => now });
    bar.start(1_500_000);
    for (let done = 0; done <= 1_500_000; done += 300_000) {
      now += 1000;
      bar.update(done);
    }
    expect(writes.length).toBe(6);
    for (const write of writes) {
      expect(write.startsWith("\r\x1b[K")).toBe(true);
      expect(write.slice(4).length).toBeLessThan(60);
    }
    expect(writes.at(-1)).toMatch(/^\r\x1b\[KWriting \(compressed\) \[#+\] 100% .*…$/);
  });

  it("name the file being sent, even within the redraw pause", () => {
    const { stream, writes } = terminal(200);
    const now = 0;
    const progress = createUploadProgress(stream, () => now);
    progress.start(300);
    progress.advance("main.py", 0);
    progress.advance("main.py", 100);
    progress.advance("lib/util.py", 0);
    expect(writes.at(-1)).toMatch(/ 100 B\/300 B .* lib\/util\.py$/);
    progress.advance("lib/util.py", 100);
    // Same file, 0 ms later: not redrawn (at most ten redraws a second).
    expect(writes.at(-1)).toMatch(/ 100 B\/300 B .* lib\/util\.py$/);
  });
});
