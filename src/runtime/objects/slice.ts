// slice objects: construction, attributes, indices() and the index normalisation every sequence uses.
import { None, PyObject, PySlice, PyTuple, SliceType, typeError, valueError, PyType, NotImplemented } from "../core";
import * as ops from "../ops";
import { defGetSet, defMethod, defStaticMethod } from "../define";

function sliceIndex(x: PyObject): number {
  if (!ops.hasIndex(x)) throw typeError("slice indices must be integers or None or have an __index__ method");
  const v = ops.index(x);
  if (typeof v === "bigint") return v < 0n ? -Infinity : Infinity;
  return v;
}

/** CPython's PySlice_GetIndicesEx: returns [start, stop, step, slicelength] for a sequence of `length`. */
export function sliceIndices(s: PySlice, length: number): [number, number, number, number] {
  let step = s.step === None ? 1 : sliceIndex(s.step);
  if (step === 0) throw valueError("slice step cannot be zero");
  if (!Number.isFinite(step)) step = step > 0 ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
  let start: number;
  let stop: number;
  if (s.start === None) start = step < 0 ? length - 1 : 0;
  else {
    start = sliceIndex(s.start);
    if (start < 0) {
      start += length;
      if (start < 0) start = step < 0 ? -1 : 0;
    } else if (start >= length) start = step < 0 ? length - 1 : length;
  }
  if (s.stop === None) stop = step < 0 ? -1 : length;
  else {
    stop = sliceIndex(s.stop);
    if (stop < 0) {
      stop += length;
      if (stop < 0) stop = step < 0 ? -1 : 0;
    } else if (stop >= length) stop = step < 0 ? length - 1 : length;
  }
  let n: number;
  if (step < 0) n = stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  else n = start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
  return [start, stop, step, n];
}

defStaticMethod(SliceType, "__new__", (args) => {
  const a = args.slice(1);
  if (a.length === 1) return new PySlice(None, a[0], None);
  if (a.length === 2) return new PySlice(a[0], a[1], None);
  if (a.length === 3) return new PySlice(a[0], a[1], a[2]);
  throw typeError(a.length === 0 ? "slice expected at least 1 argument, got 0" : `slice expected at most 3 arguments, got ${a.length}`);
});
SliceType.slots.repr = (s) => {
  const sl = s as PySlice;
  return `slice(${ops.repr(sl.start)}, ${ops.repr(sl.stop)}, ${ops.repr(sl.step)})`;
};
SliceType.dict.setStr("__hash__", None);
defGetSet(SliceType, "start", (s) => (s as PySlice).start);
defGetSet(SliceType, "stop", (s) => (s as PySlice).stop);
defGetSet(SliceType, "step", (s) => (s as PySlice).step);
defMethod(SliceType, "indices", (s, args) => {
  const len = ops.indexNum(args[0]);
  if (len < 0) throw valueError("length should not be negative");
  const [start, stop, step] = sliceIndices(s as PySlice, len);
  return new PyTuple([start, stop, step]);
});
function key(s: PySlice): PyTuple {
  return new PyTuple([s.start, s.stop, s.step]);
}
defMethod(SliceType, "__eq__", (s, args) => (args[0] instanceof PySlice ? ops.eq(key(s as PySlice), key(args[0])) : NotImplemented));
defMethod(SliceType, "__reduce__", (s) => new PyTuple([SliceType, key(s as PySlice)]));
export type { PyType };
