import type { MicroPythonVm } from "./micropython-vm.js";

/** A file (with its bytes) or a folder (without) on the VM's file system, by absolute path. */
export interface VmFile {
  path: string;
  data?: Uint8Array;
}

/** Emscripten's own folders at the VM's root: the runtime's, not the board's files. */
const EMSCRIPTEN_FOLDERS = new Set(["/tmp", "/home", "/dev", "/proc"]);

/**
 * The board's files and folders as the program left them on a VM, so that a reset, which starts a
 * fresh VM, finds them again as a board finds its flash.
 */
export function readBoardFiles(vm: MicroPythonVm): VmFile[] {
  const fs = vm.module.FS;
  const found: VmFile[] = [];
  const walk = (folder: string): void => {
    for (const name of fs.readdir(folder)) {
      const path = `${folder === "/" ? "" : folder}/${name}`;
      if (name === "." || name === ".." || EMSCRIPTEN_FOLDERS.has(path)) continue;
      if (fs.isDir(fs.stat(path).mode)) {
        found.push({ path });
        walk(path);
      } else {
        found.push({ path, data: fs.readFile(path) });
      }
    }
  };
  walk("/");
  return found;
}

/** Puts files and folders on a VM's file system (parents first, as readBoardFiles lists them). */
export function writeBoardFiles(vm: MicroPythonVm, files: readonly VmFile[]): void {
  for (const file of files) {
    if (file.data === undefined) vm.module.FS.mkdirTree(file.path);
    else vm.writeFile(file.path, file.data);
  }
}
