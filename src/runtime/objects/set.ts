// set and frozenset with CPython's table algorithm (setobject.c: linear probing LINEAR_PROBES=9 + perturbation,
// fill/used accounting, the same resize rules), so iteration order of ints/floats/tuples equals CPython's.
import {
  makeBuiltinType,
  ObjectType,
  PyBase,
  PyObject,
  PyType,
  PyDict,
  None,
  NotImplemented,
  typeError,
  typeOf,
  keyError,
  runtimeError,
  PyTuple,
  PyList,
  isinstance,
  KeyErrorType,
} from "../core";
import * as ops from "../ops";
import { Cmp } from "../ops";
import { defMethod, defStaticMethod, arity } from "../define";
import { interp } from "../interpreter";
import { reprGuard } from "./list";

const MINSIZE = 8;
const LINEAR_PROBES = 9;
type Hash = number | bigint;
const DUMMY: unique symbol = Symbol("dummy");
type Key = PyObject | typeof DUMMY | undefined;

export const SetType = makeBuiltinType("set", ObjectType, { alloc: (cls) => new PySet(cls) });
export const FrozenSetType = makeBuiltinType("frozenset", ObjectType, { alloc: (cls) => new PySet(cls) });

function lowBits(h: Hash, mask: number): number {
  if (typeof h === "number") {
    if (h >= 0 && h <= 0x7fffffff) return h & mask;
    const size = mask + 1;
    return ((h % size) + size) % size;
  }
  return Number(BigInt.asUintN(64, h) & BigInt(mask));
}

export class PySet extends PyBase {
  keys: Key[] = new Array(MINSIZE);
  hashes: Hash[] = new Array(MINSIZE).fill(0);
  mask = MINSIZE - 1;
  fill = 0;
  used = 0;
  finger = 0;
  /** Bumped on every change (iterators detect mutation). */
  version = 0;
  constructor(type: PyType) {
    super(type);
  }

  private insertClean(keys: Key[], hashes: Hash[], mask: number, key: PyObject, hash: Hash): void {
    let i = lowBits(hash, mask);
    let perturb: bigint | null = null;
    for (;;) {
      if (keys[i] === undefined) {
        keys[i] = key;
        hashes[i] = hash;
        return;
      }
      if (i + LINEAR_PROBES <= mask) {
        for (let j = 1; j <= LINEAR_PROBES; j++) {
          if (keys[i + j] === undefined) {
            keys[i + j] = key;
            hashes[i + j] = hash;
            return;
          }
        }
      }
      if (perturb === null) perturb = BigInt.asUintN(64, BigInt(hash));
      perturb >>= 5n;
      i = (i * 5 + 1 + Number(perturb & BigInt(mask))) & mask;
    }
  }

