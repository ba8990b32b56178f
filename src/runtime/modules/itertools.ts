// The `itertools` native module: CPython 3.12's iterator building blocks (Modules/itertoolsmodule.c semantics and messages).
import {
  makeBuiltinType,
  None,
  ObjectType,
  PyBase,
  PyDict,
  PyObject,
  PyTuple,
  PyType,
  typeError,
  valueError,
  EMPTY_TUPLE,
} from "../core";
import { defClassMethod, defMethod, defStaticMethod, makeModule, parseArgs } from "../define";
import * as ops from "../ops";
import { shortName } from "./moduleTypes";
import { stopIteration } from "../objects/iterators";
import { registerNativeModule } from "./registry";

/** Every itertools type is an iterator whose __iter__ returns itself; `next` is its slot. */
const allTypes: PyType[] = [];
function iterType(name: string, next: (self: PyObject) => PyObject | undefined): PyType {
  const t = makeBuiltinType(`itertools.${name}`, ObjectType);
  t.slots.iter = (x) => x;
  t.slots.next = next;
  defMethod(t, "__iter__", (x) => x);
  defMethod(t, "__next__", (x) => {
    const v = next(x);
    if (v === undefined) throw stopIteration();
    return v;
  });
  allTypes.push(t);
  return t;
}

/** Gives a freshly made iterator an instance dict when `cls` is a Python subclass that has one. */
function withDict<T extends PyBase>(cls: PyType, obj: T): T {
  if (cls.instDict) obj.dict = new PyDict();
  return obj;
}

function noKwargs(name: string, kwnames: readonly string[] | null): void {
  if (kwnames !== null && kwnames.length) throw typeError(`${name}() takes no keyword arguments`);
}

/** A Python int >= 0 that fits a JS number, for counts such as `r` or `times`. */
function nonNegativeCount(x: PyObject, what: string): number {
  const n = ops.index(x);
  if (n < 0) throw valueError(`${what} must be non-negative`);
  return Number(n);
}

// ---------------------------------------------------------------------------------------------------------------
// count(start=0, step=1)

class Count extends PyBase {
  constructor(type: PyType, public cur: PyObject, public step: PyObject) {
    super(type);
  }
}
const CountType = iterType("count", (x) => {
  const c = x as Count;
  const v = c.cur;
  c.cur = typeof v === "number" && typeof c.step === "number" && Number.isSafeInteger(v + c.step) ? v + c.step : ops.binaryOp(v, c.step, ops.BinOp.Add);
  return v;
});
defStaticMethod(CountType, "__new__", (args, kw) => {
  const [start, step] = parseArgs("count", args.slice(1), kw, ["start", "step"]);
  const s = start ?? 0;
  const st = step ?? 1;
  for (const v of [s, st]) {
    if (!isNumber(v)) throw typeError("a number is required");
  }
  return withDict(args[0] as PyType, new Count(args[0] as PyType, s, st));
});
/** CPython's PyNumber_Check: what count() accepts as start and step. */
function isNumber(v: PyObject): boolean {
  if (typeof v === "number" || typeof v === "bigint" || typeof v === "boolean") return true;
  if (typeof v === "string") return false;
  const t = v.type;
  return ["__index__", "__int__", "__float__", "__complex__"].some((name) => t.lookup(name) !== undefined);
}
CountType.slots.repr = (x) => {
  const c = x as Count;
  const name = shortName(c.type);
  const stepIsOne = typeof c.step === "number" && c.step === 1;
  return stepIsOne ? `${name}(${ops.repr(c.cur)})` : `${name}(${ops.repr(c.cur)}, ${ops.repr(c.step)})`;
};

// ---------------------------------------------------------------------------------------------------------------
// cycle(iterable)

