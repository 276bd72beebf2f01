// `npm run build`, after tsc: bundles the transpiler a cold `tsmp build` loads (TypeScript's
// program and checker aside, which load from V8's code cache: src/transpile/compile-cache.ts)
// into one file, dist/transpile/project/persistent-build.bundle.js. Node then resolves, reads
// and links one module instead of about 130, which on the bench project cut a cold build's CPU
// by about 4 % (12 alternating rounds against the module graph).
/* global process, URL */ // Node's globals, declared for ESLint.
import { build } from "esbuild";
import { readFile } from "node:fs/promises";
import { dirname, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
// Modules whose state the CLI shares with the bundle: each stays one module, outside it.
const shared = new Map([
  [`${dist}errors.js`, "../../errors.js"],
  [`${dist}transpile/short-run.js`, "../short-run.js"],
]);
const outfile = `${dist}transpile/project/persistent-build.bundle.js`;

await build({
  entryPoints: [`${dist}transpile/project/persistent-build.js`],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  // TypeScript stays a package of its own: typescript.ts loads it with V8's code cache.
  external: ["typescript"],
  plugins: [
    {
      // The CLI reports an error as one `tsmp: …` line by `instanceof TsmpError`: the bundle must
      // throw the CLI's own error classes, not copies of them. The code cache must know whether
      // the CLI tuned V8 (short-run.js).
      name: "shared-modules",
      setup(bundler) {
        bundler.onResolve({ filter: /\/(errors|short-run)\.js$/ }, (args) => {
          const path = shared.get(resolve(args.resolveDir, args.path));
          return path === undefined ? undefined : { path, external: true };
        });
      },
    },
    {
      // Modules find the package's files (the Python helpers, TypeScript) from their own URL:
      // in the bundle each keeps the URL of the file it came from.
      name: "own-urls",
      setup(bundler) {
        bundler.onLoad({ filter: /\.js$/ }, async (args) => {
          if (!args.path.startsWith(dist)) return undefined;
          const source = await readFile(args.path, "utf8");
          if (!source.includes("import.meta.url")) return undefined;
          const path = relative(dirname(outfile), args.path).split(sep).join("/");
          return { contents: source.replaceAll("import.meta.url", `new URL(${JSON.stringify(path)}, import.meta.url).href`), loader: "js" };
        });
      },
    },
  ],
}).catch(() => {
  process.exitCode = 1;
});
