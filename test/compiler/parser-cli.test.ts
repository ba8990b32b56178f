// `pypack ast`: its output equals `ast.dump(ast.parse(src), include_attributes=True, indent=1)` and invalid input
// prints the error exactly as `python3 FILE` does (exit 1). Runs the built CLI (out/cli.js, made by `npm test`).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CLI = "out/cli.js";

function pypack(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
}

function python3(...args: string[]) {
  return spawnSync("python3", args, { encoding: "utf8" });
}

const dir = mkdtempSync(join(tmpdir(), "pypack-ast-"));

// Constructs whose dump is the same in 3.11 and 3.12 (no defs/classes: 3.12 adds type_params; no f-strings).
const VALID = "import os\nx = [a + 1 for a in range(3) if a]\nif x:\n    print('é', x[1:2], *x, sep='')\nelse:\n    del x\n";

const INVALID: Record<string, string | Buffer> = {
  nonutf8: Buffer.from("x = 1\n# \xff\n", "latin1"),
  unknownencoding: "# coding: foo\nx = 1\n",
  bomlatin1: Buffer.from("\xef\xbb\xbf# coding: latin-1\nx = 1\n", "latin1"),
  unclosed: "x = (1,\n",
  comma: "print(1 2)\n",
  indent: "if x:\npass\n",
  unindent: "if x:\n    a\n  b\n",
  string: "x = 'abc\n",
  assign: "f() = 1\n",
  nonascii: "é = (1 2)\n",
  tab: "if x:\n\ta\n        b\n",
  triple: "x = '''abc\n\nfoo\n",
  multiline: "x = (1 +\n  2 3)\n",
  keyword: "f(True=1)\n",
};

describe("pypack ast", () => {
  it("prints ast.dump(tree, include_attributes=True, indent=1)", () => {
    const file = join(dir, "ok.py");
    writeFileSync(file, VALID);
    const ours = pypack("ast", file);
    const ref = python3("-c", "import ast,sys; print(ast.dump(ast.parse(open(sys.argv[1]).read()), include_attributes=True, indent=1))", file);
    expect(ours.stderr).toBe("");
    expect(ours.status).toBe(0);
    expect(ours.stdout).toBe(ref.stdout);
  });

  it("accepts -c CODE", () => {
    const ours = pypack("ast", "-c", "x = 1");
    expect(ours.status).toBe(0);
    expect(ours.stdout).toContain("Assign(");
  });

  for (const [name, src] of Object.entries(INVALID)) {
    it(`prints the SyntaxError like python3 and exits 1: ${name}`, () => {
      const file = join(dir, `${name}.py`);
      writeFileSync(file, src);
      const ours = pypack("ast", file);
      const ref = python3(file);
      expect(ours.status).toBe(1);
      expect(ours.stdout).toBe("");
      expect(ours.stderr).toBe(ref.stderr);
    });
  }
});