  resize(minused: number): void {
    let newsize = MINSIZE;
    while (newsize <= minused) newsize *= 2;
    const oldKeys = this.keys;
    const oldHashes = this.hashes;
    const mask = newsize - 1;
    const keys: Key[] = new Array(newsize);
    const hashes: Hash[] = new Array(newsize).fill(0);
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i];
      if (k !== undefined && k !== DUMMY) this.insertClean(keys, hashes, mask, k, oldHashes[i]);
    }
    this.keys = keys;
    this.hashes = hashes;
    this.mask = mask;
    this.fill = this.used;
  }

  /** Finds the slot index of key or -1. */
  lookup(key: PyObject, hash: Hash): number {
    const mask = this.mask;
    let i = lowBits(hash, mask);
    let perturb: bigint | null = null;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = this.keys[j];
        if (k === undefined) return -1;
        if (k !== DUMMY && this.hashes[j] === hash) {
          if (k === key) return j;
          const keysBefore = this.keys;
          const eq = ops.eq(k, key);
          if (keysBefore !== this.keys || this.keys[j] !== k) throw runtimeError("set changed size during iteration");
          if (eq) return j;
        }
        j++;
      } while (probes--);
      if (perturb === null) perturb = BigInt.asUintN(64, BigInt(hash));
      perturb >>= 5n;
      i = (i * 5 + 1 + Number(perturb & BigInt(mask))) & mask;
    }
  }

  addEntry(key: PyObject, hash: Hash): void {
    const mask = this.mask;
    let i = lowBits(hash, mask);
    let perturb: bigint | null = null;
    let freeslot = -1;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = this.keys[j];
        if (k === undefined) {
          this.version++;
          if (freeslot >= 0) {
            this.used++;
            this.keys[freeslot] = key;
            this.hashes[freeslot] = hash;
            return;
          }
          this.fill++;
          this.used++;
          this.keys[j] = key;
          this.hashes[j] = hash;
          if (this.fill * 5 < mask * 3) return;
          this.resize(this.used > 50000 ? this.used * 2 : this.used * 4);
          return;
        }
        if (k === DUMMY) {
          if (freeslot < 0) freeslot = j;
        } else if (this.hashes[j] === hash) {
          if (k === key) return;
          const keysBefore = this.keys;
          const eq = ops.eq(k, key);
          if (keysBefore !== this.keys || this.keys[j] !== k) {
            // the table mutated under us: restart
            return this.addEntry(key, hash);
          }
          if (eq) return;
        }
        j++;
      } while (probes--);
      if (perturb === null) perturb = BigInt.asUintN(64, BigInt(hash));
      perturb >>= 5n;
      i = (i * 5 + 1 + Number(perturb & BigInt(mask))) & mask;
    }
  }

  add(key: PyObject): void {
    this.addEntry(key, ops.hash(key));
  }
  has(key: PyObject): boolean {
    return this.lookup(key, ops.hash(key)) >= 0;
  }
  /** Removes key; returns whether it was present. */
  discard(key: PyObject): boolean {
    const i = this.lookup(key, ops.hash(key));
    if (i < 0) return false;
    this.keys[i] = DUMMY;
    this.hashes[i] = -1;
    this.used--;
    this.version++;
    return true;
  }
  clear(): void {
    this.keys = new Array(MINSIZE);
    this.hashes = new Array(MINSIZE).fill(0);
    this.mask = MINSIZE - 1;
    this.fill = 0;
    this.used = 0;
    this.version++;
  }
  pop(): PyObject {
    if (this.used === 0) throw keyError("pop from an empty set");
    let i = this.finger & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k !== undefined && k !== DUMMY) {
        this.keys[i] = DUMMY;
        this.hashes[i] = -1;
        this.used--;
        this.finger = i + 1;
        this.version++;
        return k;
      }
      i++;
      if (i > this.mask) i = 0;
    }
  }
  /** Active keys in table order. */
  items(): PyObject[] {
    const out: PyObject[] = [];
    for (const k of this.keys) if (k !== undefined && k !== DUMMY) out.push(k);
    return out;
  }
  /** (key, hash) pairs in table order. */
  entries(): [PyObject, Hash][] {
    const out: [PyObject, Hash][] = [];
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i];
      if (k !== undefined && k !== DUMMY) out.push([k, this.hashes[i]]);
    }
    return out;
  }

  /** set_merge: add all entries of another set (CPython's fast paths affect order, so they are mirrored). */
  mergeSet(other: PySet): void {
    if (other === this || other.used === 0) return;
    if ((this.fill + other.used) * 5 >= this.mask * 3) this.resize((this.used + other.used) * 2);
    if (this.fill === 0 && this.mask === other.mask && other.fill === other.used) {
      this.keys = other.keys.slice();
      this.hashes = other.hashes.slice();
      this.fill = other.fill;
      this.used = other.used;
      this.version++;
      return;
    }
    if (this.fill === 0) {
      for (const [k, h] of other.entries()) this.insertClean(this.keys, this.hashes, this.mask, k, h);
      this.fill = other.used;
      this.used = other.used;
      this.version++;
      return;
    }
    for (const [k, h] of other.entries()) this.addEntry(k, h);
  }

  update(iterable: PyObject): void {
    if (iterable instanceof PySet) return this.mergeSet(iterable);
    if (iterable instanceof PyDict && typeOf(iterable).lookup("__iter__") === DictIterDescr()) {
      const n = iterable.size;
      if ((this.fill + n) * 5 >= this.mask * 3) this.resize((this.used + n) * 2);
      for (const k of iterable.keyList()) this.add(k);
      return;
    }
    ops.iterate(iterable, (v) => {
      this.add(v);
    });
  }
}
import { DictType } from "../core";
function DictIterDescr(): PyObject | undefined {
  return DictType.dict.getStr("__iter__");
}

