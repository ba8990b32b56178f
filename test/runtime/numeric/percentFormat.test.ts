// printf-style %-formatting of numbers against CPython on random flag/width/precision/conversion combinations.
import { describe, expect, it } from "vitest";
import { formatPercent, NumericError, normInt, parsePercentFlags, PercentValue } from "../../../src/runtime/numeric";
import { fromBits, pyJson, PY_DOUBLE_HELPERS } from "./oracle";

type Outcome = { ok: string } | { err: string; msg: string };

describe("formatPercent", () => {
  const cases = pyJson<[string, number, number, string, string, string, Outcome][]>(`${PY_DOUBLE_HELPERS}
rng = random.Random(21)
out = []
for _ in range(15000):
    flags = ''.join(rng.choice('-+ #0') for _ in range(rng.randrange(0, 3)))
    width = rng.choice([-1, -1, rng.randrange(0, 25)])
    prec = rng.choice([-1, -1, rng.randrange(0, 20)])
    conv = rng.choice('diuoxXeEfFgGc')
    if rng.random() < 0.5:
        kind = 'int'
        v = rng.choice([rng.randrange(-1000, 1000), rng.randrange(-2**80, 2**80), 0, 65, 0x10ffff, 0x110000, -1])
        enc = str(v)
    else:
        kind = 'float'
        v = rand_double(rng) if rng.random() < 0.9 else rng.choice([float('inf'), -float('inf'), float('nan'), -0.0])
        enc = str(bits(v))
    spec = '%' + flags + ('' if width < 0 else str(width)) + ('' if prec < 0 else '.' + str(prec)) + conv
    try: r = {'ok': spec % v}
    except (ValueError, OverflowError, TypeError) as e: r = {'err': type(e).__name__, 'msg': str(e)}
    out.append([flags, width, prec, conv, kind, enc, r])
print(json.dumps(out))
`);
  it(`matches CPython on ${cases.length} conversions`, () => {
    const bad: string[] = [];
    for (const [flags, width, prec, conv, kind, enc, want] of cases) {
      const arg: PercentValue = kind === "int" ? { kind: "int", value: normInt(BigInt(enc)) } : { kind: "float", value: fromBits(enc) };
      let got: Outcome;
      try {
        got = { ok: formatPercent(conv, parsePercentFlags(flags), width, prec, arg) };
      } catch (e) {
        if (!(e instanceof NumericError)) throw e;
        got = { err: e.pyType, msg: e.message };
      }
      if (JSON.stringify(got) !== JSON.stringify(want)) bad.push(`'%${flags}${width}.${prec}${conv}' % ${enc}: want ${JSON.stringify(want)} got ${JSON.stringify(got)}`);
    }
    expect(bad.slice(0, 15)).toEqual([]);
  });
});
