import type { TimelineEntry } from "../runtime-shim/timeline.js";
import type { DisplayRecording } from "../devices/display-frames.js";
import type { DisplayFrame } from "../devices/models/ssd1306.js";

/** Layout of the logic-analyzer picture, in SVG user units (px). */
const LABEL_WIDTH = 120;
const PLOT_WIDTH = 1080;
const ROW_HEIGHT = 56;
const TRACE_HEIGHT = 28;
const TOP = 34;
const BOTTOM = 30;
const COLORS = ["#4ade80", "#facc15", "#60a5fa", "#f472b6", "#fb923c", "#a78bfa", "#2dd4bf", "#f87171"];

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A round step (1, 2 or 5 × 10^n ms) giving about `count` grid lines over `spanMs`. */
function gridStep(spanMs: number, count: number): number {
  const raw = spanMs / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  for (const factor of [1, 2, 5, 10]) if (factor * magnitude >= raw) return factor * magnitude;
  return 10 * magnitude;
}

/** A one-line summary of a row: "on 5 ms every 705 ms (14 pulses)", or its number of changes. */
function describeRow(changes: readonly TimelineEntry[]): string {
  const round = (v: number) => Number(v.toFixed(3));
  if (changes.some((c) => c.value !== 0 && c.value !== 1)) {
    const values = changes.map((c) => c.value);
    return `level ${round(Math.min(...values))}–${round(Math.max(...values))} · ${changes.length} changes`;
  }
  const rises = changes.filter((c, i) => c.value > 0 && (i === 0 || changes[i - 1]!.value === 0));
  const widths = rises
    .map((rise) => {
      const fall = changes.find((c) => c.time_ms > rise.time_ms && c.value === 0);
      return fall === undefined ? undefined : fall.time_ms - rise.time_ms;
    })
    .filter((w): w is number => w !== undefined);
  const periods = rises.slice(1).map((rise, i) => rise.time_ms - rises[i]!.time_ms);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  if (periods.length >= 1 && widths.length >= 1) {
    return `on ${formatMs(median(widths))} every ${formatMs(median(periods))} · ${rises.length} pulses`;
  }
  return `${changes.length} change${changes.length === 1 ? "" : "s"} · ends at ${changes.at(-1)?.value ?? "?"}`;
}

function formatMs(ms: number): string {
  if (ms >= 1000) return `${Number((ms / 1000).toFixed(3))} s`;
  return `${Number(ms.toFixed(3))} ms`;
}

/** Pictures shown per display: the last ones, which fit across the timeline's width. */
const FRAMES_SHOWN = 5;
const PIXEL = 1.5;
const FRAME_GAP = 24;
/** Room for a display's label above its pictures and their times below. */
const DISPLAY_LABEL = 26;
const FRAME_CAPTION = 22;