export function newSet(items: PyObject[] | null, frozen = false): PySet {
  const s = new PySet(frozen ? FrozenSetType : SetType);
  if (items !== null) for (const x of items) s.add(x);
  return s;
}
interp.newSet = (items, frozen) => newSet(items, frozen);
interp.setAdd = (s, x) => (s as PySet).add(x);

function S(x: PyObject): PySet {
  return x as PySet;
}
function isSetLike(x: PyObject): x is PySet {
  return x instanceof PySet;
}
/** A set made from any iterable (used by operations accepting arbitrary iterables). */
function asSet(x: PyObject): PySet {
  if (x instanceof PySet) return x;
  const s = new PySet(SetType);
  s.update(x);
  return s;
}
function makeLike(self: PyObject): PySet {
  const t = typeOf(self);
  return new PySet(t.isSubtypeOf(FrozenSetType) ? FrozenSetType : SetType);
}

// ---- iteration
export const SetIterType = makeBuiltinType("set_iterator", ObjectType, { subclassable: false });
class SetIter extends PyBase {
  i = 0;
  size: number;
  constructor(public set: PySet) {
    super(SetIterType);
    this.size = set.used;
  }
}
SetIterType.slots.iter = (x) => x;
SetIterType.slots.next = (x) => {
  const it = x as SetIter;
  const s = it.set;
  if (it.i < 0) return undefined;
  if (s.used !== it.size) {
    it.i = -1;
    throw runtimeError("Set changed size during iteration");
  }
  const keys = s.keys;
  while (it.i < keys.length) {
    const k = keys[it.i++];
    if (k !== undefined && k !== DUMMY) return k;
  }
  it.i = -1;
  return undefined;
};
defMethod(SetIterType, "__length_hint__", (x) => ((x as SetIter).i < 0 ? 0 : (x as SetIter).set.used));

