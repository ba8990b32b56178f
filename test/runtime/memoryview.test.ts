// memoryview over bytes/bytearray: formats, cast, slicing, assignment, comparisons, hashing and errors, compared with CPython.
import { describe, expect, it } from "vitest";
import { runCPython, runPypack } from "./modules/compare";

const PROGRAM = String.raw`
m = memoryview(b'abcdefgh')
print(len(m), m[0], m[-1], m[2:5].tobytes(), m[::2].tolist(), m.format, m.itemsize, m.nbytes, m.readonly, m.shape, m.strides)
c = m.cast('I'); print(c.tolist(), c.format, c.itemsize, len(c), c.shape, c.nbytes)
print(m.cast('H', shape=[2, 2]).tolist(), m.cast('B', (2, 4)).tolist(), m.cast('c')[1])
ba = bytearray(b'\x00' * 8); v = memoryview(ba); v[0] = 65; v[1:3] = b'BC'; print(ba, v.readonly)
d = memoryview(bytearray(16)).cast('d'); d[0] = 1.5; print(d.tolist(), d[0])
q = memoryview(bytearray(8)).cast('q'); q[0] = -2; print(q.tolist(), bytes(q.cast('B')))
print(m == b'abcdefgh', m[1:3] == b'bc', hash(memoryview(b'ab')) == hash(b'ab'), m.hex(), m.hex(':'), bytes(m[::-1]), list(m[:3]))
import re
print(re.findall(r'[a-z]+', 'Hello World foo', re.I), re.sub(r'(?i)[aeiou]', '*', 'Education'))
for bad in (lambda: m.cast('x'), lambda: memoryview(b'abc').cast('I'), lambda: m.__setitem__(0, 1), lambda: m[10], lambda: memoryview('s'),
            lambda: hash(v), lambda: v.__setitem__(0, 256), lambda: v.__setitem__(slice(0, 2), b'abc')):
    try: bad()
    except Exception as e: print(type(e).__name__, e)
with memoryview(b'x') as r: pass
try: r[0]
except ValueError as e: print(e)
`;

describe("memoryview", () => {
  it("matches CPython", () => {
    const ours = runPypack(PROGRAM);
    const theirs = runCPython(PROGRAM);
    expect(ours.stderr).toBe("");
    expect(ours.stdout).toBe(theirs.stdout);
  });
});
