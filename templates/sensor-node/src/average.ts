/** The mean of the last `size` values added. */
export class MovingAverage {
  private values: number[] = [];

  constructor(private readonly size: number) {}

  add(value: number): void {
    this.values.push(value);
    if (this.values.length > this.size) this.values.shift();
  }

  /** The mean, or null before the first value. */
  value(): number | null {
    if (this.values.length === 0) return null;
    let sum = 0;
    for (const v of this.values) sum += v;
    return sum / this.values.length;
  }
}
