// Generates src/runtime/modules/_sre/unicode_data.ts from CPython 3.12.7 (Pyodide): the character properties _sre uses.
// Run: node test/runtime/sre/gen_unicode_tables.mjs
// Why Pyodide and not JS's \p{..}: CPython 3.12 ships Unicode 15.0 and its own definitions (isalnum = alpha|decimal|digit|numeric,
// simple one-to-one case mappings); the oracle's own tables keep us exact.
import { loadPyodide } from "pyodide";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, "../../../src/runtime/modules/_sre/unicode_data.ts");

const py = await loadPyodide();
let json;
try { json = py.runPython(`
import _sre, json, sys

def ranges(pred):
    out = []
    start = None
    for c in range(0x110000):
        if pred(c):
            if start is None:
                start = c
        elif start is not None:
            out += [start, c]
            start = None
    if start is not None:
        out += [start, 0x110000]
    return out

def simple_upper(c):
    # CPython's _PyUnicode_ToUppercase: for characters whose full mapping expands (ß -> SS) it yields the first
    # character of the expansion; str.upper() is that full mapping.
    return ord(chr(c).upper()[0])

def runs(mapping):
    # (start, count, stride, delta) runs over the characters that map to something else.
    items = sorted((c, m - c) for c, m in mapping.items() if m != c)
    out = []
    i = 0
    while i < len(items):
        c, d = items[i]
        stride = 0
        n = 1
        if i + 1 < len(items) and items[i + 1][1] == d and items[i + 1][0] - c in (1, 2):
            stride = items[i + 1][0] - c
            while i + n < len(items) and items[i + n][1] == d and items[i + n][0] == c + n * stride:
                n += 1
        out += [c, n, stride or 1, d]
        i += n
    return out

lower = {c: _sre.unicode_tolower(c) for c in range(0x110000)}
upper = {c: simple_upper(c) for c in range(0x110000)}
# Cross-check the derived upper mapping against _sre.unicode_iscased (lower != c or upper != c).
for c in range(0x110000):
    assert _sre.unicode_iscased(c) == (lower[c] != c or upper[c] != c), hex(c)
    assert (c < 0x10000) == (lower[c] < 0x10000) and (c < 0x10000) == (upper[c] < 0x10000), hex(c)

json.dumps({
    "version": sys.version.split()[0],
    "alnum": ranges(lambda c: chr(c).isalnum()),
    "decimal": ranges(lambda c: chr(c).isdecimal()),
    "space": ranges(lambda c: chr(c).isspace()),
    "linebreak": ranges(lambda c: len(("a" + chr(c) + "b").splitlines()) == 2),
    "lower": runs(lower),
    "upper": runs(upper),
})
`); } catch (e) { console.error(String(e.message).slice(-3000)); process.exit(1); }
const d = JSON.parse(json);
const fmt = (a) => {
  const lines = [];
  for (let i = 0; i < a.length; i += 16) lines.push("  " + a.slice(i, i + 16).join(", ") + ",");
  return "[\n" + lines.join("\n") + "\n]";
};
const body = `// Unicode character data for _sre, generated from CPython ${d.version} by test/runtime/sre/gen_unicode_tables.mjs (do not edit).
// Property tables are sorted [start, end) pairs; case tables are (start, count, stride, delta) runs.

export const ALNUM_RANGES: readonly number[] = ${fmt(d.alnum)};

export const DECIMAL_RANGES: readonly number[] = ${fmt(d.decimal)};

export const SPACE_RANGES: readonly number[] = ${fmt(d.space)};

export const LINEBREAK_RANGES: readonly number[] = ${fmt(d.linebreak)};

export const LOWER_RUNS: readonly number[] = ${fmt(d.lower)};

export const UPPER_RUNS: readonly number[] = ${fmt(d.upper)};
`;
writeFileSync(out, body);
console.log(`wrote ${out}: alnum ${d.alnum.length / 2} ranges, lower ${d.lower.length / 4} runs, upper ${d.upper.length / 4} runs`);
