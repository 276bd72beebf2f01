import { TsmpError } from "../errors.js";

/** The serial device could not be opened (missing, busy, no permission, not a serial port). */
export class PortUnavailable extends TsmpError {}

/** Another holder has the port locked (or, for a moment after our own close, we still do). */
export class PortBusy extends PortUnavailable {}

/** Says in a user's words why `serialport` could not open `path`: one description for every opener. */
export function describeOpenError(path: string, error: Error): PortUnavailable {
  const message = error.message;
  if (/No such file or directory|ENOENT/i.test(message)) {
    return new PortUnavailable(`serial port ${path} does not exist (is the board plugged in? \`tsmp ports\` lists ports)`, {
      cause: error,
    });
  }
  if (/Cannot lock port|Resource temporarily unavailable|EBUSY|busy|access denied/i.test(message)) {
    return new PortBusy(`serial port ${path} is busy: another program (a serial monitor, mpremote, an IDE) has it open`, {
      cause: error,
    });
  }
  if (/Permission denied|EACCES/i.test(message)) {
    return new PortUnavailable(
      `no permission to open ${path}; on Linux add yourself to the group that owns it (often \`sudo usermod -aG dialout $USER\`, then log in again)`,
      { cause: error },
    );
  }
  if (/Inappropriate ioctl|ENOTTY/i.test(message)) {
    return new PortUnavailable(`${path} is not a serial port`, { cause: error });
  }
  return new PortUnavailable(`cannot open serial port ${path}: ${message}`, { cause: error });
}
