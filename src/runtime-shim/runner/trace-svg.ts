import type { TimelineEntry } from "../timeline.js";

/** Layout of the logic-analyzer picture, in SVG user units (px). */
const LABEL_WIDTH = 110;
const PLOT_WIDTH = 1080;
const ROW_HEIGHT = 46;
const TRACE_HEIGHT = 26;
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

function formatMs(ms: number): string {
  if (ms >= 1000) return `${Number((ms / 1000).toFixed(3))} s`;
  return `${Number(ms.toFixed(3))} ms`;
}

/**
 * Draws the timeline as a logic analyzer shows it: one row per device, time left to right.
 * Digital signals (0/1) are square waves with the high level shaded; fractional values (PWM
 * duty, LED intensity) are drawn as a stepped level within the row.
 */
export function renderTimelineSvg(entries: readonly TimelineEntry[], endMs: number): string {
  const devices: string[] = [];
  for (const entry of entries) if (!devices.includes(entry.device)) devices.push(entry.device);
  const spanMs = Math.max(endMs, entries.at(-1)?.time_ms ?? 0, 1);
  const width = LABEL_WIDTH + PLOT_WIDTH + 20;
  const height = TOP + Math.max(1, devices.length) * ROW_HEIGHT + BOTTOM;
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
      `<line x1="${x(t).toFixed(1)}" y1="${TOP - 4}" x2="${x(t).toFixed(1)}" y2="${height - BOTTOM + 4}" stroke="#1e293b" stroke-width="1"/>`,
      `<text x="${x(t).toFixed(1)}" y="${height - 10}" fill="#64748b" text-anchor="middle">${formatMs(t)}</text>`,
    );
  }
  devices.forEach((device, row) => {
    const color = COLORS[row % COLORS.length]!;
    const top = TOP + row * ROW_HEIGHT + (ROW_HEIGHT - TRACE_HEIGHT) / 2;
    const bottom = top + TRACE_HEIGHT;
    const level = (value: number) => bottom - Math.max(0, Math.min(1, value)) * TRACE_HEIGHT;
    const changes = entries.filter((e) => e.device === device);
    parts.push(
      `<rect x="0" y="${TOP + row * ROW_HEIGHT}" width="${width}" height="${ROW_HEIGHT}" fill="${row % 2 === 0 ? "#0f172a" : "#111c33"}" opacity="0.6"/>`,
      `<text x="${LABEL_WIDTH - 12}" y="${(top + bottom) / 2 + 4}" fill="${color}" text-anchor="end">${escapeXml(device)}</text>`,
    );
    // Before its first change a device's level is unknown: drawn as a dashed mid line.
    const first = changes[0]!;
    if (first.time_ms > 0) {
      parts.push(`<line x1="${x(0)}" y1="${(top + bottom) / 2}" x2="${x(first.time_ms).toFixed(2)}" y2="${(top + bottom) / 2}" stroke="${color}" stroke-dasharray="3 3" opacity="0.5"/>`);
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
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
