// PYTHONHASHSEED keys str/bytes hashing exactly as CPython; a bad value is a fatal start-up error.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const CODE = "print(hash('abc'), hash(b'xy'), hash('\\u20ac\\U0001F600'))";

function run(cmd: string, args: string[], seed: string) {
  return spawnSync(cmd, args, { encoding: "utf8", env: { ...process.env, PYTHONHASHSEED: seed } });
}

describe("PYTHONHASHSEED", () => {
  for (const seed of ["0", "1", "12345", "4294967295"]) {
    it(`seed ${seed} gives CPython's str and bytes hashes`, () => {
      const ours = run(process.execPath, ["out/cli.js", "run", "-c", CODE], seed);
      expect(ours.stderr).toBe("");
      expect(ours.stdout).toBe(run("python3", ["-c", CODE], seed).stdout);
    });
  }
  it("rejects a bad seed like CPython", () => {
    const r = run(process.execPath, ["out/cli.js", "run", "-c", "1"], "x");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be "random" or an integer in range [0; 4294967295]');
  });
});
