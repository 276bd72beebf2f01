// The globals a program may use besides its imports, for programs without a tsconfig.json
// (single files, test snippets): MicroPython has print(), which `console.log` becomes. Written
// so it merges with Node's and the DOM's declarations of the same names.
interface Console {
  log(...data: any[]): void;
}
declare var console: Console;

// TextEncoder and TextDecoder (UTF-8) are globals on Node and in browsers but not in the ES
// library; declared here as the DOM library declares them, so a board program can use them.
interface TextEncoder {
  readonly encoding: string;
  encode(input?: string): Uint8Array<ArrayBuffer>;
}
declare var TextEncoder: {
  prototype: TextEncoder;
  new (): TextEncoder;
};
interface TextDecoder {
  readonly encoding: string;
  decode(input?: ArrayBufferLike | ArrayBufferView, options?: TextDecodeOptions): string;
}
declare var TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};
interface TextDecodeOptions {
  stream?: boolean;
}
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}
