// A Python program using unicodedata, ucd_3_2_0 (via stringprep) and Unicode str methods, run on pypack's VM vs CPython 3.12.7.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPyodide } from "../../support/oracles";

const PROGRAM = join(__dirname, "programs", "unicode_e2e.py");

describe("unicode end to end", () => {
  it("prints what CPython 3.12.7 prints", async () => {
    const ours = spawnSync(process.execPath, ["--import", "tsx", join(__dirname, "runProgram.ts"), PROGRAM], {
      encoding: "utf8",
      cwd: join(__dirname, "..", "..", ".."),
    });
    expect(ours.stderr).toBe("");
    expect(ours.status).toBe(0);
    const expected = await runPyodide(`
import io, contextlib, json
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    exec(compile(json.loads(INPUT), "unicode_e2e.py", "exec"), {"__name__": "__main__"})
buf.getvalue()
`, readFileSync(PROGRAM, "utf8"));
    expect(ours.stdout).toBe(expected);
  });
});
