/**
 * Source maps (version 3) for the emitted Python, so a MicroPython traceback line can be
 * mapped back to the TypeScript line. Only line starts matter for that, so each emitted
 * statement gets one segment.
 */

const base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Base64 VLQ as the source-map spec defines it: sign in the lowest bit, 5-bit groups. */
export function encodeVlq(value: number): string {
  let vlq = value < 0 ? (-value << 1) | 1 : value << 1;
  let encoded = "";
  do {
    let digit = vlq & 0b11111;
    vlq >>>= 5;
    if (vlq > 0) digit |= 0b100000;
    encoded += base64[digit];
  } while (vlq > 0);
  return encoded;
}

export interface Mapping {
  generatedLine: number; // 0-based
  generatedColumn: number; // 0-based
  sourceLine: number; // 0-based
  sourceColumn: number; // 0-based
}

export function buildSourceMap(file: string, source: string, mappings: Mapping[]): string {
  const sorted = [...mappings].sort((a, b) => a.generatedLine - b.generatedLine || a.generatedColumn - b.generatedColumn);
  const lines: string[] = [];
  let previousSourceLine = 0;
  let previousSourceColumn = 0;
  let index = 0;
  const lastLine = sorted.length > 0 ? sorted[sorted.length - 1]!.generatedLine : -1;
  for (let line = 0; line <= lastLine; line++) {
    const segments: string[] = [];
    let previousColumn = 0;
    while (index < sorted.length && sorted[index]!.generatedLine === line) {
      const mapping = sorted[index]!;
      segments.push(
        encodeVlq(mapping.generatedColumn - previousColumn) +
          encodeVlq(0) +
          encodeVlq(mapping.sourceLine - previousSourceLine) +
          encodeVlq(mapping.sourceColumn - previousSourceColumn),
      );
      previousColumn = mapping.generatedColumn;
      previousSourceLine = mapping.sourceLine;
      previousSourceColumn = mapping.sourceColumn;
      index++;
    }
    lines.push(segments.join(","));
  }
  return JSON.stringify({ version: 3, file, sources: [source], names: [], mappings: lines.join(";") });
}
