/**
 * MicroPython's errno numbers (those of its ESP32 and unix ports, which agree) for the errors
 * Node's sockets report by name, so an OSError on a simulated board carries the number a board's
 * would.
 */
export const errnoByCode: Readonly<Record<string, number>> = {
  EPERM: 1,
  ENOENT: 2,
  EIO: 5,
  EBADF: 9,
  EAGAIN: 11,
  ENOMEM: 12,
  EACCES: 13,
  EEXIST: 17,
  EINVAL: 22,
  EPIPE: 32,
  EOPNOTSUPP: 95,
  EADDRINUSE: 98,
  EADDRNOTAVAIL: 99,
  ECONNABORTED: 103,
  ECONNRESET: 104,
  ENOTCONN: 107,
  ETIMEDOUT: 110,
  ECONNREFUSED: 111,
  EHOSTUNREACH: 113,
  EALREADY: 114,
  EINPROGRESS: 115,
};

/** The errno of a Node error (EIO when Node gives a code MicroPython has no number for). */
export function errnoOf(error: Error): { errno: number; code: string } {
  const code = (error as NodeJS.ErrnoException).code ?? "EIO";
  // getaddrinfo failures: MicroPython's ESP32 port raises OSError(-202) for an unknown host.
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return { errno: -202, code };
  return code in errnoByCode ? { errno: errnoByCode[code]!, code } : { errno: 5, code: "EIO" };
}