for (const T of [SetType, FrozenSetType]) {
  T.slots.iter = (x) => new SetIter(S(x));
  T.slots.len = (x) => S(x).used;
  T.slots.repr = (x) =>
    reprGuard(x, () => {
      const t = typeOf(x);
      const items = S(x).items();
      if (items.length === 0) return `${t.name}()`;
      const inner = "{" + items.map((v) => ops.repr(v)).join(", ") + "}";
      return t === SetType ? inner : `${t.name}(${inner})`;
    }, `${typeOf(x).name}(...)`);
  defMethod(T, "__len__", (x) => S(x).used);
  defMethod(T, "__iter__", (x) => new SetIter(S(x)));
  defMethod(T, "__contains__", (x, a) => {
    const k = a[0];
    try {
      return S(x).has(k);
    } catch (e) {
      if (e instanceof PyBase && isinstance(e, TypeErrorT()) && k instanceof PySet) return S(x).has(frozenCopy(k));
      throw e;
    }
  });
  defMethod(T, "copy", (x) => {
    if (typeOf(x) === FrozenSetType) return x;
    const s = makeLike(x);
    s.mergeSet(S(x));
    return s;
  });
  defMethod(T, "union", (x, a) => {
    const s = makeLike(x);
    s.mergeSet(S(x));
    for (const o of a) s.update(o);
    return s;
  });
  defMethod(T, "intersection", (x, a) => {
    let cur: PySet = S(x);
    if (a.length === 0) {
      const s = makeLike(x);
      s.mergeSet(cur);
      return s;
    }
    for (const o of a) cur = intersect(cur, o, x);
    return cur;
  });
  defMethod(T, "difference", (x, a) => {
    let cur = S(x);
    if (a.length === 0) {
      const s = makeLike(x);
      s.mergeSet(cur);
      return s;
    }
    for (const o of a) cur = difference(cur, o, x);
    return cur;
  });
  defMethod(T, "symmetric_difference", (x, a) => {
    arity("symmetric_difference", a, null, 1);
    return symDiff(x, a[0]);
  });
  defMethod(T, "issubset", (x, a) => {
    const o = asSet(a[0]);
    if (S(x).used > o.used) return false;
    for (const k of S(x).items()) if (!o.has(k)) return false;
    return true;
  });
  defMethod(T, "issuperset", (x, a) => {
    const o = asSet(a[0]);
    for (const k of o.items()) if (!S(x).has(k)) return false;
    return true;
  });
  defMethod(T, "isdisjoint", (x, a) => {
    let found = false;
    ops.iterate(a[0], (k) => {
      if (S(x).has(k)) {
        found = true;
        return false;
      }
      return true;
    });
    return !found;
  });
  // operators (only with sets)
  defMethod(T, "__or__", (x, a) => {
    if (!isSetLike(a[0])) return NotImplemented;
    const s = makeLike(x);
    s.mergeSet(S(x));
    s.mergeSet(a[0]);
    return s;
  });
  defMethod(T, "__ror__", (x, a) => {
    if (!isSetLike(a[0])) return NotImplemented;
    const s = makeLike(a[0]);
    s.mergeSet(a[0]);
    s.mergeSet(S(x));
    return s;
  });
  defMethod(T, "__and__", (x, a) => (isSetLike(a[0]) ? intersect(S(x), a[0], x) : NotImplemented));
  defMethod(T, "__rand__", (x, a) => (isSetLike(a[0]) ? intersect(a[0], x, a[0]) : NotImplemented));
  defMethod(T, "__sub__", (x, a) => (isSetLike(a[0]) ? difference(S(x), a[0], x) : NotImplemented));
  defMethod(T, "__rsub__", (x, a) => (isSetLike(a[0]) ? difference(a[0], x, a[0]) : NotImplemented));
  defMethod(T, "__xor__", (x, a) => (isSetLike(a[0]) ? symDiff(x, a[0]) : NotImplemented));
  defMethod(T, "__rxor__", (x, a) => (isSetLike(a[0]) ? symDiff(a[0], x) : NotImplemented));
  for (const [name, op] of [
    ["__eq__", Cmp.Eq],
    ["__ne__", Cmp.Ne],
    ["__le__", Cmp.Le],
    ["__lt__", Cmp.Lt],
    ["__ge__", Cmp.Ge],
    ["__gt__", Cmp.Gt],
  ] as [string, Cmp][]) {
    defMethod(T, name, (x, a) => {
      const o = a[0];
      if (!isSetLike(o)) return NotImplemented;
      return setCompare(S(x), o, op);
    });
  }
  defMethod(T, "__reduce__", (x) => {
    const st = x instanceof PyBase && x.dict !== null && x.dict.size ? x.dict : None;
    return new PyTuple([typeOf(x), new PyTuple([new PyList(S(x).items())]), st]);
  });
  defMethod(T, "__sizeof__", (x) => 200 + 16 * S(x).keys.length);
  defMethod(T, "__repr__", (x) => T.slots.repr!(x));
}
import { TypeErrorType, ClassMethodDescrType, PyMethodDescr } from "../core";
function TypeErrorT(): PyType {
  return TypeErrorType;
}
function frozenCopy(s: PySet): PySet {
  const f = new PySet(FrozenSetType);
  f.mergeSet(s);
  return f;
}
function subset(a: PySet, b: PySet): boolean {
  if (a.used > b.used) return false;
  for (const k of a.items()) if (!b.has(k)) return false;
  return true;
}
function setCompare(a: PySet, b: PySet, op: Cmp): boolean {
  switch (op) {
    case Cmp.Eq:
      return a.used === b.used && subset(a, b);
    case Cmp.Ne:
      return !(a.used === b.used && subset(a, b));
    case Cmp.Le:
      return subset(a, b);
    case Cmp.Ge:
      return subset(b, a);
    case Cmp.Lt:
      return a.used < b.used && subset(a, b);
    case Cmp.Gt:
      return a.used > b.used && subset(b, a);
  }
}
/** set_intersection: iterates the smaller set (or the other iterable) and adds common keys. */
function intersect(self: PySet, other: PyObject, likeOf: PyObject): PySet {
  const result = makeLike(likeOf);
  if (other instanceof PySet) {
    let a = self;
    let b = other;
    if (b.used > a.used) {
      a = other;
      b = self;
    }
    // iterate b (the smaller), test in a
    for (const [k, h] of b.entries()) if (a.lookup(k, h) >= 0) result.addEntry(k, h);
    return result;
  }
  ops.iterate(other, (k) => {
    const h = ops.hash(k);
    if (self.lookup(k, h) >= 0) result.addEntry(k, h);
  });
  return result;
}
function difference(self: PySet, other: PyObject, likeOf: PyObject): PySet {
  const result = makeLike(likeOf);
  const o = other instanceof PySet ? other : null;
  if (o === null) {
    // copy then discard each
    result.mergeSet(self);
    ops.iterate(other, (k) => {
      result.discard(k);
    });
    return result;
  }
  if (self.used >> 2 > o.used) {
    result.mergeSet(self);
    for (const k of o.items()) result.discard(k);
    return result;
  }
  for (const [k, h] of self.entries()) if (o.lookup(k, h) < 0) result.addEntry(k, h);
  return result;
}
function symDiff(self: PyObject, other: PyObject): PySet {
  // CPython: result = copy of other (as set); then symmetric_difference_update with self... done as set_symmetric_difference
  const o = asSet(other);
  const result = makeLike(self);
  result.mergeSet(o);
  for (const [k, h] of S(self).entries()) {
    const i = result.lookup(k, h);
    if (i >= 0) result.discard(k);
    else result.addEntry(k, h);
  }
  return result;
}

