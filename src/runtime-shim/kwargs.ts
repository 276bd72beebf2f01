declare const keywordArguments: unique symbol;

/**
 * Marks the trailing parameter of a facade function as Python keyword arguments.
 * `gather(a, b, { return_exceptions: true })` is emitted as `gather(a, b, return_exceptions=True)`.
 * The transpiler recognises the parameter by this alias in its declared type, so facade
 * authors write `options?: KwArgs<{ return_exceptions?: boolean }>`.
 */
export type KwArgs<T extends object> = T & { readonly [keywordArguments]?: never };
