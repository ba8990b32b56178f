// Runs programs that drive the _sre module directly (Pattern/Match/Scanner objects, errors) on pypack's VM and compares their
// output with CPython 3.12.7's (module_*.out, made by gen_module_cases.mjs).
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const runner = path.join(__dirname, "run_program.ts");

function runPy(file: string): { stdout: string; stderr: string } {
  const r = spawnSync(tsx, [runner, file], { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
  return { stdout: r.stdout, stderr: r.stderr };
}

/** Compares line by line so a failure shows the first differing lines, not a 20k-line blob. */
function firstDifference(got: string, want: string): string | null {
  const g = got.split("\n");
  const w = want.split("\n");
  for (let i = 0; i < Math.max(g.length, w.length); i++) {
    if (g[i] !== w[i]) return `line ${i + 1}:\n  got:  ${JSON.stringify(g[i])}\n  want: ${JSON.stringify(w[i])}`;
  }
  return null;
}

describe("_sre module on the VM vs CPython 3.12", () => {
  it("str patterns: Pattern/Match/Scanner methods, attributes, reprs, errors", () => {
    const { stdout, stderr } = runPy(path.join(__dirname, "module_str.py"));
    const want = readFileSync(path.join(__dirname, "module_str.out"), "utf8");
    expect(firstDifference(stdout, want), stderr.slice(-2000)).toBeNull();
  });

  it("replacement templates: sub/subn/expand with backreferences (stand-in re._compile_template)", () => {
    const { stdout, stderr } = runPy(path.join(__dirname, "module_template.py"));
    const want = readFileSync(path.join(__dirname, "module_template.out"), "utf8");
    expect(firstDifference(stdout, want), stderr.slice(-2000)).toBeNull();
  });

  it("through CPython's own re._parser/re._compiler on the VM (re_shim.py: compile errors, sub templates, flags, bytes)", () => {
    const { stdout, stderr } = runPy(path.join(__dirname, "re_shim.py"));
    const want = readFileSync(path.join(__dirname, "re_shim.out"), "utf8");
    expect(firstDifference(stdout, want), stderr.slice(-2000)).toBeNull();
  });

  it("bytes patterns", () => {
    const { stdout, stderr } = runPy(path.join(__dirname, "module_bytes.py"));
    const want = readFileSync(path.join(__dirname, "module_bytes.out"), "utf8");
    expect(firstDifference(stdout, want), stderr.slice(-2000)).toBeNull();
  });
});