// ---- set only (mutating)
defStaticMethod(SetType, "__new__", (args) => {
  const cls = args[0] as PyType;
  const s = new PySet(cls);
  if (cls !== SetType && cls.instDict) s.dict = new PyDict();
  return s;
});
defMethod(SetType, "__init__", (self, args, kw) => {
  if (kw !== null && kw.length) throw typeError("set() takes no keyword arguments");
  if (args.length > 1) throw typeError(`set expected at most 1 argument, got ${args.length}`);
  S(self).clear();
  if (args.length) S(self).update(args[0]);
  return None;
});
SetType.dict.setStr("__hash__", None);
defMethod(SetType, "add", (self, args) => {
  arity("add", args, null, 1);
  S(self).add(args[0]);
  return None;
});
defMethod(SetType, "discard", (self, args) => {
  arity("discard", args, null, 1);
  S(self).discard(args[0]);
  return None;
});
defMethod(SetType, "remove", (self, args) => {
  arity("remove", args, null, 1);
  if (!S(self).discard(args[0])) throw keyError(args[0]);
  return None;
});
defMethod(SetType, "pop", (self) => S(self).pop());
defMethod(SetType, "clear", (self) => {
  S(self).clear();
  return None;
});
defMethod(SetType, "update", (self, args) => {
  for (const a of args) S(self).update(a);
  return None;
});
function replaceContents(self: PySet, src: PySet): void {
  self.keys = src.keys;
  self.hashes = src.hashes;
  self.mask = src.mask;
  self.fill = src.fill;
  self.used = src.used;
  self.version++;
}
defMethod(SetType, "intersection_update", (self, args) => {
  let cur = S(self);
  for (const o of args) cur = intersect(cur, o, self);
  replaceContents(S(self), cur);
  return None;
});
defMethod(SetType, "difference_update", (self, args) => {
  for (const o of args) {
    if (o === self) S(self).clear();
    else
      ops.iterate(o, (k) => {
        S(self).discard(k);
      });
  }
  return None;
});
defMethod(SetType, "symmetric_difference_update", (self, args) => {
  const o = args[0] === self ? newSet(null) : asSet(args[0]);
  if (args[0] === self) {
    S(self).clear();
    return None;
  }
  for (const [k, h] of o.entries()) {
    if (S(self).lookup(k, h) >= 0) S(self).discard(k);
    else S(self).addEntry(k, h);
  }
  return None;
});
defMethod(SetType, "__ior__", (self, args) => {
  if (!isSetLike(args[0])) return NotImplemented;
  S(self).mergeSet(args[0]);
  return self;
});
defMethod(SetType, "__iand__", (self, args) => {
  if (!isSetLike(args[0])) return NotImplemented;
  replaceContents(S(self), intersect(S(self), args[0], self));
  return self;
});
defMethod(SetType, "__isub__", (self, args) => {
  if (!isSetLike(args[0])) return NotImplemented;
  if (args[0] === self) S(self).clear();
  else for (const k of args[0].items()) S(self).discard(k);
  return self;
});
defMethod(SetType, "__ixor__", (self, args) => {
  if (!isSetLike(args[0])) return NotImplemented;
  if (args[0] === self) {
    S(self).clear();
    return self;
  }
  for (const [k, h] of args[0].entries()) {
    if (S(self).lookup(k, h) >= 0) S(self).discard(k);
    else S(self).addEntry(k, h);
  }
  return self;
});
SetType.dict.setStr("__class_getitem__", new PyMethodDescr("__class_getitem__", SetType, (cls, args) => ops.makeGenericAlias(cls, args[0]), ClassMethodDescrType));

