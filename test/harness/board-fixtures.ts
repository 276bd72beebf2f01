import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { packagePath } from "../../src/package-paths.js";

const folders: string[] = [];

/** A throwaway project folder with the given TypeScript sources under src/. */
export function makeProject(sources: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), "tsmp-flash-project-"));
  folders.push(folder);
  writeFileSync(join(folder, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, target: "ES2022" }, include: ["src"] }));
  writeSources(folder, sources);
  return folder;
}

export function writeSources(project: string, sources: Record<string, string>): void {
  for (const [path, text] of Object.entries(sources)) {
    const full = join(project, "src", path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

/** A copy of the blink template, so a test may edit it. */
export function copyBlinkTemplate(): string {
  const folder = mkdtempSync(join(tmpdir(), "tsmp-blink-"));
  folders.push(folder);
  cpSync(packagePath("templates/blink"), folder, { recursive: true });
  return folder;
}

export function removeProjects(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** Collects what a command writes to stderr, with isTTY false as in CI logs. */
export function captureStream(): { write(text: string): boolean; isTTY: false; text: () => string } {
  let text = "";
  return {
    write: (chunk: string) => ((text += chunk), true),
    isTTY: false,
    text: () => text,
  };
}
