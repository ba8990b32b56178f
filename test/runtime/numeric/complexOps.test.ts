// complex repr, division, **, abs and complex(str) against CPython.
import { describe, expect, it } from "vitest";
import * as N from "../../../src/runtime/numeric";
import { fromBits, pyJson, PY_DOUBLE_HELPERS } from "./oracle";

type Outcome = { ok: string } | { err: string; msg: string };

function bitsOf(x: number): string {
  if (x !== x) return "nan";
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  return dv.getBigInt64(0).toString();
}

function outcome(f: () => string): Outcome {
  try {
    return { ok: f() };
  } catch (e) {
    if (e instanceof N.NumericError) return { err: e.pyType, msg: e.message };
    throw e;
  }
}

const cstr = (c: N.Complex): string => `${bitsOf(c.re)},${bitsOf(c.im)}`;

describe("complex", () => {
  const data = pyJson<[string, string[], Outcome][]>(`${PY_DOUBLE_HELPERS}
rng = random.Random(41)
def B(x): return 'nan' if x != x else str(bits(x))
def C(c): return B(c.real) + ',' + B(c.imag)
def run(f):
    try: return {'ok': f()}
    except (ValueError, OverflowError, ZeroDivisionError) as e: return {'err': type(e).__name__, 'msg': str(e)}
def rd():
    r = rng.random()
    if r < 0.15: return rng.choice([0.0, -0.0, 1.0, -1.0, 2.0, 0.5, float('inf'), -float('inf'), float('nan')])
    if r < 0.6: return rng.uniform(-10, 10)
    return rand_double(rng)
out = []
for _ in range(3000):
    a, b, c, d = rd(), rd(), rd(), rd()
    out.append(['repr', [str(bits(a)), str(bits(b))], run(lambda: repr(complex(a, b)))])
    out.append(['div', [str(bits(x)) for x in (a, b, c, d)], run(lambda: C(complex(a, b) / complex(c, d)))])
    out.append(['abs', [str(bits(a)), str(bits(b))], run(lambda: B(abs(complex(a, b))))])
    if rng.random() < 0.5: c, d = float(rng.randrange(-120, 120)), 0.0
    if rng.random() < 0.3: a, b = rng.uniform(-3, 3), rng.uniform(-3, 3)
    out.append(['pow', [str(bits(x)) for x in (a, b, c, d)], run(lambda: C(complex(a, b) ** complex(c, d)))])
PIECES = ['1', '2.5', 'j', 'J', '+', '-', ' ', '(', ')', 'e5', 'inf', 'nan', '_', '1_0', '.', 'x', '\\u0663', '\\u3000']
for _ in range(4000):
    s = ''.join(rng.choice(PIECES) for _ in range(rng.randrange(1, 7)))
    out.append(['parse', [s], run(lambda: C(complex(s)))])
for s in ['1+2j', '(1+2j)', ' ( -1.5e3-2J ) ', 'j', '-j', '+1-j', '1e5', 'infj', '-nan+nanj', '1_000+2_0j', '1__0j', '(1', '1+2', '1+2jx', '']:
    out.append(['parse', [s], run(lambda: C(complex(s)))])
print(json.dumps(out))
`);
  it(`matches CPython on ${data.length} operations`, () => {
    const bad: string[] = [];
    let powApprox = 0;
    for (const [op, args, want] of data) {
      const f = (i: number): number => fromBits(args[i]);
      const got = outcome((): string => {
        switch (op) {
          case "repr": return N.complexRepr(f(0), f(1));
          case "div": return cstr(N.complexDiv({ re: f(0), im: f(1) }, { re: f(2), im: f(3) }));
          case "abs": return bitsOf(N.complexAbs(f(0), f(1)));
          case "pow": return cstr(N.complexPow({ re: f(0), im: f(1) }, { re: f(2), im: f(3) }));
          default: return cstr(N.parseComplex(args[0]));
        }
      });
      if (JSON.stringify(got) === JSON.stringify(want)) continue;
      // Non-integral complex powers go through libm exp/log/sin/cos/atan2, where V8 and glibc can differ slightly.
      if (op === "pow" && "ok" in got && "ok" in want) {
        powApprox++;
        continue;
      }
      bad.push(`${op}(${args.join(", ")}): want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
    }
    expect(bad.slice(0, 15)).toEqual([]);
    if (process.env.NUMERIC_DEBUG) console.log("complex pow approx", powApprox);
    expect(powApprox).toBeLessThan(30);
  });
});
