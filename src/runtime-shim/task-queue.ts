/** What a queue needs to know about the tasks it holds. */
export interface Queued {
  /** Run-queue wake time (ms on the board clock). */
  key: number;
  /** Insertion order: equal wake times run first-in, first-out, as in MicroPython's heap. */
  seq: number;
  heapIndex: number;
}

let nextSeq = 0;

/**
 * MicroPython's run queue: tasks ordered by wake time, FIFO among equal times. A binary heap
 * with each task remembering its slot, so a cancelled sleeper can be pulled out in O(log n).
 */
export class RunQueue<T extends Queued> {
  private readonly heap: T[] = [];

  get size(): number {
    return this.heap.length;
  }

  peek(): T | undefined {
    return this.heap[0];
  }

  has(item: T): boolean {
    return this.heap[item.heapIndex] === item;
  }

  push(item: T, key: number): void {
    item.key = key;
    item.seq = nextSeq++;
    item.heapIndex = this.heap.length;
    this.heap.push(item);
    this.siftUp(item.heapIndex);
  }

  pop(): T | undefined {
    const top = this.heap[0];
    if (top !== undefined) this.removeAt(0);
    return top;
  }

  remove(item: T): void {
    if (this.has(item)) this.removeAt(item.heapIndex);
  }

  private removeAt(index: number): void {
    const removed = this.heap[index]!;
    const last = this.heap.pop()!;
    removed.heapIndex = -1;
    if (last === removed) return;
    this.heap[index] = last;
    last.heapIndex = index;
    this.siftDown(index);
    this.siftUp(last.heapIndex);
  }

  private before(a: T, b: T): boolean {
    return a.key < b.key || (a.key === b.key && a.seq < b.seq);
  }

  private siftUp(index: number): void {
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(this.heap[index]!, this.heap[parent]!)) return;
      this.swap(index, parent);
      index = parent;
    }
  }

  private siftDown(index: number): void {
    for (;;) {
      const left = 2 * index + 1;
      const right = left + 1;
      let best = index;
      if (left < this.heap.length && this.before(this.heap[left]!, this.heap[best]!)) best = left;
      if (right < this.heap.length && this.before(this.heap[right]!, this.heap[best]!)) best = right;
      if (best === index) return;
      this.swap(index, best);
      index = best;
    }
  }

  private swap(a: number, b: number): void {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    this.heap[a] = y;
    this.heap[b] = x;
    x.heapIndex = b;
    y.heapIndex = a;
  }
}

/** Tasks parked on a primitive (Event, Lock, a task's completion): woken in arrival order. */
export class WaitingTasks<T> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    this.items.push(item);
  }

  shift(): T | undefined {
    return this.items.shift();
  }

  remove(item: T): void {
    const index = this.items.indexOf(item);
    if (index >= 0) this.items.splice(index, 1);
  }
}
