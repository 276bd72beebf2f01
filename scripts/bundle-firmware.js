// `npm run build`, after tsc: bundles the firmware commands (esptool-js, serialport and tsmp's
// flashing code, about 150 modules) into one file, dist/commands/firmware.bundle.js, which
// `tsmp firmware` loads instead of the module graph. Node then resolves, reads and links one
// module instead of 150: 50 ms of CPU instead of 130 before the first byte reaches the chip, and
// on a busy machine 0.3 s less wall time (bench/RESULTS.md, the firmware race).
/* global process, URL */ // Node's globals, declared for ESLint.
import { build } from "esbuild";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const errors = `${dist}errors.js`;

await build({
  entryPoints: [`${dist}commands/firmware.js`],
  outfile: `${dist}commands/firmware.bundle.js`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  // serialport's CommonJS modules call require(); an ES module has none of its own.
  banner: { js: 'import { createRequire as tsmpCreateRequire } from "node:module"; const require = tsmpCreateRequire(import.meta.url);' },
  // The native serial binding finds its compiled addon beside its own files, so it stays in
  // node_modules.
  external: ["@serialport/bindings-cpp"],
  plugins: [
    {
      // The CLI reports an error as one `tsmp: …` line by `instanceof TsmpError`: the bundle must
      // throw the CLI's own error classes, not copies of them.
      name: "shared-errors",
      setup(bundler) {
        bundler.onResolve({ filter: /\/errors\.js$/ }, (args) =>
          resolve(args.resolveDir, args.path) === errors ? { path: "../errors.js", external: true } : undefined,
        );
      },
    },
  ],
}).catch(() => {
  process.exitCode = 1;
});