/** A frame as lit pixels, one rect per run of lit pixels in a row (compact for sparse pictures). */
function framePixels(frame: DisplayFrame, left: number, top: number): string {
  const rects: string[] = [];
  frame.rows.forEach((row, y) => {
    for (const run of row.matchAll(/#+/g)) {
      rects.push(`<rect x="${left + run.index * PIXEL}" y="${top + y * PIXEL}" width="${run[0].length * PIXEL}" height="${PIXEL}"/>`);
    }
  });
  return `<g fill="#7dd3fc">${rects.join("")}</g>`;
}

/** The displays' last pictures under the timeline, each with the board time it appeared at. */
function renderDisplays(displays: readonly DisplayRecording[], top: number): { svg: string[]; height: number } {
  const svg: string[] = [];
  let y = top;
  for (const display of displays) {
    const shown = display.frames.slice(-FRAMES_SHOWN);
    const skipped = display.frames.length - shown.length;
    svg.push(
      `<text x="${LABEL_WIDTH}" y="${y + 16}" fill="#7dd3fc" font-weight="bold">${escapeXml(display.device)}</text>`,
      `<text x="${LABEL_WIDTH + 260}" y="${y + 16}" fill="#94a3b8" font-size="11">${display.frames.length} frame${display.frames.length === 1 ? "" : "s"}${skipped > 0 ? ` · the last ${shown.length}` : ""}</text>`,
    );
    const frameTop = y + DISPLAY_LABEL;
    shown.forEach((frame, index) => {
      const left = LABEL_WIDTH + index * (display.width * PIXEL + FRAME_GAP);
      svg.push(
        `<rect x="${left - 2}" y="${frameTop - 2}" width="${display.width * PIXEL + 4}" height="${display.height * PIXEL + 4}" fill="#020617" stroke="#334155"/>`,
        framePixels(frame, left, frameTop),
        `<text x="${left}" y="${frameTop + display.height * PIXEL + 16}" fill="#64748b" font-size="11">${formatMs(frame.time_ms)}</text>`,
      );
    });
    if (shown.length === 0) svg.push(`<text x="${LABEL_WIDTH}" y="${frameTop + 14}" fill="#64748b">showed nothing</text>`);
    y = frameTop + display.height * PIXEL + FRAME_CAPTION;
  }
  return { svg, height: y - top };
}

/**
 * Draws the timeline as a logic analyzer shows it: one row per device, time left to right.
 * Digital signals (0/1) are square waves with the high level shaded; fractional values (PWM
 * duty, LED intensity) are drawn as a stepped level within the row. Displays (an SSD1306)
 * follow as pictures: the last frames they showed, with the times they appeared.
 */
export function renderTimelineSvg(entries: readonly TimelineEntry[], endMs: number, displays: readonly DisplayRecording[] = []): string {
  const devices: string[] = [];
  for (const entry of entries) if (!devices.includes(entry.device)) devices.push(entry.device);
  const spanMs = Math.max(endMs, entries.at(-1)?.time_ms ?? 0, 1);
  const width = LABEL_WIDTH + PLOT_WIDTH + 20;
  const timelineHeight = TOP + Math.max(1, devices.length) * ROW_HEIGHT + BOTTOM;
  const pictures = renderDisplays(displays, timelineHeight);
  const height = timelineHeight + pictures.height;
  const x = (ms: number) => LABEL_WIDTH + (ms / spanMs) * PLOT_WIDTH;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="13">`,
    `<rect width="100%" height="100%" fill="#0f172a"/>`,
    `<text x="${LABEL_WIDTH}" y="20" fill="#cbd5e1" font-size="13">tsmp timeline · ${formatMs(spanMs)} · ${entries.length} changes</text>`,
  );
  const step = gridStep(spanMs, 10);
  for (let t = 0; t <= spanMs + 1e-9; t += step) {
    parts.push(
      `<line x1="${x(t).toFixed(1)}" y1="${TOP - 4}" x2="${x(t).toFixed(1)}" y2="${timelineHeight - BOTTOM + 4}" stroke="#1e293b" stroke-width="1"/>`,
      `<text x="${x(t).toFixed(1)}" y="${timelineHeight - 10}" fill="#64748b" text-anchor="middle">${formatMs(t)}</text>`,
    );
  }
  devices.forEach((device, row) => {
    const color = COLORS[row % COLORS.length]!;
    const top = TOP + row * ROW_HEIGHT + ROW_HEIGHT - TRACE_HEIGHT - 8;
    const bottom = top + TRACE_HEIGHT;
    const level = (value: number) => bottom - Math.max(0, Math.min(1, value)) * TRACE_HEIGHT;
    const changes = entries.filter((e) => e.device === device);
    parts.push(
      `<rect x="0" y="${TOP + row * ROW_HEIGHT}" width="${width}" height="${ROW_HEIGHT}" fill="${row % 2 === 0 ? "#0f172a" : "#111c33"}" opacity="0.6"/>`,
      `<text x="${LABEL_WIDTH - 16}" y="${(top + bottom) / 2 + 4}" fill="${color}" text-anchor="end" font-weight="bold">${escapeXml(device)}</text>`,
      `<text x="${LABEL_WIDTH - 4}" y="${top + 4}" fill="#475569" text-anchor="end" font-size="9">1</text>`,
      `<text x="${LABEL_WIDTH - 4}" y="${bottom + 3}" fill="#475569" text-anchor="end" font-size="9">0</text>`,
      `<text x="${width - 22}" y="${top - 5}" fill="#94a3b8" text-anchor="end" font-size="11">${escapeXml(describeRow(changes))}</text>`,
    );
    // Before its first change a device's level is unknown: drawn as a dashed mid line.
    const first = changes[0]!;
    if (first.time_ms > 0) {
      parts.push(
        `<line x1="${x(0)}" y1="${(top + bottom) / 2}" x2="${x(first.time_ms).toFixed(2)}" y2="${(top + bottom) / 2}" stroke="${color}" stroke-dasharray="3 3" opacity="0.5"/>`,
      );
    }
    let path = `M${x(first.time_ms).toFixed(2)},${level(first.value).toFixed(2)}`;
    let fill = `M${x(first.time_ms).toFixed(2)},${bottom}`;
    changes.forEach((change, index) => {
      const next = changes[index + 1];
      const endX = x(next?.time_ms ?? spanMs).toFixed(2);
      const y = level(change.value).toFixed(2);
      path += ` V${y} H${endX}`;
      fill += ` V${y} H${endX}`;
    });
    fill += ` V${bottom} Z`;
    parts.push(
      `<path d="${fill}" fill="${color}" opacity="0.18"/>`,
      `<path d="${path}" fill="none" stroke="${color}" stroke-width="1.6" stroke-linejoin="miter"/>`,
    );
  });
  if (devices.length === 0) {
    parts.push(`<text x="${LABEL_WIDTH}" y="${TOP + 28}" fill="#64748b">no output changed</text>`);
  }
  parts.push(...pictures.svg, "</svg>");
  return `${parts.join("\n")}\n`;
}
