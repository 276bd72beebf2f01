import { describe, expect, it } from "vitest";
import { RunQueue, type Queued } from "../../src/runtime-shim/task-queue.js";

interface Item extends Queued {
  name: number;
}

const item = (name: number): Item => ({ name, key: 0, seq: 0, heapIndex: -1 });

describe("RunQueue", () => {
  it("pops by wake time, first-in first-out among equal times, across its heap and FIFO lane", () => {
    const queue = new RunQueue<Item>();
    // A fixed pseudo-random mix of pushes, pops and removals, checked against a sorted list.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const reference: Array<{ item: Item; order: number }> = [];
    let order = 0;
    const popped: number[] = [];
    const expected: number[] = [];
    for (let step = 0; step < 3000; step++) {
      const choice = random();
      if (choice < 0.55) {
        const it = item(step);
        const key = Math.floor(random() * 5) * 10;
        queue.push(it, key);
        reference.push({ item: it, order: order++ });
      } else if (choice < 0.9) {
        reference.sort((a, b) => a.item.key - b.item.key || a.order - b.order);
        const next = reference.shift();
        popped.push(queue.pop()?.name ?? -1);
        expected.push(next?.item.name ?? -1);
      } else if (reference.length > 0) {
        const victim = reference.splice(Math.floor(random() * reference.length), 1)[0]!;
        expect(queue.has(victim.item)).toBe(true);
        queue.remove(victim.item);
        expect(queue.has(victim.item)).toBe(false);
      }
      expect(queue.size).toBe(reference.length);
    }
    expect(popped).toEqual(expected);
  });
});
