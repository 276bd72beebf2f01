// ESLint 9 flat config: typescript-eslint's recommended rules (syntax only, no type information,
// so `npm run lint` stays fast) on the TypeScript of src/, test/, bench/ and templates/.
// Formatting is Prettier's job (.prettierrc.json), not ESLint's.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "dist-check/**", "node_modules/**", "test/fixtures/**", "templates/*/build/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused names are also tsc's job (noUnusedLocals, noUnusedParameters); `_name` marks one kept on purpose.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // `import ts = require("typescript")` is how src/transpile/typescript.ts loads the compiler.
      "@typescript-eslint/no-require-imports": ["error", { allowAsImport: true }],
      // Serial protocols are made of control bytes (Ctrl-A … Ctrl-D, SLIP framing): regexes match them on purpose.
      "no-control-regex": "off",
    },
  },
  {
    // Ambient declarations merge with Node's and the DOM's: that takes `declare var` and their `any`.
    files: ["**/*.d.ts"],
    rules: { "no-var": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["bin/**/*.js", "*.config.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    // tsserver loads plugins with require(): the plugin's entry is CommonJS.
    files: ["tsserver-plugin/**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
