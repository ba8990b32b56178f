// math-module algorithms against CPython: fsum, factorial/comb/perm, gamma/lgamma, logs of huge ints, hypot/dist,
// nextafter/ulp, fmod/remainder/modf/frexp/ldexp, floor/ceil, isclose, pow, exp2, sumprod (vs exact rationals).
import { describe, expect, it } from "vitest";
import * as N from "../../../src/runtime/numeric";
import { fromBits, pyJson, PY_DOUBLE_HELPERS } from "./oracle";

type Outcome = { ok: string } | { err: string; msg: string };

function bitsOf(x: number): string {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  return dv.getBigInt64(0).toString();
}

function render(v: unknown): string {
  if (typeof v === "number") return v !== v ? "nan" : "f" + bitsOf(v);
  if (typeof v === "bigint") return String(v);
  if (typeof v === "boolean") return v ? "True" : "False";
  if (Array.isArray(v)) return "(" + v.map(render).join(",") + ")";
  return String(v);
}

/** Ints from the integer functions are rendered as ints, not floats. */
function renderInt(v: N.PyInt): string {
  return String(v);
}

function outcome(f: () => string): Outcome {
  try {
    return { ok: f() };
  } catch (e) {
    if (e instanceof N.NumericError) return { err: e.pyType, msg: e.message };
    throw e;
  }
}

function ulpDistance(a: string, b: string): number {
  if (!a.startsWith("f") || !b.startsWith("f")) return a === b ? 0 : Infinity;
  return Math.abs(Number(BigInt(a.slice(1)) - BigInt(b.slice(1))));
}

