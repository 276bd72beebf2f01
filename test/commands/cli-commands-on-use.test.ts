import { describe, expect, it } from "vitest";
import { createProgram } from "../../src/cli/main.js";

const names = (program: Awaited<ReturnType<typeof createProgram>>) => program.commands.map((command) => command.name());

// The CLI loads the module of the command a run names, and every command's for help or an
// unknown name (src/cli/main.ts): a name filed under the wrong module would be an unknown command.
describe("the CLI's commands, loaded on use", () => {
  it("registers the named command, and every command when none is named", async () => {
    const all = names(await createProgram());
    expect(all).toEqual(expect.arrayContaining(["init", "build", "run", "flash", "dev", "fs", "exec", "eval", "repl", "monitor"]));
    for (const name of all) {
      const registered = names(await createProgram(["node", "tsmp", name, "--help"]));
      expect(registered).toContain(name);
      expect(registered.length).toBeLessThan(all.length);
    }
    expect(names(await createProgram(["node", "tsmp", "--help"]))).toEqual(all);
    expect(names(await createProgram(["node", "tsmp", "buil"]))).toEqual(all);
  });
});
