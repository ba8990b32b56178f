// The compiler's SyntaxWarnings (and the parser's, through compileSourceWithWarnings) are CPython 3.12's: same messages, same lines.
import { describe, expect, it } from "vitest";
import { compileSourceWithWarnings } from "../../src/compiler/compile";
import { runPyodide } from "../support/oracles";

const PROGRAMS = [
  "x = 1\nif x is 1: pass\n",
  "y = x is not 'a'\n",
  "y = x is (1, 2)\n",
  "y = -1 is x\n",
  "ok = x is None or x is ... or x is True or x is not False\n",
  "z = (1, 2)(3)\n",
  "z = [1, 2](3)\nz = {}(1)\nz = f'{x}'()\n",
  "w = [1, 2]['a']\nw = 'abc'[1.5]\nw = (1, 2)[1:2]\n",
  "v = {1}[0]\nv = 5[0]\nv = None[0]\nv = (x for x in y)[0]\nv = (lambda: 0)[0]\n",
  "assert (x, 'm')\n",
  "def f():\n    while x is 0:\n        return x is not 1\n",
  "if 1 < x is 2: pass\n",
  "s = '\\d'\n",
];

const PY = `
import json, warnings
out = []
for src in json.loads(INPUT):
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        compile(src, "<w>", "exec")
    out.append([[w.category.__name__, str(w.message), w.lineno] for w in ws])
json.dumps(out)
`;

describe("compile warnings", () => {
  it("match CPython 3.12's SyntaxWarnings", async () => {
    const theirs = JSON.parse(await runPyodide(PY, PROGRAMS)) as [string, string, number][][];
    const ours = PROGRAMS.map((src) => compileSourceWithWarnings(src, "<w>", "exec").warnings.map((w) => [w.category, w.msg, w.lineno]));
    expect(ours).toEqual(theirs);
    expect(theirs.flat().length).toBeGreaterThan(10);
  });
});
