declare const keywordArguments: unique symbol;

/**
 * Marks the trailing parameter of a facade function as Python keyword arguments.
 * `gather(a, b, { return_exceptions: true })` is emitted as `gather(a, b, return_exceptions=True)`.
 * The transpiler recognises the parameter by this alias in its declared type, so facade
 * authors write `options?: KwArgs<{ return_exceptions?: boolean }>`.
 */
export type KwArgs<T extends object> = T & { readonly [keywordArguments]?: never };

declare const pythonData: unique symbol;

/**
 * Marks a facade parameter that Python reads as plain data: an object argument arrives as a dict
 * (keys in the program's insertion order), an array as a list, nested alike. `json.dumps(obj)`
 * declares its parameter so; without the mark an object literal would arrive as the instance
 * tsmp makes of it, which MicroPython's functions print as `<JsObject …>`.
 */
export type PythonData<T> = T & { readonly [pythonData]?: never };
