// The opcode table: one definition per opcode, encodable words, and stack effects that agree with CPython 3.12's where defined alike.
import { describe, expect, it } from "vitest";
import {
  ALL_OPCODES, ArgKind, encodeInstr, instrArg, instrOp, MAX_OPARG, NUM_REAL_OPCODES, Op, OPFLAGS, OpFlag, OPNAMES, opByName, opInfo, stackEffect,
} from "../../src/compiler/opcodes";

describe("opcode table", () => {
  it("defines every number and name once", () => {
    const nums = new Set<number>();
    const names = new Set<string>();
    for (const row of ALL_OPCODES) {
      expect(nums.has(row.op)).toBe(false);
      expect(names.has(row.name)).toBe(false);
      nums.add(row.op);
      names.add(row.name);
      expect(opByName(row.name)).toBe(row.op);
    }
  });

  it("keeps real opcodes below 256 and flags pseudo-opcodes", () => {
    for (const row of ALL_OPCODES) {
      const pseudo = (row.flags & OpFlag.Pseudo) !== 0;
      expect(pseudo).toBe(row.op >= NUM_REAL_OPCODES);
      if (!pseudo) {
        expect(OPNAMES[row.op]).toBe(row.name);
        expect(OPFLAGS[row.op]).toBe(row.flags);
      }
    }
  });

  it("marks jumps consistently with their argument kind", () => {
    for (const row of ALL_OPCODES) {
      expect((row.flags & OpFlag.Jump) !== 0).toBe(row.arg === ArgKind.Jump);
      if (row.arg === ArgKind.Const) expect(row.flags & OpFlag.HasConst).toBeTruthy();
    }
  });

  it("packs opcode and a 24-bit oparg into one word", () => {
    const w = encodeInstr(Op.LOAD_CONST, MAX_OPARG);
    expect(instrOp(w)).toBe(Op.LOAD_CONST);
    expect(instrArg(w)).toBe(MAX_OPARG);
    expect(() => encodeInstr(Op.LOAD_CONST, MAX_OPARG + 1)).toThrow();
    expect(() => encodeInstr(Op.JUMP, 0)).toThrow();
  });

  it("has CPython 3.12's stack effects", () => {
    expect(stackEffect(Op.BUILD_TUPLE, 3, false)).toBe(-2);
    expect(stackEffect(Op.BUILD_MAP, 2, false)).toBe(-3);
    expect(stackEffect(Op.CALL, 2, false)).toBe(-3);
    expect(stackEffect(Op.LOAD_GLOBAL, 1, false)).toBe(2);
    expect(stackEffect(Op.LOAD_ATTR, (5 << 1) | 1, false)).toBe(1);
    expect(stackEffect(Op.UNPACK_EX, 1 | (2 << 8), false)).toBe(3);
    expect(stackEffect(Op.FOR_ITER, 0, false)).toBe(1);
    expect(stackEffect(Op.FOR_ITER, 0, true)).toBe(-1);
    expect(stackEffect(Op.SETUP_CLEANUP, 0, true)).toBe(2);
    expect(stackEffect(Op.FORMAT_VALUE, 4, false)).toBe(-1);
    expect(stackEffect(Op.CALL_FUNCTION_EX, 1, false)).toBe(-3);
    expect(opInfo(Op.RETURN_VALUE).flags & OpFlag.Terminates).toBeTruthy();
  });
});