class Cycle extends PyBase {
  saved: PyObject[] = [];
  index = 0;
  firstPass = true;
  constructor(type: PyType, public it: PyObject) {
    super(type);
  }
}
const CycleType = iterType("cycle", (x) => {
  const c = x as Cycle;
  if (c.firstPass) {
    const v = ops.next(c.it);
    if (v !== undefined) {
      c.saved.push(v);
      return v;
    }
    c.firstPass = false;
  }
  if (c.saved.length === 0) return undefined;
  const v = c.saved[c.index];
  c.index = (c.index + 1) % c.saved.length;
  return v;
});
defStaticMethod(CycleType, "__new__", (args, kw) => {
  noKwargs("cycle", kw);
  if (args.length !== 2) throw typeError(`cycle expected 1 argument, got ${args.length - 1}`);
  return withDict(args[0] as PyType, new Cycle(args[0] as PyType, ops.getIter(args[1])));
});

// ---------------------------------------------------------------------------------------------------------------
// repeat(object[, times])

class Repeat extends PyBase {
  constructor(type: PyType, public obj: PyObject, public left: number) {
    super(type);
  }
}
const RepeatType = iterType("repeat", (x) => {
  const r = x as Repeat;
  if (r.left < 0) return r.obj;
  if (r.left === 0) return undefined;
  r.left--;
  return r.obj;
});
defStaticMethod(RepeatType, "__new__", (args, kw) => {
  const [obj, times] = parseArgs("repeat", args.slice(1), kw, ["object", "times"], 1);
  let left = -1;
  if (times !== undefined) left = Math.max(0, Number(ops.index(times)));
  return withDict(args[0] as PyType, new Repeat(args[0] as PyType, obj!, left));
});
RepeatType.slots.repr = (x) => {
  const r = x as Repeat;
  return r.left < 0 ? `${shortName(r.type)}(${ops.repr(r.obj)})` : `${shortName(r.type)}(${ops.repr(r.obj)}, ${r.left})`;
};
defMethod(RepeatType, "__length_hint__", (x) => {
  const r = x as Repeat;
  if (r.left < 0) throw typeError("len() of unsized object");
  return r.left;
});

// ---------------------------------------------------------------------------------------------------------------
// accumulate(iterable[, func, *, initial=None])

class Accumulate extends PyBase {
  total: PyObject | undefined = undefined;
  constructor(type: PyType, public it: PyObject, public func: PyObject, public initial: PyObject | undefined) {
    super(type);
  }
}
const AccumulateType = iterType("accumulate", (x) => {
  const a = x as Accumulate;
  if (a.initial !== undefined) {
    a.total = a.initial;
    a.initial = undefined;
    return a.total;
  }
  const v = ops.next(a.it);
  if (v === undefined) return undefined;
  if (a.total === undefined) a.total = v;
  else a.total = a.func === None ? ops.binaryOp(a.total, v, ops.BinOp.Add) : ops.call(a.func, [a.total, v]);
  return a.total;
});
defStaticMethod(AccumulateType, "__new__", (args, kw) => {
  const [iterable, func, initial] = parseArgs("accumulate", args.slice(1), kw, ["iterable", "func", "initial"], 1, 0, 2);
  const init = initial === undefined || initial === None ? undefined : initial;
  return withDict(args[0] as PyType, new Accumulate(args[0] as PyType, ops.getIter(iterable!), func ?? None, init));
});

// ---------------------------------------------------------------------------------------------------------------
// batched(iterable, n)  (3.12)

class Batched extends PyBase {
  constructor(type: PyType, public it: PyObject | null, public n: number) {
    super(type);
  }
}
const BatchedType = iterType("batched", (x) => {
  const b = x as Batched;
  if (b.it === null) return undefined;
  const items: PyObject[] = [];
  while (items.length < b.n) {
    const v = ops.next(b.it);
    if (v === undefined) {
      b.it = null;
      break;
    }
    items.push(v);
  }
  return items.length ? new PyTuple(items) : undefined;
});
defStaticMethod(BatchedType, "__new__", (args, kw) => {
  const [iterable, n] = parseArgs("batched", args.slice(1), kw, ["iterable", "n"], 2);
  const size = ops.index(n!);
  if (size < 1) throw valueError("n must be at least one");
  return withDict(args[0] as PyType, new Batched(args[0] as PyType, ops.getIter(iterable!), Number(size)));
});

// ---------------------------------------------------------------------------------------------------------------
// chain(*iterables), chain.from_iterable(iterable)

