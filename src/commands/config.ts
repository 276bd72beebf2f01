import { CONFIG_FILE, CONFIG_KEYS, type LoadedConfig, type Settings } from "./project-config.js";

/** `tsmp config`: each setting in effect, its value, and where it came from; one line each. */
export function describeSettings(loaded: LoadedConfig, settings: Settings): string {
  const where = loaded.file
    ? `${loaded.file}${loaded.file.endsWith("package.json") ? ' ("tsmp" section)' : ""}`
    : `none (add a "tsmp" section to package.json, or a ${CONFIG_FILE})`;
  const lines = [`Project: ${loaded.folder}`, `Config:  ${where}`];
  if (loaded.shadowed) lines.push(`         (package.json's "tsmp" section is not read: ${CONFIG_FILE} takes its place)`);
  const rows = CONFIG_KEYS.map((key) => [key, show(settings[key].value), settings[key].from] as const);
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  for (const [key, value, from] of rows) lines.push(`${key.padEnd(13)}${value.padEnd(valueWidth + 2)}${from}`);
  return `${lines.join("\n")}\n`;
}

function show(value: unknown): string {
  if (value === undefined) return "-";
  if (Array.isArray(value)) return value.length === 0 ? "(none)" : value.join(", ");
  return String(value);
}
