// The build server's process (see build-server.ts): `node build-server-main.js <address> <project folder> <stamp>`,
// started detached by `tsmp flash`. It exits on its own; on any failure to start it simply exits.
import { serveBuilds } from "./build-server.js";

const [address, folder, stamp] = process.argv.slice(2);
if (address && folder && stamp) {
  serveBuilds(address, folder, stamp).catch(() => process.exit(0));
}