class Chain extends PyBase {
  active: PyObject | null = null;
  constructor(type: PyType, public source: PyObject | null) {
    super(type);
  }
}
const ChainType = iterType("chain", (x) => {
  const c = x as Chain;
  for (;;) {
    if (c.active === null) {
      if (c.source === null) return undefined;
      const nextIterable = ops.next(c.source);
      if (nextIterable === undefined) {
        c.source = null;
        return undefined;
      }
      c.active = ops.getIter(nextIterable);
    }
    const v = ops.next(c.active);
    if (v !== undefined) return v;
    c.active = null;
  }
});
defStaticMethod(ChainType, "__new__", (args, kw) => {
  noKwargs("chain", kw);
  return withDict(args[0] as PyType, new Chain(args[0] as PyType, ops.getIter(new PyTuple(args.slice(1)))));
});
defClassMethod(ChainType, "from_iterable", (cls, args, kw) => {
  noKwargs("from_iterable", kw);
  if (args.length !== 1) throw typeError(`chain.from_iterable() takes exactly one argument (${args.length} given)`);
  return withDict(cls as PyType, new Chain(cls as PyType, ops.getIter(args[0])));
});

// ---------------------------------------------------------------------------------------------------------------
// compress(data, selectors)

class Compress extends PyBase {
  constructor(type: PyType, public data: PyObject, public selectors: PyObject) {
    super(type);
  }
}
const CompressType = iterType("compress", (x) => {
  const c = x as Compress;
  for (;;) {
    const d = ops.next(c.data);
    if (d === undefined) return undefined;
    const s = ops.next(c.selectors);
    if (s === undefined) return undefined;
    if (ops.truthy(s)) return d;
  }
});
defStaticMethod(CompressType, "__new__", (args, kw) => {
  const [data, selectors] = parseArgs("compress", args.slice(1), kw, ["data", "selectors"], 2);
  return withDict(args[0] as PyType, new Compress(args[0] as PyType, ops.getIter(data!), ops.getIter(selectors!)));
});

// ---------------------------------------------------------------------------------------------------------------
// dropwhile, takewhile, filterfalse, starmap: (function, iterable) iterators

class PredIter extends PyBase {
  done = false;
  constructor(type: PyType, public func: PyObject, public it: PyObject) {
    super(type);
  }
}
function predType(name: string, next: (p: PredIter) => PyObject | undefined): PyType {
  const t = iterType(name, (x) => next(x as PredIter));
  defStaticMethod(t, "__new__", (args, kw) => {
    noKwargs(name, kw);
    if (args.length !== 3) throw typeError(`${name} expected 2 arguments, got ${args.length - 1}`);
    return withDict(args[0] as PyType, new PredIter(args[0] as PyType, args[1], ops.getIter(args[2])));
  });
  return t;
}
predType("dropwhile", (p) => {
  for (;;) {
    const v = ops.next(p.it);
    if (v === undefined) return undefined;
    if (p.done) return v;
    if (!ops.truthy(ops.call(p.func, [v]))) {
      p.done = true;
      return v;
    }
  }
});
predType("takewhile", (p) => {
  if (p.done) return undefined;
  const v = ops.next(p.it);
  if (v === undefined) return undefined;
  if (ops.truthy(ops.call(p.func, [v]))) return v;
  p.done = true;
  return undefined;
});
predType("filterfalse", (p) => {
  for (;;) {
    const v = ops.next(p.it);
    if (v === undefined) return undefined;
    const ok = p.func === None ? ops.truthy(v) : ops.truthy(ops.call(p.func, [v]));
    if (!ok) return v;
  }
});
predType("starmap", (p) => {
  const v = ops.next(p.it);
  if (v === undefined) return undefined;
  const argsTuple = v instanceof PyTuple ? v.items : ops.toArray(v);
  return ops.call(p.func, argsTuple.slice());
});

// ---------------------------------------------------------------------------------------------------------------
// groupby(iterable, key=None) and its _grouper

