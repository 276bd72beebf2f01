import { fileURLToPath } from "node:url";
import { resolve } from "node:path";

/**
 * The tsmp package root, whether this file runs from src/ (vitest, tsx) or dist/ (the CLI).
 * Non-TypeScript assets (Python sources, templates) are read from the source tree, which the
 * package ships, so both layouts find them at the same relative path.
 */
export const packageRoot = resolve(fileURLToPath(new URL(".", import.meta.url)), "..");

export function packagePath(...segments: string[]): string {
  return resolve(packageRoot, ...segments);
}
