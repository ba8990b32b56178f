// _string (formatter_parser, formatter_field_name_split) and string.Formatter on top of it, compared with CPython.
import { describe, expect, it } from "vitest";
import { runCPython, runPypack } from "./compare";

const PROGRAM = String.raw`
import _string, string
for fmt in ["a{{b", "x{0}y{1!r:>{w}}z", "{a.b[0]}", "}}{{", "{:{}}", "{[:]}", "plain", "", "{!s}", "{0[x:y]!a:^5}", "{0!r}", "{a:{b:{c}}}"]:
    print(repr(fmt), list(_string.formatter_parser(fmt)))
for bad in ["{", "}", "{0!}", "{0!rx}", "{0", "a}b", "{a{b}", "{0:{", "{0!"]:
    try: print(list(_string.formatter_parser(bad)))
    except ValueError as e: print(repr(bad), e)
for name in ["0", "a.b.c", "x[0][k]", "12[3].y", "a", ""]:
    first, rest = _string.formatter_field_name_split(name); print(repr(first), list(rest))
for bad in ["a.", "a[", "a[]", "a[0]x"]:
    try: first, rest = _string.formatter_field_name_split(bad); print(list(rest))
    except ValueError as e: print(repr(bad), e)
print(string.Formatter().format("{0}-{x:>4}-{y[1]}", 1, x='ab', y=[5, 6]), string.Template('$a!').substitute(a=3))
`;

describe("_string", () => {
  it("matches CPython", () => {
    const ours = runPypack(PROGRAM);
    const theirs = runCPython(PROGRAM);
    expect(ours.stderr).toBe("");
    expect(ours.stdout).toBe(theirs.stdout);
  });
});