class GroupBy extends PyBase {
  tgtKey: PyObject | undefined = undefined;
  curKey: PyObject | undefined = undefined;
  curValue: PyObject | undefined = undefined;
  currGrouper: Grouper | null = null;
  exhausted = false;
  constructor(type: PyType, public it: PyObject, public keyfunc: PyObject) {
    super(type);
  }
  /** Advances the underlying iterator; false at its end. */
  step(): boolean {
    const v = ops.next(this.it);
    if (v === undefined) {
      this.exhausted = true;
      return false;
    }
    this.curValue = v;
    this.curKey = this.keyfunc === None ? v : ops.call(this.keyfunc, [v]);
    return true;
  }
}
class Grouper extends PyBase {
  constructor(public parent: GroupBy, public tgtKey: PyObject) {
    super(GrouperType);
  }
}
const GroupByType = iterType("groupby", (x) => {
  const g = x as GroupBy;
  g.currGrouper = null;
  // Skip to the next key that differs from the current target.
  for (;;) {
    if (g.curKey === undefined) {
      if (g.exhausted || !g.step()) return undefined;
    } else if (g.tgtKey === undefined) {
      break;
    } else if (!ops.eq(g.tgtKey, g.curKey)) {
      break;
    } else if (g.exhausted || !g.step()) {
      return undefined;
    }
  }
  g.tgtKey = g.curKey;
  const grouper = new Grouper(g, g.tgtKey!);
  g.currGrouper = grouper;
  return new PyTuple([g.curKey!, grouper]);
});
defStaticMethod(GroupByType, "__new__", (args, kw) => {
  const [iterable, key] = parseArgs("groupby", args.slice(1), kw, ["iterable", "key"], 1);
  return withDict(args[0] as PyType, new GroupBy(args[0] as PyType, ops.getIter(iterable!), key ?? None));
});
const GrouperType = iterType("_grouper", (x) => {
  const gr = x as Grouper;
  const g = gr.parent;
  if (g.currGrouper !== gr) return undefined;
  if (g.curValue === undefined || g.curKey === undefined) {
    if (g.exhausted || !g.step()) return undefined;
  }
  if (!ops.eq(gr.tgtKey, g.curKey!)) return undefined;
  const v = g.curValue!;
  g.curValue = undefined;
  g.curKey = undefined;
  return v;
});

// ---------------------------------------------------------------------------------------------------------------
// islice(iterable, stop) / islice(iterable, start, stop[, step])