describe("math functions", () => {
  const data = pyJson<[string, string[], Outcome][]>(`${PY_DOUBLE_HELPERS}
from fractions import Fraction
sys.set_int_max_str_digits(0)
rng = random.Random(31)
def render(v):
    if isinstance(v, bool): return str(v)
    if isinstance(v, float): return 'nan' if v != v else 'f' + str(bits(v))
    if isinstance(v, int): return str(v)
    if isinstance(v, tuple): return '(' + ','.join(render(x) for x in v) + ')'
    return str(v)
def run(f):
    try: return {'ok': render(f())}
    except (ValueError, OverflowError, ZeroDivisionError) as e: return {'err': type(e).__name__, 'msg': str(e)}
def rd():
    r = rng.random()
    if r < 0.1: return rng.choice([0.0, -0.0, float('inf'), -float('inf'), float('nan'), 1.0, -1.0, 2.0, 0.5, 1e308, 5e-324, -3.0])
    if r < 0.5: return rng.uniform(-300, 300)
    return rand_double(rng)
F = lambda x: str(bits(x))
out = []
def add(op, args, f): out.append([op, args, run(f)])
for _ in range(400):
    xs = [rd() if rng.random() < 0.3 else rng.uniform(-1, 1) * 10.0 ** rng.randrange(-20, 20) for _ in range(rng.randrange(0, 20))]
    if rng.random() < 0.2: xs += [1e308, 1e308]
    if rng.random() < 0.3: xs = [x for x in xs if math.isfinite(x)]
    add('fsum', [F(x) for x in xs], lambda: math.fsum(xs))
for xs in [[1e-16, 1, 1e16], [0.1] * 10, [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50], [float('inf'), float('-inf')], [float('inf'), 1.0, float('inf')], [float('nan'), 1.0]]:
    add('fsum', [F(x) for x in xs], lambda: math.fsum(xs))
for n in list(range(-2, 40)) + [100, 171, 500, 1000]:
    add('factorial', [str(n)], lambda: math.factorial(n))
for _ in range(400):
    n = rng.randrange(-3, 200); k = rng.randrange(-3, 210)
    add('comb', [str(n), str(k)], lambda: math.comb(n, k))
    add('perm', [str(n), str(k)], lambda: math.perm(n, k))
for _ in range(3000):
    x = rd() if rng.random() < 0.3 else rng.uniform(-180, 180)
    if rng.random() < 0.2: x = float(rng.randrange(-10, 30)) + rng.choice([0, 0.5])
    add('gamma', [F(x)], lambda: math.gamma(x))
    add('lgamma', [F(x)], lambda: math.lgamma(x))
for _ in range(300):
    n = rng.choice([rng.randrange(-5, 10**6), 2**rng.randrange(0, 20000), rng.randrange(1, 10**rng.randrange(1, 3000))])
    for fn in ['log', 'log2', 'log10']:
        add(fn + 'i', [str(n)], lambda: getattr(math, fn)(n))
for _ in range(1500):
    x = rd()
    for fn in ['sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'cbrt', 'erf', 'erfc', 'log', 'log2', 'log10', 'ulp', 'modf', 'frexp', 'floor', 'ceil', 'trunc', 'exp2', 'sqrt', 'exp', 'log1p', 'expm1']:
        add(fn, [F(x)], lambda: getattr(math, fn)(x))
for _ in range(3000):
    x, y = rd(), rd()
    if rng.random() < 0.3: y = float(rng.randrange(-10, 10))
    for fn in ['fmod', 'remainder', 'pow', 'copysign', 'nextafter', 'atan2']:
        add(fn, [F(x), F(y)], lambda: getattr(math, fn)(x, y))
    add('isclose', [F(x), F(y)], lambda: math.isclose(x, y))
    i = rng.randrange(-1200, 1200) if rng.random() < 0.9 else rng.choice([2**40, -2**40, 2**31, -2**31 - 1])
    add('ldexp', [F(x), str(i)], lambda: math.ldexp(x, i))
for _ in range(1500):
    xs = [rd() if rng.random() < 0.2 else rng.uniform(-1e3, 1e3) * 10.0 ** rng.randrange(-150, 150) for _ in range(rng.randrange(0, 6))]
    add('hypot', [F(x) for x in xs], lambda: math.hypot(*xs))
for _ in range(500):
    n = rng.randrange(0, 8)
    p = [rng.uniform(-1e3, 1e3) for _ in range(n)]; q = [rng.uniform(-1e3, 1e3) for _ in range(n)]
    out.append(['sumprod', [F(x) for x in p] + ['|'] + [F(x) for x in q], {'ok': render(float(sum(Fraction(a) * Fraction(b) for a, b in zip(p, q))))}])
print(json.dumps(out))
`);
  // Functions built on libm calls (exp/log/pow/sin...) can differ from glibc by an ulp; the rest must be exact.
  const LIBM_BASED = new Set(["sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "erf", "erfc", "gamma", "lgamma", "log", "log2", "log10", "logi", "log2i", "log10i", "exp", "expm1", "log1p", "pow", "exp2"]);
  it(`matches CPython on ${data.length} calls`, () => {
    const bad: string[] = [];
    let approx = 0;
    const approxByOp = new Map<string, number>();
    for (const [op, args, want] of data) {
      const f = (i: number): number => fromBits(args[i]);
      const got = outcome((): string => {
        switch (op) {
          case "fsum": return render(N.fsum(args.map((_, i) => f(i))));
          case "factorial": return renderInt(N.factorial(N.normInt(BigInt(args[0]))));
          case "comb": return renderInt(N.comb(N.normInt(BigInt(args[0])), N.normInt(BigInt(args[1]))));
          case "perm": return renderInt(N.perm(N.normInt(BigInt(args[0])), N.normInt(BigInt(args[1]))));
          case "gamma": return render(N.gamma(f(0)));
          case "lgamma": return render(N.lgamma(f(0)));
          case "logi": case "log2i": case "log10i":
            return render(N.mathLog(op.slice(0, -1) as N.LogKind, N.normInt(BigInt(args[0])), true));
          case "log": case "log2": case "log10": return render(N.mathLog(op, f(0), false));
          case "ulp": return render(N.ulp(f(0)));
          case "erf": return render(N.erf(f(0)));
          case "cbrt": return render(N.cbrt(f(0)));
          case "sin": case "cos": case "tan": case "asin": case "acos": case "atan": {
            const fn = { sin: N.sin, cos: N.cos, tan: N.tan, asin: N.asin, acos: N.acos, atan: N.atan }[op];
            return render(fn(f(0)));
          }
          case "atan2": return render(N.atan2(f(0), f(1)));
          case "sinh": return render(N.sinh(f(0)));
          case "cosh": return render(N.cosh(f(0)));
          case "tanh": return render(N.tanh(f(0)));
          case "asinh": return render(N.asinh(f(0)));
          case "acosh": return render(N.acosh(f(0)));
          case "atanh": return render(N.atanh(f(0)));
          case "erfc": return render(N.erfc(f(0)));
          case "modf": return render(N.modf(f(0)));
          case "frexp": { const [m, e] = N.frexp(f(0)); return `(${render(m)},${e})`; }
          case "floor": return renderInt(N.floorToInt(f(0)));
          case "ceil": return renderInt(N.ceilToInt(f(0)));
          case "trunc": return renderInt(N.truncToInt(f(0)));
          case "exp2": return render(N.exp2(f(0)));
          case "sqrt": return render(N.sqrt(f(0)));
          case "exp": return render(N.exp(f(0)));
          case "log1p": return render(N.log1p(f(0)));
          case "expm1": return render(N.expm1(f(0)));
          case "fmod": return render(N.fmod(f(0), f(1)));
          case "remainder": return render(N.remainder(f(0), f(1)));
          case "pow": return render(N.mathPow(f(0), f(1)));
          case "copysign": return render(N.copysign(f(0), f(1)));
          case "nextafter": return render(N.nextafter(f(0), f(1)));
          case "isclose": return render(N.isclose(f(0), f(1)));
          case "ldexp": return render(N.ldexp(f(0), N.normInt(BigInt(args[1]))));
          case "hypot": return render(N.hypot(args.map((_, i) => f(i))));
          case "sumprod": {
            const bar = args.indexOf("|");
            return render(N.sumprodFloats(args.slice(0, bar).map(fromBits), args.slice(bar + 1).map(fromBits)));
          }
          default: throw new Error(op);
        }
      });
      const same = JSON.stringify(got) === JSON.stringify(want);
      if (!same && LIBM_BASED.has(op) && "ok" in got && "ok" in want && ulpDistance(got.ok, want.ok) <= (op.includes("gamma") ? 64 : 2)) {
        approx++;
        approxByOp.set(op, (approxByOp.get(op) ?? 0) + 1);
        continue;
      }
      if (!same) bad.push(`${op}(${args.slice(0, 4).map((a) => (/^-?\d+$/.test(a) && a.length > 15 ? fromBits(a) : a)).join(", ")}): want ${JSON.stringify(want).slice(0, 200)} got ${JSON.stringify(got).slice(0, 200)}`);
    }
    expect(bad.slice(0, 15)).toEqual([]);
    // Keep the libm-level differences rare.
    if (process.env.NUMERIC_DEBUG) console.log(approxByOp);
    // glibc's erf/erfc are within an ulp but not correctly rounded (ours are), so they differ in a few percent of cases.
    expect(approx).toBeLessThan(200);
  });
  it("nextafter with steps (3.12)", () => {
    expect(N.nextafter(1.0, 2.0, 0)).toBe(1.0);
    expect(N.nextafter(1.0, 2.0, 1)).toBe(1.0000000000000002);
    expect(N.nextafter(1.0, 2.0, 2)).toBe(1.0000000000000004);
    expect(N.nextafter(0.0, -1.0, 3)).toBe(-1.5e-323);
    expect(N.nextafter(5e-324, -1.0, 3)).toBe(-1e-323);
    expect(N.nextafter(1.0, 1.0000000000000004, 10)).toBe(1.0000000000000004);
    expect(N.nextafter(-0.0, 0.0, 5)).toBe(0.0);
    expect(N.nextafter(1.0, Infinity, 2n ** 70n)).toBe(Infinity);
    expect(() => N.nextafter(1.0, 2.0, -1)).toThrow("steps must be a non-negative integer");
  });
});
