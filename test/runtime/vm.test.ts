// End-to-end VM tests: small programs run through `node out/cli.js run` (built by `npm test`), compared with python3
// where 3.11 and 3.12 agree, or with CPython 3.12's known output.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CLI = join(__dirname, "..", "..", "out", "cli.js");
const dir = mkdtempSync(join(tmpdir(), "pypack-vm-"));
let counter = 0;

function runPy(cmd: string[], source: string, args: string[] = [], name = `prog${counter++}.py`): { stdout: string; stderr: string; status: number } {
  const file = join(dir, name);
  writeFileSync(file, source);
  const r = spawnSync(cmd[0], [...cmd.slice(1), file, ...args], { encoding: "utf8", cwd: dir, timeout: 60000 });
  return { stdout: r.stdout, stderr: r.stderr.split(dir + "/").join(""), status: r.status ?? -1 };
}
const pypack = (src: string, args: string[] = [], name?: string) => runPy(["node", CLI, "run"], src, args, name);
const hasPython = spawnSync("python3", ["--version"]).status === 0;
const cpython = (src: string, args: string[] = [], name?: string) => runPy(["python3"], src, args, name);

/** Runs src with both and expects identical stdout, stderr and exit status. */
function same(src: string): void {
  const name = `same${counter++}.py`;
  const a = pypack(src, [], name);
  const b = cpython(src, [], name);
  expect(a.stdout).toBe(b.stdout);
  expect(a.stderr).toBe(b.stderr);
  expect(a.status).toBe(b.status);
}

describe.runIf(existsSync(CLI))("pypack run", () => {
  it("prints hello", () => {
    const r = pypack('print("hello")\n');
    expect(r.stdout).toBe("hello\n");
    expect(r.status).toBe(0);
  });

  it("recursion depth follows sys.setrecursionlimit (50,000 deep) and overflow raises RecursionError", () => {
    const r = pypack(`import sys
sys.setrecursionlimit(100000)
def f(n):
    return 0 if n == 0 else 1 + f(n - 1)
print(f(50000))
sys.setrecursionlimit(1000)
def g(n):
    return g(n + 1)
try:
    g(0)
except RecursionError as e:
    print(type(e).__name__, e)
`);
    expect(r.stdout).toBe("50000\nRecursionError maximum recursion depth exceeded\n");
  });

  it("finalises generators: close() runs finally, return values travel in StopIteration", () => {
    const r = pypack(`def gen():
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")
it = gen()
print(next(it))
it.close()
def ret():
    yield 1
    return "done"
x = ret()
next(x)
try:
    next(x)
except StopIteration as e:
    print("stop", e.value)
def outer():
    r = yield from ret()
    print("inner returned", r)
print(list(outer()))
`);
    expect(r.stdout).toBe("1\nfinally ran\nstop done\ninner returned done\n[1]\n");
  });

  it.runIf(hasPython)("matches CPython on arithmetic, strings and containers", () => {
    same(`print(2**100, -7 // 2, -7 % 2, 7 / 2, 1e300 * 10, 0.1 + 0.2, round(2.675, 2), divmod(-9, 4))
print(hash(-1), hash(2**64), hash(1.5), hash((1, 2)), 10**20 // 3, (10**20) % 7)
s = "héllo wörld"
print(s.upper(), s.split(), s[::-1], s.find("w"), f"{3.14159:.2f}|{42:>6}|{'x':^5}|{255:#x}", "%5.1f%%" % 12.345)
print(sorted({3: 'a', 1: 'b'}.items()), list({5, 3, 1000, -1, 7}), {(1, 2), (0, 1)} == {(0, 1), (1, 2)})
print([x * x for x in range(10) if x % 2], {k: v for k, v in zip("abc", range(3))}, list(map(str, [1, 2])))
`);
  });

  it.runIf(hasPython)("matches CPython on classes, descriptors, super and metaclasses", () => {
    same(`class Meta(type):
    def __new__(m, name, bases, ns, **kw):
        ns['tag'] = kw.get('tag', 'none')
        return super().__new__(m, name, bases, ns)
class A(metaclass=Meta, tag='t'):
    __slots__ = ('x',)
    def __init__(self, x): self.x = x
    @property
    def double(self): return self.x * 2
    def __repr__(self): return f"A({self.x})"
class B(A):
    def __init__(self, x):
        super().__init__(x + 1)
    def __eq__(self, o): return isinstance(o, B) and o.x == self.x
    __hash__ = None
b = B(1)
print(b, b.double, A.tag, B.__mro__, b == B(1), B.__hash__)
try:
    hash(b)
except TypeError as e:
    print(e)
class D:
    def __get__(self, obj, t): return 'got'
    def __set__(self, obj, v): print('set', v)
class C:
    d = D()
c = C(); c.d = 5; print(c.d, vars(c))
`);
  });

  it.runIf(hasPython)("prints tracebacks like CPython (carets, chaining)", () => {
    same(`def f(x):
    return 1 / x
try:
    f(0)
except ZeroDivisionError as e:
    raise ValueError("bad") from e
`);
  });

  it.runIf(hasPython)("exits with SystemExit codes and messages", () => {
    same(`import sys
print("out")
sys.exit("message to stderr")
`);
    same("raise SystemExit(3)\n");
  });

  it("runs -c code and passes argv", () => {
    const out = execFileSync("node", [CLI, "run", "-c", "import sys; print(sys.argv)", "a", "b"], { encoding: "utf8" });
    expect(out).toBe("['-c', 'a', 'b']\n");
  });
});