class ISlice extends PyBase {
  cnt = 0;
  constructor(type: PyType, public it: PyObject | null, public next_: number, public stop: number, public step: number) {
    super(type);
  }
}
const ISliceType = iterType("islice", (x) => {
  const s = x as ISlice;
  if (s.it === null) return undefined;
  while (s.cnt < s.next_) {
    const skipped = ops.next(s.it);
    if (skipped === undefined) {
      s.it = null;
      return undefined;
    }
    s.cnt++;
  }
  if (s.stop !== -1 && s.cnt >= s.stop) {
    s.it = null;
    return undefined;
  }
  const v = ops.next(s.it);
  if (v === undefined) {
    s.it = null;
    return undefined;
  }
  s.cnt++;
  const oldNext = s.next_;
  s.next_ += s.step;
  if (s.next_ < oldNext || (s.stop !== -1 && s.next_ > s.stop)) s.next_ = s.stop;
  return v;
});
function sliceArg(v: PyObject, msg: string): number {
  if (v === None) return -1;
  if (!ops.hasIndex(v)) throw valueError(msg);
  const n = ops.index(v);
  if (n < 0 || n > BigInt(Number.MAX_SAFE_INTEGER)) {
    if (n < 0) throw valueError(msg);
    return Number.MAX_SAFE_INTEGER;
  }
  return Number(n);
}
defStaticMethod(ISliceType, "__new__", (args, kw) => {
  noKwargs("islice", kw);
  const n = args.length - 1;
  if (n < 2 || n > 4) throw typeError(n < 2 ? `islice expected at least 2 arguments, got ${n}` : `islice expected at most 4 arguments, got ${n}`);
  const startMsg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  let start = 0;
  let stop: number;
  let step = 1;
  if (n === 2) {
    stop = sliceArg(args[2], "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  } else {
    start = args[2] === None ? 0 : sliceArg(args[2], startMsg);
    stop = sliceArg(args[3], startMsg);
    if (n === 4 && args[4] !== None) {
      if (!ops.hasIndex(args[4])) throw valueError("Step for islice() must be a positive integer or None.");
      const s = ops.index(args[4]);
      if (s < 1) throw valueError("Step for islice() must be a positive integer or None.");
      step = Number(s);
    }
  }
  return withDict(args[0] as PyType, new ISlice(args[0] as PyType, ops.getIter(args[1]), start, stop, step));
});

// ---------------------------------------------------------------------------------------------------------------
// pairwise(iterable)

class Pairwise extends PyBase {
  old: PyObject | undefined = undefined;
  constructor(type: PyType, public it: PyObject | null) {
    super(type);
  }
}
const PairwiseType = iterType("pairwise", (x) => {
  const p = x as Pairwise;
  if (p.it === null) return undefined;
  if (p.old === undefined) {
    p.old = ops.next(p.it);
    if (p.old === undefined) {
      p.it = null;
      return undefined;
    }
  }
  const v = ops.next(p.it);
  if (v === undefined) {
    p.it = null;
    p.old = undefined;
    return undefined;
  }
  const pair = new PyTuple([p.old, v]);
  p.old = v;
  return pair;
});
defStaticMethod(PairwiseType, "__new__", (args, kw) => {
  noKwargs("pairwise", kw);
  if (args.length !== 2) throw typeError(`pairwise expected 1 argument, got ${args.length - 1}`);
  return withDict(args[0] as PyType, new Pairwise(args[0] as PyType, ops.getIter(args[1])));
});

// ---------------------------------------------------------------------------------------------------------------
// tee(iterable, n=2) and the _tee objects sharing one buffer

/** The shared buffer: values read from the source, with the index each tee has reached. */
class TeeData {
  values: PyObject[] = [];
  /** How many values were dropped from the front of `values` because every tee has passed them. */
  base = 0;
  exhausted = false;
  readonly tees = new Set<Tee>();
  constructor(public it: PyObject) {}
  get(index: number): PyObject | undefined {
    const rel = index - this.base;
    while (rel >= this.values.length) {
      if (this.exhausted) return undefined;
      const v = ops.next(this.it);
      if (v === undefined) {
        this.exhausted = true;
        return undefined;
      }
      this.values.push(v);
    }
    return this.values[rel];
  }
  /** Drops the values every tee has consumed, so a long-lived tee pair does not keep the whole stream. */
  trim(): void {
    let min = Infinity;
    for (const t of this.tees) min = Math.min(min, t.index);
    const drop = min - this.base;
    if (drop > 64) {
      this.values.splice(0, drop);
      this.base = min;
    }
  }
}
class Tee extends PyBase {
  constructor(public data: TeeData, public index: number) {
    super(TeeType);
    data.tees.add(this);
  }
}
const TeeType = iterType("_tee", (x) => {
  const t = x as Tee;
  const v = t.data.get(t.index);
  if (v === undefined) return undefined;
  t.index++;
  t.data.trim();
  return v;
});
defMethod(TeeType, "__copy__", (x) => new Tee((x as Tee).data, (x as Tee).index));
defStaticMethod(TeeType, "__new__", (args, kw) => {
  noKwargs("_tee", kw);
  if (args.length !== 2) throw typeError(`_tee expected 1 argument, got ${args.length - 1}`);
  return teeOf(args[1]);
});
function teeOf(iterable: PyObject): Tee {
  const it = ops.getIter(iterable);
  if (it instanceof Tee) return new Tee(it.data, it.index);
  return new Tee(new TeeData(it), 0);
}
function tee(args: PyObject[], kw: readonly string[] | null): PyObject {
  noKwargs("tee", kw);
  if (args.length < 1 || args.length > 2) throw typeError(`tee expected at most 2 arguments, got ${args.length}`);
  const n = args.length > 1 ? ops.index(args[1]) : 2;
  if (n < 0) throw valueError("n must be >= 0");
  if (n === 0) return EMPTY_TUPLE;
  const it = ops.getIter(args[0]);
  const first = it instanceof Tee ? it : ops.getAttrOpt(it, "__copy__") !== undefined ? it : teeOf(it);
  const out: PyObject[] = [first];
  for (let i = 1; i < Number(n); i++) {
    const prev = out[i - 1];
    out.push(prev instanceof Tee ? new Tee(prev.data, prev.index) : ops.callMethod(prev, "__copy__", []));
  }
  return new PyTuple(out);
}

// ---------------------------------------------------------------------------------------------------------------
// zip_longest(*iterables, fillvalue=None)

class ZipLongest extends PyBase {
  active: number;
  constructor(type: PyType, public its: (PyObject | null)[], public fill: PyObject) {
    super(type);
    this.active = its.length;
  }
}
const ZipLongestType = iterType("zip_longest", (x) => {
  const z = x as ZipLongest;
  if (z.its.length === 0 || z.active === 0) return undefined;
  const out: PyObject[] = new Array(z.its.length);
  for (let i = 0; i < z.its.length; i++) {
    const it = z.its[i];
    let v: PyObject | undefined = undefined;
    if (it !== null) {
      v = ops.next(it);
      if (v === undefined) {
        z.its[i] = null;
        z.active--;
        if (z.active === 0) return undefined;
      }
    }
    out[i] = v === undefined ? z.fill : v;
  }
  return new PyTuple(out);
});
defStaticMethod(ZipLongestType, "__new__", (args, kw) => {
  let fill: PyObject = None;
  const nkw = kw === null ? 0 : kw.length;
  for (let i = 0; i < nkw; i++) {
    if (kw![i] !== "fillvalue") throw typeError("zip_longest() got an unexpected keyword argument '" + kw![i] + "'");
    fill = args[args.length - nkw + i];
  }
  const its = args.slice(1, args.length - nkw).map((a) => ops.getIter(a));
  return withDict(args[0] as PyType, new ZipLongest(args[0] as PyType, its, fill));
});

// ---------------------------------------------------------------------------------------------------------------
// Combinatorics: product, permutations, combinations, combinations_with_replacement

/** Shared state of the combinatoric iterators: the pool and an index vector advanced by `advance`. */
class Combinatoric extends PyBase {
  first = true;
  done = false;
  constructor(type: PyType, public pool: PyObject[], public indices: number[], public r: number, public extra: number[] = []) {
    super(type);
  }
  result(): PyTuple {
    const out: PyObject[] = new Array(this.indices.length);
    for (let i = 0; i < out.length; i++) out[i] = this.pool[this.indices[i]];
    return new PyTuple(out);
  }
}
function combinatoricType(name: string, advance: (c: Combinatoric) => boolean): PyType {
  return iterType(name, (x) => {
    const c = x as Combinatoric;
    if (c.done) return undefined;
    if (c.first) {
      c.first = false;
    } else if (!advance(c)) {
      c.done = true;
      return undefined;
    }
    return c.result();
  });
}
// product keeps one pool per position, so its result differs from the single-pool iterators.
class Product extends Combinatoric {
  constructor(type: PyType, public pools: PyObject[][]) {
    super(type, [], new Array(pools.length).fill(0), pools.length);
    if (pools.some((p) => p.length === 0)) this.done = true;
  }
  override result(): PyTuple {
    const out: PyObject[] = new Array(this.pools.length);
    for (let i = 0; i < out.length; i++) out[i] = this.pools[i][this.indices[i]];
    return new PyTuple(out);
  }
}
const ProductType = combinatoricType("product", (c) => {
  const p = c as Product;
  for (let i = p.pools.length - 1; i >= 0; i--) {
    if (p.indices[i] + 1 < p.pools[i].length) {
      p.indices[i]++;
      return true;
    }
    p.indices[i] = 0;
  }
  return false;
});
defStaticMethod(ProductType, "__new__", (args, kw) => {
  let repeat = 1;
  const nkw = kw === null ? 0 : kw.length;
  for (let i = 0; i < nkw; i++) {
    if (kw![i] !== "repeat") throw typeError(`product() got an unexpected keyword argument '${kw![i]}'`);
    const r = ops.index(args[args.length - nkw + i]);
    if (r < 0) throw valueError("repeat argument cannot be negative");
    repeat = Number(r);
  }
  const base = args.slice(1, args.length - nkw).map((a) => ops.toArray(a));
  const pools: PyObject[][] = [];
  for (let k = 0; k < repeat; k++) pools.push(...base);
  return withDict(args[0] as PyType, new Product(args[0] as PyType, pools));
});

const PermutationsType = combinatoricType("permutations", (c) => {
  // The cycles algorithm of CPython's permutations: c.extra holds the cycle counters.
  const n = c.pool.length;
  const r = c.r;
  const idx = c.indices;
  const cycles = c.extra;
  for (let i = r - 1; i >= 0; i--) {
    cycles[i]--;
    if (cycles[i] === 0) {
      const moved = idx[i];
      idx.splice(i, 1);
      idx.push(moved);
      cycles[i] = n - i;
    } else {
      const j = n - cycles[i];
      const t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
      return true;
    }
  }
  return false;
});
// permutations yields only the first r of its n indices.
class Permutations extends Combinatoric {
  override result(): PyTuple {
    const out: PyObject[] = new Array(this.r);
    for (let i = 0; i < this.r; i++) out[i] = this.pool[this.indices[i]];
    return new PyTuple(out);
  }
}
defStaticMethod(PermutationsType, "__new__", (args, kw) => {
  const [iterable, rArg] = parseArgs("permutations", args.slice(1), kw, ["iterable", "r"], 1);
  const pool = ops.toArray(iterable!);
  const n = pool.length;
  const r = rArg === undefined || rArg === None ? n : nonNegativeCount(rArg, "r");
  const indices = Array.from({ length: n }, (_, i) => i);
  const cycles = Array.from({ length: r }, (_, i) => n - i);
  const p = new Permutations(args[0] as PyType, pool, indices, r, cycles);
  if (r > n) p.done = true;
  return withDict(args[0] as PyType, p);
});

function combinationsNew(name: string, withReplacement: boolean) {
  return (args: PyObject[], kw: readonly string[] | null): PyObject => {
    const [iterable, rArg] = parseArgs(name, args.slice(1), kw, ["iterable", "r"], 2);
    const pool = ops.toArray(iterable!);
    const r = nonNegativeCount(rArg!, "r");
    const indices = withReplacement ? new Array(r).fill(0) : Array.from({ length: r }, (_, i) => i);
    const c = new Combinatoric(args[0] as PyType, pool, indices, r);
    if (withReplacement ? pool.length === 0 && r > 0 : r > pool.length) c.done = true;
    return withDict(args[0] as PyType, c);
  };
}
const CombinationsType = combinatoricType("combinations", (c) => {
  const n = c.pool.length;
  const r = c.r;
  const idx = c.indices;
  let i = r - 1;
  while (i >= 0 && idx[i] === i + n - r) i--;
  if (i < 0) return false;
  idx[i]++;
  for (let j = i + 1; j < r; j++) idx[j] = idx[j - 1] + 1;
  return true;
});
defStaticMethod(CombinationsType, "__new__", combinationsNew("combinations", false));

const CwrType = combinatoricType("combinations_with_replacement", (c) => {
  const n = c.pool.length;
  const r = c.r;
  const idx = c.indices;
  let i = r - 1;
  while (i >= 0 && idx[i] === n - 1) i--;
  if (i < 0) return false;
  const v = idx[i] + 1;
  for (let j = i; j < r; j++) idx[j] = v;
  return true;
});
defStaticMethod(CwrType, "__new__", combinationsNew("combinations_with_replacement", true));

// ---------------------------------------------------------------------------------------------------------------

registerNativeModule("itertools", () => {
  const members: Record<string, PyObject | ((args: PyObject[], kw: readonly string[] | null) => PyObject)> = { tee };
  for (const t of allTypes) if (!t.qualname.startsWith("_")) members[t.qualname] = t;
  members["_grouper"] = GrouperType;
  members["_tee"] = TeeType;
  return makeModule(
    "itertools",
    members,
    "Functional tools for creating and using iterators.",
  );
});
