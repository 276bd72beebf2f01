// The build server's process (see build-server.ts): `node build-server-main.js <address> <project> <stamp>`,
// started detached by `tsmp flash`. It exits on its own; on any failure to start it simply exits.
import { serveBuilds } from "./build-server.js";

const [address, project, stamp] = process.argv.slice(2);
if (address && project && stamp) {
  serveBuilds(address, project, stamp).catch(() => process.exit(0));
}
