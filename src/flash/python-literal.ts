/**
 * Python expressions that rebuild bytes or text on the board. Everything the user controls
 * (file names, file contents) reaches the REPL only through these, so no input can end a
 * literal early and inject code. They are also the upload format, so they aim to be compact:
 * text travels almost verbatim inside a triple-quoted string.
 */

/** A bytes literal using only printable ASCII, e.g. b'it\'s \xc3\xa9'. */
export function pythonBytes(data: Uint8Array): string {
  let body = "";
  for (const byte of data) {
    if (byte === 0x5c) body += "\\\\";
    else if (byte === 0x27) body += "\\'";
    else if (byte >= 0x20 && byte < 0x7f) body += String.fromCharCode(byte);
    else if (byte === 0x0a) body += "\\n";
    else body += `\\x${byte.toString(16).padStart(2, "0")}`;
  }
  return `b'${body}'`;
}

/** A str expression for a name or path, built from its UTF-8 bytes: `b'…'.decode()`. */
export function pythonString(text: string): string {
  return `${pythonBytes(Buffer.from(text, "utf8"))}.decode()`;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The shortest expression that a MicroPython stream's write() turns into exactly `data`.
 * MicroPython's str exposes its UTF-8 bytes through the buffer protocol, so text is written
 * as a str literal with no `.encode()` copy of it in the board's RAM.
 */
export function pythonWritable(data: Uint8Array): string {
  const text = decodeUtf8(data);
  return shortest([pythonBytes(data), pythonBase64(data), ...(text === undefined ? [] : [pythonText(text)])]);
}

/** Whether an expression from pythonWritable needs `from binascii import a2b_base64`. */
export function needsBase64(expression: string): boolean {
  return expression.startsWith("a2b_base64(");
}

function pythonBase64(data: Uint8Array): string {
  return `a2b_base64(b'${Buffer.from(data).toString("base64")}')`;
}

export function shortest(expressions: string[]): string {
  return expressions.reduce((best, next) => (Buffer.byteLength(next) < Buffer.byteLength(best) ? next : best));
}

function decodeUtf8(data: Uint8Array): string | undefined {
  try {
    return utf8.decode(data);
  } catch {
    return undefined;
  }
}

/**
 * A triple-quoted str literal of `text`. The quote character the text uses less is the delimiter and
 * every occurrence of it is escaped, so no run of three can close the literal. Control
 * characters other than newline and tab are escaped: MicroPython's lexer turns a raw \r into
 * \n, and \x03/\x04 would end raw-paste mode.
 */
export function pythonText(text: string): string {
  const singles = text.split("'").length;
  const doubles = text.split('"').length;
  const quote = doubles < singles ? '"' : "'";
  let body = "";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === "\\") body += "\\\\";
    else if (char === quote) body += `\\${quote}`;
    else if (char === "\n" || char === "\t" || (code >= 0x20 && code !== 0x7f)) body += char;
    else body += `\\x${code.toString(16).padStart(2, "0")}`;
  }
  return `${quote}${quote}${quote}${body}${quote}${quote}${quote}`;
}
