import { existsSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { TsmpError } from "../errors.js";
import type { TimelineEntry } from "../runtime-shim/timeline.js";
import { renderTimelineSvg } from "./trace-svg.js";

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

/** Writes a run's pin/LED timeline to `path`, the same on every target. */
export function writeTrace(path: string, entries: readonly TimelineEntry[], endMs: number): void {
  checkTracePath(path);
  writeFileSync(
    path,
    path.endsWith(".svg") ? renderTimelineSvg(entries, endMs) : `${JSON.stringify({ end_ms: endMs, entries }, null, 2)}\n`,
  );
}
