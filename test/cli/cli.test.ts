// The CLI's own contract: --help, --version and usage errors (exit 2).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const CLI = "out/cli.js";

function pypack(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
}

describe("pypack CLI", () => {
  it("prints its version", () => {
    const r = pypack("--version");
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
  it("lists its subcommands in --help", () => {
    const r = pypack("--help");
    expect(r.status).toBe(0);
    for (const cmd of ["run", "compile", "dis", "ast", "inspect"]) expect(r.stdout).toContain(cmd);
  });
  it("rejects an unknown option with exit 2", () => {
    const r = pypack("--no-such-option");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown option");
  });
});
