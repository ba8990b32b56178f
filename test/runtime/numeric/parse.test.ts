// float(str) and int(str, base) against CPython on generated literals (valid and invalid), plus the digit limit.
import { afterEach, describe, expect, it } from "vitest";
import {
  formatInt, intToDecimalString, NumericError, parseFloatLiteral, parseIntBytes, parseIntLiteral, PyInt, setIntMaxStrDigits,
} from "../../../src/runtime/numeric";
import { pyJson } from "./oracle";

type Outcome = { ok: string } | { err: string; msg: string };

function outcome(f: () => string): Outcome {
  try {
    return { ok: f() };
  } catch (e) {
    if (e instanceof NumericError) return { err: e.pyType, msg: e.message };
    throw e;
  }
}

const GEN = `
import random, json, struct
PIECES = ['0', '1', '7', '9', '12', '0x', '0o', '0b', '0X', 'ff', 'Z', 'z', '_', '__', '.', 'e', 'E', '+', '-', ' ', '\\t', '\\n',
          'inf', 'Infinity', 'nan', 'NaN', 'iNf', '\\u0663', '\\uff11', '\\u00a0', '\\u2003', '\\U0001d7ce', 'x', '\\x00', '\\x1c',
          '\\u00e9', '5', '00', 'e-5', 'e+300', 'e400', '1' * 20]
def rand_str(rng):
    return ''.join(rng.choice(PIECES) for _ in range(rng.randrange(1, 6)))
def run(f):
    try: return {'ok': f()}
    except (ValueError, OverflowError, TypeError) as e: return {'err': type(e).__name__, 'msg': str(e)}
def bits(x): return str(struct.unpack('<q', struct.pack('<d', x))[0])
`;

describe("parseFloatLiteral", () => {
  const cases = pyJson<[string, Outcome][]>(`${GEN}
rng = random.Random(3)
ss = [rand_str(rng) for _ in range(15000)] + ['1_000.5', '1__0', '_1', '1_', '1_.5', '1._5', '1e1_0', '1e_1', '  -inf ', '+nan', '-NaN', 'infinit',
  '1e', '.', '.e1', '1.', '.5', '1e-400', '-0', '0x10', '\\u0661\\u0662', '1\\u00a0', '\\u20001.5\\u3000', '']
print(json.dumps([[s, run(lambda: bits(float(s)))] for s in ss]))
`);
  it(`matches CPython on ${cases.length} strings`, () => {
    const bad: string[] = [];
    for (const [s, want] of cases) {
      const v = parseFloatLiteral(s);
      let got: Outcome;
      if (v === null) got = { err: "ValueError", msg: `could not convert string to float: ${JSON.stringify(s)}` };
      else {
        const dv = new DataView(new ArrayBuffer(8));
        dv.setFloat64(0, v);
        got = { ok: dv.getBigInt64(0).toString() };
      }
      const ok = "ok" in want ? "ok" in got && (got.ok === want.ok || (Number.isNaN(v) && want.ok.length > 0)) : "err" in got;
      if (!ok) bad.push(`${JSON.stringify(s)}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
    }
    expect(bad.slice(0, 15)).toEqual([]);
  });
});

describe("parseIntLiteral", () => {
  const cases = pyJson<[string, number, Outcome][]>(`${GEN}
rng = random.Random(4)
out = []
for _ in range(15000):
    s = rand_str(rng)
    base = rng.choice([0, 10, 10, 16, 8, 2, 36, 7, 1, 37, -1, 3])
    out.append([s, base, run(lambda: str(int(s, base)))])
for s, base in [('0x_1f', 0), ('0_0', 0), ('00', 0), ('010', 0), ('0b', 0), ('0x', 16), ('-0o17', 8), (' 12 ', 10), ('1'*300, 7), ('z'*40, 36),
                ('1_000', 10), ('\\u0663\\u0664', 10), ('x'*500, 10), ("it's", 10), ('9'*4301, 10), ('f'*5000, 16), ('1'*4301 + 'x', 10)]:
    out.append([s, base, run(lambda: str(int(s, base)))])
print(json.dumps(out))
`);
  it(`matches CPython on ${cases.length} (string, base) pairs`, () => {
    const bad: string[] = [];
    for (const [s, base, want] of cases) {
      const got = outcome(() => intToDecimalString(parseIntLiteral(s, base)));
      if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`int(${JSON.stringify(s)}, ${base}): want ${JSON.stringify(want).slice(0, 300)} got ${JSON.stringify(got).slice(0, 300)}`);
    }
    expect(bad.slice(0, 15)).toEqual([]);
  });
});

describe("int_max_str_digits", () => {
  afterEach(() => setIntMaxStrDigits(4300));
  it("limits str(int) and formatting, and is settable", () => {
    const big: PyInt = 10n ** 5000n;
    expect(outcome(() => intToDecimalString(big))).toEqual({
      err: "ValueError",
      msg: "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
    });
    expect(outcome(() => formatInt(big, ","))).toMatchObject({ err: "ValueError" });
    expect(intToDecimalString(10n ** 4299n).length).toBe(4300);
    expect(outcome(() => intToDecimalString(10n ** 4300n))).toMatchObject({ err: "ValueError" });
    expect(outcome(() => intToDecimalString(-(10n ** 4299n)))).toEqual({ ok: "-1" + "0".repeat(4299) });
    expect(formatInt(big, "x").length).toBeGreaterThan(4000);
    setIntMaxStrDigits(0);
    expect(intToDecimalString(big).length).toBe(5001);
    expect(parseIntLiteral("9".repeat(6000))).toBe(10n ** 6000n - 1n);
    setIntMaxStrDigits(5000);
    expect(outcome(() => String(parseIntLiteral("9".repeat(6000))))).toEqual({
      err: "ValueError",
      msg: "Exceeds the limit (5000 digits) for integer string conversion: value has 6000 digits; use sys.set_int_max_str_digits() to increase the limit",
    });
    expect(outcome(() => { setIntMaxStrDigits(100); return ""; })).toEqual({ err: "ValueError", msg: "maxdigits must be 0 or larger than 640" });
  });
  it("round-trips huge ints quickly (V8's subquadratic BigInt conversions)", () => {
    setIntMaxStrDigits(0);
    const x = 7n ** 300000n;
    const s = intToDecimalString(x);
    expect(parseIntLiteral(s)).toBe(x);
  });
});

describe("bytes inputs", () => {
  it("parse without Unicode transformation", () => {
    expect(parseFloatLiteral("\u00a012", true)).toBeNull();
    expect(parseFloatLiteral("\u00a012")).toBe(12);
    expect(parseFloatLiteral(" 1_2 ", true)).toBe(12);
    expect(parseIntBytes("0x1f", 0, "b'0x1f'")).toBe(31);
    expect(parseIntBytes(" 1_2 ", 10, "b' 1_2 '")).toBe(12);
    expect(outcome(() => String(parseIntBytes("\u00a012", 0, "b'\\xa012'")))).toEqual({
      err: "ValueError", msg: "invalid literal for int() with base 0: b'\\xa012'",
    });
  });
});
