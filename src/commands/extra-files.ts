import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import type { DeployFile } from "../flash/deploy.js";
import { InvalidProjectConfig, type LoadedConfig } from "./project-config.js";

/** Files from the project's config for the board, and which setting listed them (for messages). */
export interface ExtraFiles {
  files: DeployFile[];
  /** `/project/package.json: package.json "tsmp".files` */
  listedBy: string;
}

/**
 * The files the project's config lists to install beside the code (`"files": ["boot.py", "data"]`),
 * read from the project folder and placed at the same relative paths on the board; a folder
 * brings everything under it.
 */
export function filesBesideCode(loaded: LoadedConfig): ExtraFiles {
  const listed = loaded.config.files ?? [];
  const listedBy = listed.length > 0 ? `${loaded.file}: ${loaded.source!("files")}` : "";
  const where = () => listedBy;
  const files = new Map<string, DeployFile>();
  for (const entry of listed) {
    const full = resolve(loaded.folder, entry);
    const boardPath = relative(loaded.folder, full).split("\\").join("/");
    if (isAbsolute(entry) || boardPath.startsWith("../") || boardPath === ".." || boardPath === "") {
      throw new InvalidProjectConfig(`${where()}: ${entry} is not inside the project folder`);
    }
    if (!existsSync(full)) throw new InvalidProjectConfig(`${where()}: ${entry} does not exist in ${loaded.folder}`);
    for (const path of statSync(full).isDirectory() ? filesUnder(full) : [full]) {
      const file = { path: relative(loaded.folder, path).split("\\").join("/"), data: readFileSync(path) };
      files.set(file.path, file);
    }
  }
  return { files: [...files.values()], listedBy };
}

/** The build's files and the listed ones together; a listed file may not take a path the build writes. */
export function withFilesBesideCode(built: DeployFile[], extra: ExtraFiles | undefined): DeployFile[] {
  for (const file of extra?.files ?? []) {
    if (built.some((b) => b.path === file.path)) {
      throw new InvalidProjectConfig(`${extra!.listedBy}: ${file.path} is written by the build; list another file`);
    }
  }
  return [...built, ...(extra?.files ?? [])];
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)]))
    .sort();
}
