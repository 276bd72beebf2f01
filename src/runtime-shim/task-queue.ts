/** What a queue needs to know about the tasks it holds. */
export interface Queued {
  /** Run-queue wake time (ms on the board clock). */
  key: number;
  /** Insertion order: equal wake times run first-in, first-out, as in MicroPython's heap. */
  seq: number;
  heapIndex: number;
}

let nextSeq = 0;

/** `heapIndex` of an item waiting in the run queue's FIFO lane rather than its heap. */
const IN_LANE = -2;

/**
 * MicroPython's run queue: tasks ordered by wake time, FIFO among equal times. A binary heap
 * (each task remembers its slot, so a cancelled sleeper can be pulled out in O(log n)), plus a
 * FIFO lane for the common case of a push at the same time as the previous one (tasks made
 * ready "now"): the lane stays sorted, so popping takes the smaller of the two heads.
 */
export class RunQueue<T extends Queued> {
  private readonly heap: T[] = [];
  private lane: T[] = [];
  private laneHead = 0;

  get size(): number {
    return this.heap.length + this.lane.length - this.laneHead;
  }

  peek(): T | undefined {
    const fromHeap = this.heap[0];
    const fromLane = this.lane[this.laneHead];
    if (fromLane === undefined) return fromHeap;
    if (fromHeap === undefined) return fromLane;
    return this.before(fromHeap, fromLane) ? fromHeap : fromLane;
  }

  has(item: T): boolean {
    if (item.heapIndex === IN_LANE) return true;
    return this.heap[item.heapIndex] === item;
  }

  push(item: T, key: number): void {
    item.key = key;
    item.seq = nextSeq++;
    const tail = this.lane[this.lane.length - 1];
    if (this.laneHead === this.lane.length || (tail !== undefined && tail.key === key)) {
      item.heapIndex = IN_LANE;
      this.lane.push(item);
      return;
    }
    item.heapIndex = this.heap.length;
    this.heap.push(item);
    this.siftUp(item.heapIndex);
  }

  pop(): T | undefined {
    const top = this.peek();
    if (top === undefined) return undefined;
    if (top.heapIndex === IN_LANE) this.shiftLane();
    else this.removeAt(0);
    return top;
  }

  remove(item: T): void {
    if (item.heapIndex === IN_LANE) {
      const index = this.lane.indexOf(item, this.laneHead);
      if (index >= 0) this.lane.splice(index, 1);
      item.heapIndex = -1;
      return;
    }
    if (this.has(item)) this.removeAt(item.heapIndex);
  }

  private shiftLane(): void {
    this.lane[this.laneHead]!.heapIndex = -1;
    this.laneHead += 1;
    if (this.laneHead === this.lane.length) {
      this.lane = [];
      this.laneHead = 0;
    } else if (this.laneHead > 1024 && this.laneHead * 2 > this.lane.length) {
      this.lane = this.lane.slice(this.laneHead);
      this.laneHead = 0;
    }
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
