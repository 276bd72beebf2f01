/**
 * The one table from facade module specifiers to MicroPython modules
 * (`import * as asyncio from "tsmp/asyncio"` ⇒ `import asyncio`).
 */
export const facadeModules: Readonly<Record<string, string>> = {
  "tsmp/asyncio": "asyncio",
  "tsmp/machine": "machine",
  "tsmp/pyb": "pyb",
  "tsmp/time": "time",
  "tsmp/micropython": "micropython",
  "tsmp/struct": "struct",
  "tsmp/binascii": "binascii",
  "tsmp/hashlib": "hashlib",
  "tsmp/gc": "gc",
  "tsmp/errno": "errno",
  "tsmp/network": "network",
  "tsmp/neopixel": "neopixel",
  "tsmp/framebuf": "framebuf",
  "tsmp/os": "os",
  "tsmp/io": "io",
  "tsmp/json": "json",
  "tsmp/sys": "sys",
  "tsmp/random": "random",
  "tsmp/esp32": "esp32",
  "tsmp/socket": "socket",
  "tsmp/select": "select",
};

/** Facade modules with no board counterpart: types only, or Node-only test helpers. */
export const typeOnlyFacadeModules = new Set(["tsmp/kwargs"]);
export const nodeOnlyFacadeModules = new Set(["tsmp/testing"]);
