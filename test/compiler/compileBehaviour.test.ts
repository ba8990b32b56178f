// Behaviour of compiled code: small programs exercising the compiler's constructs run on the pypack VM (`pypack run`)
// and print exactly what python3 prints (finally on return/break/continue, handler name clearing, closures, class cells and
// super(), generators send/throw/close and PEP 479, unpacking, f-strings, with-statement suppression, except*).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CLI = join(__dirname, "../../out/cli.js");

const PROGRAMS: Record<string, string> = {
  "finally": "def f(n):\n    out = []\n    for i in range(n):\n        try:\n            if i == 1:\n                continue\n            if i == 4:\n                break\n            out.append(i)\n        finally:\n            out.append(-i)\n    else:\n        out.append(\"else\")\n    return out\nprint(f(3), f(6))\ndef g():\n    try:\n        return \"try\"\n    finally:\n        print(\"finally runs\")\nprint(g())\ndef h():\n    try:\n        try:\n            raise KeyError(\"k\")\n        finally:\n            print(\"inner finally\")\n    except KeyError as e:\n        print(\"caught\", repr(e))\n    try:\n        e\n    except NameError:\n        print(\"e was cleared\")\nh()\ndef nested():\n    for i in range(3):\n        try:\n            try:\n                if i == 1:\n                    return i\n            finally:\n                print(\"a\", i)\n        finally:\n            print(\"b\", i)\nprint(nested())\n",
  "closures": "def make():\n    count = 0\n    def inc(by=1):\n        nonlocal count\n        count += by\n        return count\n    def get():\n        return count\n    return inc, get\ninc, get = make()\ninc(); inc(5)\nprint(get())\nx = \"global\"\ndef outer():\n    x = \"outer\"\n    def mid():\n        def inner():\n            return x\n        return inner()\n    return mid()\nprint(outer())\ndef gl():\n    global x\n    x = \"changed\"\ngl(); print(x)\nclass K:\n    y = 10\n    ys = [y for _ in range(2)] if False else None\n    def m(self):\n        return __class__.__name__\nprint(K().m())\nfs = [lambda: i for i in range(3)]\nprint([f() for f in fs])\ni = 99\nprint([i for i in range(3)], i)\n",
  "classes": "class Base:\n    def __init__(self, v):\n        self.v = v\n    def who(self):\n        return \"Base\"\nclass Child(Base):\n    def __init__(self, v):\n        super().__init__(v * 2)\n    def who(self):\n        return \"Child>\" + super().who()\nc = Child(3)\nprint(c.v, c.who(), Child.__qualname__, Child.who.__qualname__)\ndef deco(tag):\n    def wrap(fn):\n        def inner(*a, **k):\n            return tag + \":\" + str(fn(*a, **k))\n        return inner\n    return wrap\n@deco(\"x\")\n@deco(\"y\")\ndef add(a, b=10, *rest, scale=1, **kw):\n    return (a + b + sum(rest)) * scale + len(kw)\nprint(add(1), add(1, 2, 3, scale=2, z=0))\nclass Meta(type):\n    def __new__(m, name, bases, ns, **kw):\n        ns[\"tag\"] = kw.get(\"tag\")\n        return super().__new__(m, name, bases, ns)\nclass T(metaclass=Meta, tag=\"hello\"):\n    \"\"\"doc\"\"\"\n    a: int = 3\nprint(T.tag, T.__doc__, T.__annotations__, T.__module__)\n",
  "gens": "def gen():\n    got = yield 1\n    print(\"got\", got)\n    try:\n        yield 2\n    except ValueError as e:\n        print(\"thrown\", e)\n        yield 3\n    finally:\n        print(\"gen finally\")\ng = gen()\nprint(next(g))\nprint(g.send(\"hi\"))\nprint(g.throw(ValueError(\"boom\")))\ng.close()\ndef deleg():\n    r = yield from sub()\n    print(\"sub returned\", r)\ndef sub():\n    yield \"a\"\n    yield \"b\"\n    return \"done\"\nprint(list(deleg()))\nprint(sum(x * x for x in range(10) if x % 2))\ndef stop():\n    raise StopIteration\n    yield\ntry:\n    next(stop())\nexcept RuntimeError as e:\n    print(\"RuntimeError:\", e)\n",
  "exprs": "a, *b, c = range(6)\nprint(a, b, c)\n(x, y), z = (1, 2), 3\nprint(x, y, z)\nd = {\"k\": [1, 2, 3]}\nd[\"k\"][1:2] = [7, 8]\nd[\"k\"][0] += 10\nprint(d)\nclass O: pass\no = O(); o.n = 1; o.n *= 5; print(o.n)\nprint(1 < 2 < 3, 3 > 2 > 4, 0 or \"x\", 1 and 0, not None)\nv = 5\nprint(f\"{v!r:>4}|{v:03d}|{'q'!a}|{v * 2 = }\")\nprint({**{\"a\": 1}, \"b\": 2}, [*range(3), *\"ab\"], {*[1, 1, 2]})\nprint(*[1, 2], sep=\"-\")\nif (n := len(\"four\")) > 3:\n    print(\"walrus\", n)\nprint([y := 1, y + 1])\ndel d[\"k\"]\nprint(d, -(-3), ~5, +2, 7 // 2, -7 // 2, 7 % -3, 2 ** -1, \"ab\" * 3)\nprint(x if x > 5 else \"small\", (lambda *a, k=2: (a, k))(1, k=3))\nassert True, \"never\"\ntry:\n    assert False, \"msg\"\nexcept AssertionError as e:\n    print(\"AssertionError\", e)\n",
  "withs": "class CM:\n    def __init__(self, name, suppress=False):\n        self.name, self.suppress = name, suppress\n    def __enter__(self):\n        print(\"enter\", self.name)\n        return self.name\n    def __exit__(self, t, v, tb):\n        print(\"exit\", self.name, t.__name__ if t else None)\n        return self.suppress\nwith CM(\"a\") as a, CM(\"b\") as b:\n    print(\"body\", a, b)\nwith CM(\"s\", suppress=True):\n    raise KeyError\ndef f():\n    with CM(\"r\"):\n        return \"returned\"\nprint(f())\nfor i in range(2):\n    with CM(f\"loop{i}\"):\n        if i == 0:\n            continue\n        break\ntry:\n    with CM(\"x\"):\n        1 / 0\nexcept ZeroDivisionError:\n    print(\"propagated\")\n",
  "estar": "try:\n    raise ExceptionGroup(\"eg\", [ValueError(1), TypeError(2)])\nexcept* ValueError as e:\n    print(\"V\", repr(e.exceptions))\nexcept* TypeError as e:\n    print(\"T\", repr(e.exceptions))\n",
};

describe.skipIf(!existsSync(CLI))("compiled programs behave like CPython", () => {
  const dir = mkdtempSync(join(tmpdir(), "pypack-behaviour-"));
  for (const [name, src] of Object.entries(PROGRAMS)) {
    it(name, () => {
      const file = join(dir, `${name}.py`);
      writeFileSync(file, src);
      const expected = spawnSync("python3", [`${name}.py`], { cwd: dir, encoding: "utf8" });
      const ours = spawnSync(process.execPath, [CLI, "run", `${name}.py`], { cwd: dir, encoding: "utf8", timeout: 60_000 });
      expect(ours.stdout + ours.stderr).toBe(expected.stdout + expected.stderr);
      expect(ours.status).toBe(expected.status);
    });
  }
});
