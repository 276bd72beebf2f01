// The globals a tsmp program may use besides its imports, declared for the editor where Node's
// types are not installed: MicroPython has print(), which `console.log` becomes.
interface Console {
  log(...data: unknown[]): void;
}
declare var console: Console;
