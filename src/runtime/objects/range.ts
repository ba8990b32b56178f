// range objects and their iterator (with the interpreter's FOR_ITER fast path), indexing, slicing, containment.
import { makeBuiltinType, ObjectType, PyBase, PyObject, PySlice, PyTuple, PyType, None, NotImplemented, typeError, valueError, indexError, typeOf, isInt, intValue, normBig } from "../core";
import * as ops from "../ops";
import { defGetSet, defMethod, defStaticMethod } from "../define";
import { RangeIterRef } from "../interpreter";
import { sliceIndices } from "./slice";
import { tupleHash } from "../numeric/hash";

type Int = number | bigint;
export const RangeType = makeBuiltinType("range", ObjectType, { subclassable: false });
export class PyRange extends PyBase {
  length: Int;
  constructor(
    public start: Int,
    public stop: Int,
    public step: Int,
  ) {
    super(RangeType);
    this.length = rangeLen(start, stop, step);
  }
}
function rangeLen(start: Int, stop: Int, step: Int): Int {
  if (typeof start === "number" && typeof stop === "number" && typeof step === "number") {
    if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
  const a = BigInt(start);
  const b = BigInt(stop);
  const s = BigInt(step);
  if (s > 0n) return a < b ? normBig((b - a - 1n) / s + 1n) : 0;
  return a > b ? normBig((a - b - 1n) / -s + 1n) : 0;
}
function at(r: PyRange, i: Int): Int {
  if (typeof r.start === "number" && typeof r.step === "number" && typeof i === "number") {
    const v = r.start + i * r.step;
    if (Number.isSafeInteger(v)) return v;
  }
  return normBig(BigInt(r.start) + BigInt(i) * BigInt(r.step));
}

export const RangeIterType = makeBuiltinType("range_iterator", ObjectType, { subclassable: false });
export class RangeIter extends PyBase {
  constructor(
    public cur: number,
    public step: number,
    public remaining: number,
  ) {
    super(RangeIterType);
  }
  nextFast(): number | undefined {
    if (this.remaining <= 0) return undefined;
    this.remaining--;
    const v = this.cur;
    this.cur += this.step;
    return v;
  }
}
class BigRangeIter extends PyBase {
  i: Int = 0;
  constructor(public r: PyRange) {
    super(LongRangeIterType);
  }
}
export const LongRangeIterType = makeBuiltinType("longrange_iterator", ObjectType, { subclassable: false });
RangeIterType.slots.iter = (x) => x;
RangeIterType.slots.next = (x) => (x as RangeIter).nextFast();
defMethod(RangeIterType, "__length_hint__", (x) => Math.max(0, (x as RangeIter).remaining));
LongRangeIterType.slots.iter = (x) => x;
LongRangeIterType.slots.next = (x) => {
  const it = x as BigRangeIter;
  if (it.i >= it.r.length) return undefined;
  const v = at(it.r, it.i);
  it.i = ops.intBinOp(it.i, 1, ops.BinOp.Add) as Int;
  return v;
};
RangeIterRef.cls = RangeIter as unknown as typeof RangeIterRef.cls;
RangeIterRef.type = RangeIterType;

function arg(x: PyObject): Int {
  if (!ops.hasIndex(x)) throw typeError(`'${typeOf(x).name}' object cannot be interpreted as an integer`);
  return ops.index(x);
}
defStaticMethod(RangeType, "__new__", (args, kw) => {
  if (kw !== null && kw.length) throw typeError("range() takes no keyword arguments");
  const a = args.slice(1);
  if (a.length === 0) throw typeError("range expected at least 1 argument, got 0");
  if (a.length > 3) throw typeError(`range expected at most 3 arguments, got ${a.length}`);
  if (a.length === 1) return new PyRange(0, arg(a[0]), 1);
  const step = a.length === 3 ? arg(a[2]) : 1;
  if (step === 0 || step === 0n) throw valueError("range() arg 3 must not be zero");
  return new PyRange(arg(a[0]), arg(a[1]), step);
});
function R(x: PyObject): PyRange {
  return x as PyRange;
}
RangeType.slots.iter = (x) => {
  const r = R(x);
  if (typeof r.start === "number" && typeof r.step === "number" && typeof r.length === "number" && typeof r.stop === "number") {
    const last = r.start + (r.length - 1) * r.step;
    if (Number.isSafeInteger(last)) return new RangeIter(r.start, r.step, r.length);
  }
  return new BigRangeIter(r);
};
RangeType.slots.len = (x) => {
  const l = R(x).length;
  if (typeof l === "bigint") throw ops.overflowErrorRef("Python int too large to convert to C ssize_t");
  return l;
};
RangeType.slots.repr = (x) => {
  const r = R(x);
  return r.step === 1 ? `range(${ops.repr(r.start)}, ${ops.repr(r.stop)})` : `range(${ops.repr(r.start)}, ${ops.repr(r.stop)}, ${ops.repr(r.step)})`;
};
RangeType.slots.bool = (x) => R(x).length !== 0;
RangeType.slots.hash = (x) => {
  const r = R(x);
  if (r.length === 0) return tupleHash([ops.hash(0), ops.hash(None), ops.hash(None)]);
  if (r.length === 1) return tupleHash([ops.hash(1), ops.hash(r.start), ops.hash(None)]);
  return tupleHash([ops.hash(r.length), ops.hash(r.start), ops.hash(r.step)]);
};
defMethod(RangeType, "__len__", (x) => RangeType.slots.len!(x));
defMethod(RangeType, "__iter__", (x) => RangeType.slots.iter!(x));
defMethod(RangeType, "__reversed__", (x) => {
  const r = R(x);
  const last = r.length === 0 ? r.start : at(r, ops.intBinOp(r.length, 1, ops.BinOp.Sub) as Int);
  const nr = new PyRange(last, ops.intBinOp(r.start, r.step, ops.BinOp.Sub) as Int, ops.negative(r.step as PyObject) as Int);
  return RangeType.slots.iter!(nr);
});
function contains(r: PyRange, v: PyObject): boolean {
  if (!isInt(v)) {
    let found = false;
    ops.iterate(r, (x) => {
      if (ops.eq(x, v)) {
        found = true;
        return false;
      }
      return true;
    });
    return found;
  }
  const x = intValue(v);
  const step = r.step;
  if (step > 0 ? x < r.start || x >= r.stop : x > r.start || x <= r.stop) return false;
  const diff = ops.intBinOp(x, r.start, ops.BinOp.Sub) as Int;
  const m = ops.intBinOp(diff, step, ops.BinOp.Mod) as Int;
  return m === 0 || m === 0n;
}
defMethod(RangeType, "__contains__", (x, a) => contains(R(x), a[0]));
defMethod(RangeType, "__getitem__", (x, a) => {
  const r = R(x);
  const key = a[0];
  if (key instanceof PySlice) {
    const [start, stop, step] = bigSliceIndices(key, BigInt(r.length));
    const nb = (x: bigint): Int => normBig(x);
    const st = BigInt(r.start);
    const sp = BigInt(r.step);
    return new PyRange(nb(st + start * sp), nb(st + stop * sp), nb(sp * step));
  }
  if (!ops.hasIndex(key)) throw typeError(`range indices must be integers or slices, not ${typeOf(key).name}`);
  let i = ops.index(key);
  if (i < 0) i = ops.intBinOp(i, r.length, ops.BinOp.Add) as Int;
  if (i < 0 || i >= r.length) throw indexError("range object index out of range");
  return at(r, i);
});
defMethod(RangeType, "index", (x, a) => {
  const r = R(x);
  if (!contains(r, a[0])) throw valueError(`${ops.repr(a[0])} is not in range`);
  if (!isInt(a[0])) {
    let i = 0;
    let res = -1;
    ops.iterate(r, (v) => {
      if (ops.eq(v, a[0])) {
        res = i;
        return false;
      }
      i++;
      return true;
    });
    return res;
  }
  return ops.intBinOp(ops.intBinOp(intValue(a[0]), r.start, ops.BinOp.Sub) as Int, r.step, ops.BinOp.FloorDiv);
});
defMethod(RangeType, "count", (x, a) => (contains(R(x), a[0]) ? 1 : 0));
defMethod(RangeType, "__eq__", (x, a) => {
  const o = a[0];
  if (!(o instanceof PyRange)) return NotImplemented;
  const r = R(x);
  if (r.length != o.length) return false;
  if (r.length == 0) return true;
  if (r.start != o.start) return false;
  if (r.length == 1) return true;
  return r.step == o.step;
});
defMethod(RangeType, "__ne__", (x, a) => {
  const o = a[0];
  if (!(o instanceof PyRange)) return NotImplemented;
  return !ops.eq(x, o);
});
defMethod(RangeType, "__reduce__", (x) => new PyTuple([RangeType, new PyTuple([R(x).start, R(x).stop, R(x).step])]));
defGetSet(RangeType, "start", (x) => R(x).start);
defGetSet(RangeType, "stop", (x) => R(x).stop);
defGetSet(RangeType, "step", (x) => R(x).step);
export type { PyType };

/** PySlice_GetIndicesEx over bigints (for ranges longer than 2**53). */
function bigSliceIndices(s: PySlice, length: bigint): [bigint, bigint, bigint] {
  const idx = (x: PyObject): bigint => {
    if (!ops.hasIndex(x)) throw typeError("slice indices must be integers or None or have an __index__ method");
    return BigInt(ops.index(x));
  };
  const step = s.step === None ? 1n : idx(s.step);
  if (step === 0n) throw valueError("slice step cannot be zero");
  const lower = step < 0n ? -1n : 0n;
  const upper = step < 0n ? length - 1n : length;
  const adj = (x: PyObject, dflt: bigint): bigint => {
    if (x === None) return dflt;
    let v = idx(x);
    if (v < 0n) {
      v += length;
      if (v < lower) v = lower;
    } else if (v > upper) v = upper;
    return v;
  };
  return [adj(s.start, step < 0n ? upper : lower), adj(s.stop, step < 0n ? lower : upper), step];
}
