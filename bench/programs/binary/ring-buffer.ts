// A 256-byte ring buffer: 200,000 bytes pushed through in bursts, summed as they are taken out.
class Ring {
  private readonly data = new Uint8Array(256);
  private head = 0;
  private tail = 0;
  private size = 0;

  put(byte: number): boolean {
    if (this.size === 256) return false;
    this.data[this.head] = byte;
    this.head = (this.head + 1) & 255;
    this.size++;
    return true;
  }

  take(): number {
    const byte = this.data[this.tail]!;
    this.tail = (this.tail + 1) & 255;
    this.size--;
    return byte;
  }

  get length(): number {
    return this.size;
  }
}

const ring = new Ring();
let sum = 0;
let dropped = 0;
for (let i = 0; i < 200000; i++) {
  if (!ring.put(i & 255)) dropped++;
  if (i % 3 === 0) {
    while (ring.length > 0) sum += ring.take();
  }
}
console.log(sum, dropped, ring.length);
