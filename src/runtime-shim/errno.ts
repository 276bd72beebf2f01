/**
 * `tsmp/errno` ⇔ MicroPython's `errno`: the numbers in `OSError.errno`
 * (`if ((e as OSError).errno === errno.ENOENT)`), and `errorcode`, number → name, for the ones the
 * module names. The numbers are a board's on every target (the host VM's file system reports
 * Emscripten's own, which the simulated board translates).
 * https://docs.micropython.org/en/latest/library/errno.html
 */
export const EPERM = 1;
export const ENOENT = 2;
export const EIO = 5;
export const EBADF = 9;
export const EAGAIN = 11;
export const ENOMEM = 12;
export const EACCES = 13;
export const EEXIST = 17;
export const ENODEV = 19;
export const EISDIR = 21;
export const EINVAL = 22;
export const EOPNOTSUPP = 95;
export const EADDRINUSE = 98;
export const ECONNABORTED = 103;
export const ECONNRESET = 104;
export const ENOBUFS = 105;
export const ENOTCONN = 107;
export const ETIMEDOUT = 110;
export const ECONNREFUSED = 111;
export const EHOSTUNREACH = 113;
export const EALREADY = 114;
export const EINPROGRESS = 115;

/** A dict from errno numbers to names; reading a number it lacks gives `undefined` (None). */
export type ErrorCodes = { readonly [errno: number]: string | undefined };

/** The names the module has, by number (`errno.errorcode[2]` is `"ENOENT"`). */
export const errorcode: ErrorCodes = {
  [EPERM]: "EPERM",
  [ENOENT]: "ENOENT",
  [EIO]: "EIO",
  [EBADF]: "EBADF",
  [EAGAIN]: "EAGAIN",
  [ENOMEM]: "ENOMEM",
  [EACCES]: "EACCES",
  [EEXIST]: "EEXIST",
  [ENODEV]: "ENODEV",
  [EISDIR]: "EISDIR",
  [EINVAL]: "EINVAL",
  [EOPNOTSUPP]: "EOPNOTSUPP",
  [EADDRINUSE]: "EADDRINUSE",
  [ECONNABORTED]: "ECONNABORTED",
  [ECONNRESET]: "ECONNRESET",
  [ENOBUFS]: "ENOBUFS",
  [ENOTCONN]: "ENOTCONN",
  [ETIMEDOUT]: "ETIMEDOUT",
  [ECONNREFUSED]: "ECONNREFUSED",
  [EHOSTUNREACH]: "EHOSTUNREACH",
  [EALREADY]: "EALREADY",
  [EINPROGRESS]: "EINPROGRESS",
};
