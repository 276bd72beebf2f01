// The globals a program may use besides its imports, for programs without a tsconfig.json
// (single files, test snippets): MicroPython has print(), which `console.log` becomes. Written
// so it merges with Node's and the DOM's declarations of the same names.
interface Console {
  log(...data: any[]): void;
}
declare var console: Console;
