// format(x, spec) for float/int/complex/str against CPython on random spec combinations, including every error path.
import { describe, expect, it } from "vitest";
import { formatComplex, formatFloat, formatInt, formatStr, NumericError } from "../../../src/runtime/numeric";
import { fromBits, pyJson, PY_DOUBLE_HELPERS } from "./oracle";

type Outcome = { ok: string } | { err: string; msg: string };

function outcome(f: () => string): Outcome {
  try {
    return { ok: f() };
  } catch (e) {
    if (e instanceof NumericError) return { err: e.pyType, msg: e.message };
    throw e;
  }
}

const SPEC_GEN = `
def rand_spec(rng, types):
    s = ''
    r = rng.random()
    if r < 0.15: s += rng.choice('*0x ') + rng.choice('<>=^')
    elif r < 0.3: s += rng.choice('<>=^')
    if rng.random() < 0.3: s += rng.choice('+- ')
    if rng.random() < 0.1: s += 'z'
    if rng.random() < 0.15: s += '#'
    if rng.random() < 0.2: s += '0'
    if rng.random() < 0.5: s += str(rng.randrange(0, 30))
    if rng.random() < 0.15: s += rng.choice([',', '_', ',_', '_,'])
    if rng.random() < 0.5: s += '.' + str(rng.randrange(0, 25))
    elif rng.random() < 0.02: s += '.'
    if rng.random() < 0.9: s += rng.choice(types)
    return s
def run(f):
    try: return {'ok': f()}
    except (ValueError, OverflowError, TypeError) as e: return {'err': type(e).__name__, 'msg': str(e)}
`;

describe("formatFloat", () => {
  const cases = pyJson<[string, string, Outcome][]>(`${PY_DOUBLE_HELPERS}${SPEC_GEN}
rng = random.Random(7)
out = []
for _ in range(12000):
    x = rand_double(rng) if rng.random() < 0.95 else rng.choice([float('inf'), -float('inf'), float('nan'), -0.0])
    spec = rand_spec(rng, 'eEfFgGn%' + 'eEfFgG%' * 3 + 'sdxc') if rng.random() < 0.9 else rng.choice(['', '.3', '.0', '10', '<10.2', 'z.1f', '.1z', 'ff', ',.2f', '_g', ',n', ',d', '.100f', '.60e', '.40g', '#.0f', '#g', '#.3g', '#', '.500f', '=', '0=10', '\\u4e2d^12.3f', '\\U0001F600>9'])
    out.append([str(bits(x)), spec, run(lambda: format(x, spec))])
for x, spec in [(2.5, '.0f'), (0.125, '.2f'), (1e16, ''), (1.0, ''), (1.0, '.3'), (123.0, '.3'), (1e22, '.0f'), (1e300, ',.1f'), (5e-324, '.1000f'), (0.5, '.0e'), (25.0, '.0e'), (-0.0, 'z.2f'), (-0.001, 'z.2f'), (2**53 + 0.0, '.3g'), (1234567.0, '010,.1f'), (1234567.0, '_'), (-1234.5, '=+15_.2f')]:
    out.append([str(bits(x)), spec, run(lambda: format(x, spec))])
print(json.dumps(out))
`);
  it(`matches CPython on ${cases.length} (value, spec) pairs`, () => {
    const bad: string[] = [];
    for (const [b, spec, want] of cases) {
      const x = fromBits(b);
      const got = outcome(() => formatFloat(x, spec));
      if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`format(${x}, ${JSON.stringify(spec)}): want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
    }
    expect(bad.slice(0, 15)).toEqual([]);
  });
});

describe("formatInt", () => {
  const cases = pyJson<[string, string, Outcome][]>(`${SPEC_GEN}
import random, json
rng = random.Random(8)
out = []
for _ in range(10000):
    n = rng.choice([rng.randrange(-1000, 1000), rng.randrange(-2**64, 2**64), rng.randrange(-2**200, 2**200), 0, 1, -1, 65, 0x10ffff, 0x110000])
    spec = rand_spec(rng, 'bcdoxXn' * 3 + 'eEfFgG%s') if rng.random() < 0.92 else rng.choice(['', 'c', '+c', '#c', '.2', 'z', '_x', '_b', ',x', '#_x', '#X', '#010_b', '08,', ',', '0', '=10', '\\u00e9^10,', 'q'])
    out.append([str(n), spec, run(lambda: format(n, spec))])
print(json.dumps(out))
`);
  it(`matches CPython on ${cases.length} (value, spec) pairs`, () => {
    const bad: string[] = [];
    for (const [s, spec, want] of cases) {
      const v = BigInt(s);
      const n = v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
      const got = outcome(() => formatInt(n, spec));
      if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`format(${s}, ${JSON.stringify(spec)}): want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
    }
    expect(bad.slice(0, 15)).toEqual([]);
  });
  it("converts huge ints for float types with OverflowError", () => {
    expect(outcome(() => formatInt(10n ** 400n, "f"))).toEqual({ err: "OverflowError", msg: "int too large to convert to float" });
    expect(outcome(() => formatInt(true ? 1 : 0, "q", "bool"))).toEqual({ err: "ValueError", msg: "Unknown format code 'q' for object of type 'bool'" });
  });
});

describe("formatComplex and formatStr", () => {
  const cases = pyJson<{ c: [string, string, string, Outcome][]; s: [string, string, Outcome][] }>(`${PY_DOUBLE_HELPERS}${SPEC_GEN}
rng = random.Random(9)
c = []
for _ in range(3000):
    a = rand_double(rng) if rng.random() < 0.8 else rng.choice([0.0, -0.0, float('inf'), float('nan')])
    b = rand_double(rng) if rng.random() < 0.8 else rng.choice([0.0, -0.0, float('-inf'), float('nan')])
    spec = rand_spec(rng, 'eEfFgGn%d') if rng.random() < 0.8 else rng.choice(['', '10', '<30', '^40', '.3', '+', 'z.1f', '=20', '020'])
    c.append([str(bits(a)), str(bits(b)), spec, run(lambda: format(complex(a, b), spec))])
s = []
for _ in range(2000):
    t = rng.choice(['', 'abc', 'hello world', '\\u00e9t\\u00e9', '\\u4e2d\\u6587', 'a\\U0001F600b'])
    spec = rand_spec(rng, 'sd') if rng.random() < 0.9 else rng.choice(['', '+', ' ', 'z', '#', '=5', '05', '.2', '\\U0001F600^9.1', ','])
    s.append([t, spec, run(lambda: format(t, spec))])
print(json.dumps({'c': c, 's': s}))
`);
  it(`complex: ${cases.c.length} cases`, () => {
    const bad: string[] = [];
    for (const [a, b, spec, want] of cases.c) {
      const got = outcome(() => formatComplex(fromBits(a), fromBits(b), spec));
      if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`${spec}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
    }
    expect(bad.slice(0, 15)).toEqual([]);
  });
  it(`str: ${cases.s.length} cases`, () => {
    const bad: string[] = [];
    for (const [t, spec, want] of cases.s) {
      const got = outcome(() => formatStr(t, spec));
      if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`${JSON.stringify(t)} ${spec}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
    }
    expect(bad.slice(0, 15)).toEqual([]);
  });
});
