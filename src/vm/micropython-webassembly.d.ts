// Types for the parts of @micropython/micropython-webassembly-pyscript that tsmp uses
// (the package ships none).
declare module "@micropython/micropython-webassembly-pyscript" {
  export interface EmscriptenFs {
    writeFile(path: string, data: string | Uint8Array): void;
    readFile(path: string): Uint8Array;
    readFile(path: string, options: { encoding: "utf8" }): string;
    mkdirTree(path: string): void;
    readdir(path: string): string[];
    stat(path: string): { size: number; mode: number; mtime: Date };
    isDir(mode: number): boolean;
    unlink(path: string): void;
    rmdir(path: string): void;
    rename(from: string, to: string): void;
    utime(path: string, atime: number, mtime: number): void;
    analyzePath(path: string): { exists: boolean };
  }

  export interface LoadMicroPythonOptions {
    pystack?: number;
    heapsize?: number;
    linebuffer?: boolean;
    stdout?: (bytes: Uint8Array) => void;
    stderr?: (bytes: Uint8Array) => void;
  }

  export interface MicroPythonModule {
    _module: unknown;
    FS: EmscriptenFs;
    globals: { get(key: string): unknown; set(key: string, value: unknown): void; delete(key: string): void };
    registerJsModule(name: string, module: object): void;
    pyimport(name: string): unknown;
    runPython(code: string): unknown;
    runPythonAsync(code: string): Promise<unknown>;
    replInit(): void;
    replProcessChar(byte: number): number;
    replProcessCharWithAsyncify(byte: number): Promise<number>;
  }

  export function loadMicroPython(options?: LoadMicroPythonOptions): Promise<MicroPythonModule>;
}
