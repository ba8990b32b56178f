// The `_bisect` native module: bisect_left/right and insort_left/right with lo/hi and key=, as CPython's C version.
import { None, PyObject, PyList, ListType, valueError } from "../core";
import { makeModule, parseArgs } from "../define";
import * as ops from "../ops";
import { Cmp } from "../ops";
import { registerNativeModule } from "./registry";

const lt = (a: PyObject, b: PyObject): boolean => ops.truthy(ops.richCompare(a, b, Cmp.Lt));

/** The insertion index; `right` puts x after equal items. `key` applies to the list's items only. */
function bisect(a: PyObject, x: PyObject, loObj: PyObject | undefined, hiObj: PyObject | undefined, key: PyObject | undefined, right: boolean): number {
  let lo = loObj === undefined ? 0 : ops.indexNum(loObj);
  if (lo < 0) throw valueError("lo must be non-negative");
  let hi = hiObj === undefined || hiObj === None ? ops.lenOf(a) : ops.indexNum(hiObj);
  const useKey = key !== undefined && key !== None;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    let item = a instanceof PyList && mid < a.items.length ? a.items[mid] : ops.getItem(a, mid);
    if (useKey) item = ops.call(key!, [item]);
    if (right ? lt(x, item) : lt(item, x)) {
      if (right) hi = mid;
      else lo = mid + 1;
    } else if (right) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const NAMES = ["a", "x", "lo", "hi", "key"];
function bisectFn(name: string, right: boolean): (args: PyObject[], kw: readonly string[] | null) => PyObject {
  return (args, kw) => {
    const [a, x, lo, hi, key] = parseArgs(name, args, kw, NAMES, 2, 0, 4);
    return bisect(a!, x!, lo, hi, key, right);
  };
}
function insortFn(name: string, right: boolean): (args: PyObject[], kw: readonly string[] | null) => PyObject {
  return (args, kw) => {
    const [a, x, lo, hi, key] = parseArgs(name, args, kw, NAMES, 2, 0, 4);
    const k = key !== undefined && key !== None ? ops.call(key, [x!]) : x!;
    const i = bisect(a!, k, lo, hi, key, right);
    if (a instanceof PyList && a.type === ListType) a.items.splice(i, 0, x!);
    else ops.callMethod(a!, "insert", [i, x!]);
    return None;
  };
}

registerNativeModule("_bisect", () =>
  makeModule("_bisect", {
    bisect_right: bisectFn("bisect_right", true),
    bisect_left: bisectFn("bisect_left", false),
    insort_right: insortFn("insort_right", true),
    insort_left: insortFn("insort_left", false),
  }),
);
