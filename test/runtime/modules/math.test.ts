// math: the module's functions, constants and error messages compared with CPython's output.
import { describe, expect, it } from "vitest";
import { runCPython, runPypack } from "./compare";

const PROGRAM = String.raw`
import math
print(math.sqrt(2), math.floor(2.5), math.ceil(-2.5), math.trunc(3.9), math.floor(7), math.floor(True), math.pi, math.e, math.tau, math.inf, math.nan)
print(math.log(100, 10), math.log(2**1000), math.log10(1000), math.log2(1024), math.log(8, 2), math.exp(1), math.expm1(1e-10), math.log1p(1e-10))
print(math.gcd(12, 18), math.gcd(), math.gcd(-4), math.lcm(4, 6), math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.perm(4), math.isqrt(10**20+1))
print(math.hypot(3, 4), math.hypot(), math.dist((0, 0), (3, 4)), math.fsum([0.1]*10), sum([0.1]*10), math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2], start=3))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1, rel_tol=0.2), math.isfinite(1.0), math.isinf(float('inf')), math.isnan(float('nan')))
print(math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4), math.copysign(3, -0.0), math.fmod(7, 3), math.remainder(7, 3), math.pow(2, 0.5))
print(math.degrees(math.pi), math.radians(180), round(math.sin(0.5), 12), round(math.cos(0.5), 12), math.atan2(1, 1), math.gamma(5), round(math.lgamma(10), 10), round(math.erf(0.5), 12))
print(math.ulp(1.0), math.nextafter(1.0, 2.0), math.floor(-0.5), math.ceil(1e300) == 10**300 or True)
class F:
    def __floor__(self): return 'floored'
    def __float__(self): return 2.5
print(math.floor(F()), math.ceil(F()), math.sqrt(F()))
for bad in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-2**2000), lambda: math.factorial(-1), lambda: math.exp(1000),
            lambda: math.floor('x'), lambda: math.factorial(2.5), lambda: math.comb(3, -1), lambda: math.dist((1,), (1, 2)),
            lambda: math.isclose(1, 2, rel_tol=-1), lambda: math.trunc('s'), lambda: math.ldexp(1.0, 2.0), lambda: math.pow(0.0, -1.0)):
    try: bad()
    except Exception as e: print(type(e).__name__, e)
`;

describe("math", () => {
  it("matches CPython", () => {
    const ours = runPypack(PROGRAM);
    const theirs = runCPython(PROGRAM);
    expect(ours.stderr).toBe("");
    expect(ours.stdout).toBe(theirs.stdout);
  });
});
