// complex(): how the constructor combines its real and imaginary arguments (signed zeros included), compared with CPython.
import { describe, expect, it } from "vitest";
import { runCPython, runPypack } from "./modules/compare";

const PROGRAM = String.raw`
print(repr(complex(-0.0, -0.0)), repr(complex(1, -0.0)), complex(1j, 1j), complex(2, 1j), complex(1+2j, 3), complex(-0.0))
print(complex(0.0, -0.0), complex(imag=-0.0), complex('1-0j'), complex(real=-0.0, imag=0.0), -complex(0, 0))
`;

describe("complex constructor", () => {
  it("matches CPython", () => {
    const ours = runPypack(PROGRAM);
    expect(ours.stderr).toBe("");
    expect(ours.stdout).toBe(runCPython(PROGRAM).stdout);
  });
});
