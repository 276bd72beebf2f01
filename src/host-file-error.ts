import { TsmpError } from "./errors.js";

/** A file or folder on this computer could not be read or written (missing, no permission, …). */
export class HostFileError extends TsmpError {}

const reasons: Record<string, string> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "is a folder, not a file",
  ENOTDIR: "a part of the path is not a folder",
  EEXIST: "already exists and is not a folder",
  ENAMETOOLONG: "the name is too long",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the disk",
  ELOOP: "too many symbolic links",
};

/**
 * Node's error for a path the user gave (`fs get` into a missing folder, `build -o` onto a file,
 * an unreadable firmware image) in the user's words; undefined for anything else, which stays an
 * internal error. Every command's file access thus ends in one `tsmp:` line.
 */
export function describeHostFileError(error: unknown): HostFileError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, path } = error as NodeJS.ErrnoException;
  const reason = code === undefined ? undefined : reasons[code];
  if (!reason || path === undefined) return undefined;
  const shown = path.length > 80 ? `${path.slice(0, 60)}…${path.slice(-15)}` : path;
  return new HostFileError(`${shown}: ${reason}`, { cause: error });
}
