/** A value that holds from `at_ms` (board time) until the next entry's `at_ms`. */
export type Scheduled<T> = T & { at_ms: number };

/** The entry in force at `nowMs` (entries in any order), or undefined before the first. */
export function valueAt<T>(entries: ReadonlyArray<Scheduled<T>>, nowMs: number): Scheduled<T> | undefined {
  let current: Scheduled<T> | undefined;
  for (const entry of entries) {
    if (entry.at_ms <= nowMs && (current === undefined || entry.at_ms >= current.at_ms)) current = entry;
  }
  return current;
}
