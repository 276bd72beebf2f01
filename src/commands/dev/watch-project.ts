import { watch, type FSWatcher } from "node:fs";

/** Folders whose changes are the build's own output or tools' state, never the program's sources. */
const IGNORED_FOLDERS = /(^|\/)(build|node_modules|\.git)(\/|$)/;
/** What a build reads: sources, declarations, tsconfig.json and package.json. */
const WATCHED_FILES = /\.(ts|json)$/;
/** An editor's save is often several writes (truncate, write, rename): they make one rebuild. */
const SETTLE_MS = 30;

/**
 * Calls `changed` once the project's sources have changed and gone quiet. Node's recursive
 * watch covers files added later too, so a new module is picked up without restarting.
 */
export function watchProject(folder: string, changed: () => void): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(folder, { recursive: true }, (_event, name) => {
    const path = name?.toString().split("\\").join("/");
    if (!path || IGNORED_FOLDERS.test(path) || !WATCHED_FILES.test(path)) return;
    clearTimeout(timer);
    timer = setTimeout(changed, SETTLE_MS);
  });
  // A folder deleted under the watcher is the user's business; the next rebuild reports it.
  watcher.on("error", () => undefined);
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
