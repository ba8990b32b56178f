// memoryview over bytes/bytearray (format 'B', one dimension): indexing, slicing, tobytes/tolist/hex, release, equality.
import { makeBuiltinType, ObjectType, PyBase, PyObject, PyType, PyBytes, PyByteArray, PyList, PySlice, PyTuple, None, NotImplemented, typeError, valueError, indexError, typeOf } from "../core";
import * as ops from "../ops";
import { defGetSet, defMethod, defStaticMethod } from "../define";
import { sliceIndices } from "./slice";

export const MemoryViewType = makeBuiltinType("memoryview", ObjectType, { subclassable: false });
export class PyMemoryView extends PyBase {
  released = false;
  constructor(
    public obj: PyBytes | PyByteArray,
    public start: number,
    public length: number,
    public step: number,
  ) {
    super(MemoryViewType);
  }
  bytes(): Uint8Array {
    if (this.released) throw valueError("operation forbidden on released memoryview object");
    const d = this.obj instanceof PyBytes ? this.obj.data : this.obj.data;
    if (this.step === 1) return d.subarray(this.start, this.start + this.length);
    const out = new Uint8Array(this.length);
    for (let i = 0, j = this.start; i < this.length; i++, j += this.step) out[i] = d[j];
    return out;
  }
}
function M(x: PyObject): PyMemoryView {
  return x as PyMemoryView;
}
defStaticMethod(MemoryViewType, "__new__", (args) => {
  const o = args[1];
  if (o instanceof PyMemoryView) return new PyMemoryView(o.obj, o.start, o.length, o.step);
  if (o instanceof PyBytes) return new PyMemoryView(o, 0, o.data.length, 1);
  if (o instanceof PyByteArray) return new PyMemoryView(o, 0, o.length, 1);
  throw typeError(`memoryview: a bytes-like object is required, not '${typeOf(o).name}'`);
});
MemoryViewType.slots.len = (x) => M(x).length;
MemoryViewType.slots.repr = (x) => `<${M(x).released ? "released " : ""}memory at 0x${ops.identityHash(x).toString(16).padStart(12, "0")}>`;
MemoryViewType.slots.iter = (x) => ops.getIter(new PyList(Array.from(M(x).bytes())));
defMethod(MemoryViewType, "__getitem__", (x, a) => {
  const m = M(x);
  const key = a[0];
  if (key instanceof PySlice) {
    const [start, , step, n] = sliceIndices(key, m.length);
    return new PyMemoryView(m.obj, m.start + start * m.step, n, m.step * step);
  }
  let i = ops.indexNum(key);
  if (i < 0) i += m.length;
  if (i < 0 || i >= m.length) throw indexError("index out of bounds on dimension 1");
  return m.bytes()[i];
});
defMethod(MemoryViewType, "__setitem__", (x, a) => {
  const m = M(x);
  if (m.obj instanceof PyBytes) throw typeError("cannot modify read-only memory");
  let i = ops.indexNum(a[0]);
  if (i < 0) i += m.length;
  if (i < 0 || i >= m.length) throw indexError("index out of bounds on dimension 1");
  m.obj.data[m.start + i * m.step] = ops.indexNum(a[1]);
  return None;
});
defMethod(MemoryViewType, "tobytes", (x) => new PyBytes(M(x).bytes().slice()));
defMethod(MemoryViewType, "tolist", (x) => new PyList(Array.from(M(x).bytes())));
defMethod(MemoryViewType, "hex", (x) => Buffer.from(M(x).bytes()).toString("hex"));
defMethod(MemoryViewType, "release", (x) => {
  M(x).released = true;
  return None;
});
defMethod(MemoryViewType, "__enter__", (x) => x);
defMethod(MemoryViewType, "__exit__", (x) => {
  M(x).released = true;
  return None;
});
defMethod(MemoryViewType, "__eq__", (x, a) => {
  const o = a[0];
  let other: Uint8Array;
  if (o instanceof PyMemoryView) other = o.bytes();
  else if (o instanceof PyBytes) other = o.data;
  else if (o instanceof PyByteArray) other = o.data.subarray(0, o.length);
  else return NotImplemented;
  return Buffer.from(M(x).bytes()).equals(Buffer.from(other));
});
MemoryViewType.dict.setStr("__hash__", None);
defGetSet(MemoryViewType, "obj", (x) => M(x).obj);
defGetSet(MemoryViewType, "nbytes", (x) => M(x).length);
defGetSet(MemoryViewType, "readonly", (x) => M(x).obj instanceof PyBytes);
defGetSet(MemoryViewType, "itemsize", () => 1);
defGetSet(MemoryViewType, "format", () => "B");
defGetSet(MemoryViewType, "ndim", () => 1);
defGetSet(MemoryViewType, "shape", (x) => new PyTuple([M(x).length]));
defGetSet(MemoryViewType, "strides", (x) => new PyTuple([M(x).step]));
defGetSet(MemoryViewType, "released", (x) => M(x).released);
defGetSet(MemoryViewType, "contiguous", (x) => M(x).step === 1);
export type { PyType };