// ---- frozenset
defStaticMethod(FrozenSetType, "__new__", (args, kw) => {
  if (kw !== null && kw.length) throw typeError("frozenset() takes no keyword arguments");
  const cls = args[0] as PyType;
  if (args.length > 2) throw typeError(`frozenset expected at most 1 argument, got ${args.length - 1}`);
  if (cls === FrozenSetType && args.length > 1 && typeOf(args[1]) === FrozenSetType) return args[1];
  const s = new PySet(cls);
  if (cls !== FrozenSetType && cls.instDict) s.dict = new PyDict();
  if (args.length > 1) s.update(args[1]);
  return s;
});
const M64 = (1n << 64n) - 1n;
function shuffle(h: bigint): bigint {
  return (((h ^ 89869747n) ^ ((h << 16n) & M64)) * 3644798167n) & M64;
}
FrozenSetType.slots.hash = (self) => {
  const s = S(self);
  let h = 0n;
  for (const [, kh] of s.entries()) h ^= shuffle(BigInt.asUintN(64, BigInt(kh)));
  h ^= ((BigInt(s.used) + 1n) * 1927868237n) & M64;
  h ^= (h >> 11n) ^ (h >> 25n);
  h = (h * 69069n + 907133923n) & M64;
  if (h === M64) h = 590923713n;
  const signed = BigInt.asIntN(64, h);
  return signed >= -9007199254740991n && signed <= 9007199254740991n ? Number(signed) : signed;
};
defMethod(FrozenSetType, "__hash__", (self) => FrozenSetType.slots.hash!(self));
FrozenSetType.dict.setStr(
  "__class_getitem__",
  new PyMethodDescr("__class_getitem__", FrozenSetType, (cls, args) => ops.makeGenericAlias(cls, args[0]), ClassMethodDescrType),
);
export { KeyErrorType };
