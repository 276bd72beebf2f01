import { existsSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { TsmpError } from "../errors.js";
import type { TimelineEntry } from "../runtime-shim/timeline.js";
import { renderTimelineSvg } from "./trace-svg.js";
import type { DisplayRecording } from "../devices/display-frames.js";

/** `--trace` takes a picture (.svg) or data (.json); checked before the program runs. */
export function checkTracePath(path: string | undefined): void {
  if (path !== undefined && !/\.(svg|json)$/.test(path)) {
    throw new TsmpError(`--trace ${path}: use a .svg (picture) or .json (data) file name`);
  }
  // Checked before the program runs, so a long run is not lost to a typo in the folder.
  if (path !== undefined && !existsSync(dirname(resolve(path)))) {
    throw new TsmpError(`--trace ${path}: the folder ${dirname(path)} does not exist`);
  }
}

/** Writes a run's pin/LED timeline, and what its displays showed, to `path`, the same on every target. */
export function writeTrace(
  path: string,
  entries: readonly TimelineEntry[],
  endMs: number,
  displays: readonly DisplayRecording[] = [],
): void {
  checkTracePath(path);
  const data = displays.length === 0 ? { end_ms: endMs, entries } : { end_ms: endMs, entries, displays };
  writeFileSync(path, path.endsWith(".svg") ? renderTimelineSvg(entries, endMs, displays) : `${JSON.stringify(data, null, 2)}\n`);
}
