// The `_heapq` native module: CPython's heap algorithms (siftdown/siftup, max-heap variants) over list objects,
// comparing with `<` exactly as CPython does (so ties and custom __lt__ give the same heap layout).
import { None, PyObject, PyList, indexError, typeError, typeOf, newException, RuntimeErrorType } from "../core";
import { makeModule, arity } from "../define";
import * as ops from "../ops";
import { Cmp } from "../ops";
import { registerNativeModule } from "./registry";

const lt = (a: PyObject, b: PyObject): boolean => ops.truthy(ops.richCompare(a, b, Cmp.Lt));

function heapArg(x: PyObject, fname: string): PyList {
  if (!(x instanceof PyList)) throw typeError(`${fname}() argument 1 must be list, not ${typeOf(x).name}`);
  return x;
}
function checkSize(heap: PyList, n: number): void {
  if (heap.items.length !== n) throw newException(RuntimeErrorType, "list changed size during iteration");
}

function siftdown(heap: PyList, startpos: number, pos: number, max: boolean): void {
  const n = heap.items.length;
  const newitem = heap.items[pos];
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const parent = heap.items[parentpos];
    const less = max ? lt(parent, newitem) : lt(newitem, parent);
    checkSize(heap, n);
    if (!less) break;
    heap.items[pos] = parent;
    pos = parentpos;
  }
  heap.items[pos] = newitem;
}

function siftup(heap: PyList, pos: number, max: boolean): void {
  const endpos = heap.items.length;
  const startpos = pos;
  const newitem = heap.items[pos];
  let childpos = 2 * pos + 1;
  while (childpos < endpos) {
    const rightpos = childpos + 1;
    if (rightpos < endpos) {
      const less = max ? lt(heap.items[rightpos], heap.items[childpos]) : lt(heap.items[childpos], heap.items[rightpos]);
      checkSize(heap, endpos);
      if (!less) childpos = rightpos;
    }
    heap.items[pos] = heap.items[childpos];
    pos = childpos;
    childpos = 2 * pos + 1;
  }
  heap.items[pos] = newitem;
  siftdown(heap, startpos, pos, max);
}

function heappop(heap: PyList, max: boolean): PyObject {
  if (heap.items.length === 0) throw indexError("index out of range");
  const last = heap.items.pop()!;
  if (heap.items.length === 0) return last;
  const ret = heap.items[0];
  heap.items[0] = last;
  siftup(heap, 0, max);
  return ret;
}
function heapreplace(heap: PyList, item: PyObject, max: boolean): PyObject {
  if (heap.items.length === 0) throw indexError("index out of range");
  const ret = heap.items[0];
  heap.items[0] = item;
  siftup(heap, 0, max);
  return ret;
}
function heapify(heap: PyList, max: boolean): void {
  for (let i = (heap.items.length >> 1) - 1; i >= 0; i--) siftup(heap, i, max);
}

registerNativeModule("_heapq", () =>
  makeModule("_heapq", {
    heappush: (a, kw) => {
      arity("heappush", a, kw, 2);
      const h = heapArg(a[0], "heappush");
      h.items.push(a[1]);
      siftdown(h, 0, h.items.length - 1, false);
      return None;
    },
    heappop: (a, kw) => {
      arity("heappop", a, kw, 1);
      return heappop(heapArg(a[0], "heappop"), false);
    },
    heapreplace: (a, kw) => {
      arity("heapreplace", a, kw, 2);
      return heapreplace(heapArg(a[0], "heapreplace"), a[1], false);
    },
    heappushpop: (a, kw) => {
      arity("heappushpop", a, kw, 2);
      const h = heapArg(a[0], "heappushpop");
      let item = a[1];
      if (h.items.length === 0) return item;
      const top = h.items[0];
      if (!lt(top, item)) return item;
      if (h.items.length === 0) throw indexError("index out of range");
      item = h.items[0];
      h.items[0] = a[1];
      siftup(h, 0, false);
      return item;
    },
    heapify: (a, kw) => {
      arity("heapify", a, kw, 1);
      heapify(heapArg(a[0], "heapify"), false);
      return None;
    },
    _heappop_max: (a, kw) => {
      arity("_heappop_max", a, kw, 1);
      return heappop(heapArg(a[0], "_heappop_max"), true);
    },
    _heapreplace_max: (a, kw) => {
      arity("_heapreplace_max", a, kw, 2);
      return heapreplace(heapArg(a[0], "_heapreplace_max"), a[1], true);
    },
    _heapify_max: (a, kw) => {
      arity("_heapify_max", a, kw, 1);
      heapify(heapArg(a[0], "_heapify_max"), true);
      return None;
    },
  }),
);
