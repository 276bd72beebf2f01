/** One output change: at `time_ms`, `device` (e.g. "LED(1)", "Pin(2)") took `value`. */
export interface TimelineEntry {
  time_ms: number;
  device: string;
  value: number;
}

/** Every output change of the simulated board, in time order. */
export class Timeline {
  readonly entries: TimelineEntry[] = [];
  private readonly last = new Map<string, number>();

  /** Records `value` for `device` unless it is unchanged (a waveform only shows edges); true if recorded. */
  record(timeMs: number, device: string, value: number): boolean {
    if (this.last.get(device) === value) return false;
    this.last.set(device, value);
    this.entries.push({ time_ms: timeMs, device, value });
    return true;
  }

  /** The devices in the order they first changed. */
  devices(): string[] {
    return [...this.last.keys()];
  }
}
