// Loads every builtin type's file and finalises builtin type slots (inheritance + Python-visible dunders for slots).
import "./descr";
import "./type";
import "./int";
import "./float";
import "./str";
import "./slice";
import "./list";
import "./tuple";
import "./dict";
import "./set";
import "./range";
import "./none";
import "./exceptions";
import "./iterators";
import "./generator";
import "./module";
import "./frame";
import "./genericalias";
import "./union";
import "./strformat";
import "./bytes";
import "./memoryview";
import "./complex";
import { allBuiltinTypes, ObjectType, TypeType, DictType, PyMethodDescr, PyObject, PyType, TypeSlots, None, excTypes } from "../core";
import * as ops from "../ops";

type SlotKey = keyof TypeSlots;
const SLOT_DUNDERS: [SlotKey, string][] = [
  ["repr", "__repr__"],
  ["str", "__str__"],
  ["hash", "__hash__"],
  ["len", "__len__"],
  ["iter", "__iter__"],
  ["next", "__next__"],
  ["bool", "__bool__"],
  ["call", "__call__"],
  ["descrGet", "__get__"],
  ["descrSet", "__set__"],
];

function dunderFor(t: PyType, key: SlotKey): PyMethodDescr | null {
  switch (key) {
    case "repr":
      return new PyMethodDescr("__repr__", t, (self) => t.slots.repr!(self));
    case "str":
      return new PyMethodDescr("__str__", t, (self) => t.slots.str!(self));
    case "hash":
      return new PyMethodDescr("__hash__", t, (self) => t.slots.hash!(self));
    case "len":
      return new PyMethodDescr("__len__", t, (self) => t.slots.len!(self));
    case "iter":
      return new PyMethodDescr("__iter__", t, (self) => t.slots.iter!(self));
    case "next":
      return new PyMethodDescr("__next__", t, (self) => {
        const v = t.slots.next!(self);
        if (v === undefined) throw ops.stopIterationExc();
        return v;
      });
    case "bool":
      return new PyMethodDescr("__bool__", t, (self) => t.slots.bool!(self));
    case "call":
      return new PyMethodDescr("__call__", t, (self, args, kw) => t.slots.call!(self, args, kw));
    case "descrGet":
      return new PyMethodDescr("__get__", t, (self, args) => {
        const obj = args.length ? args[0] : None;
        const type = args.length > 1 && args[1] !== None ? (args[1] as PyType) : ops.typeOfRef(obj);
        return t.slots.descrGet!(self, obj === None ? null : obj, type);
      });
    case "descrSet":
      if (t.dict.getStr("__delete__") === undefined) {
        t.dict.setStr("__delete__", new PyMethodDescr("__delete__", t, (self, args) => {
          t.slots.descrSet!(self, args[0], null);
          return None;
        }));
      }
      return new PyMethodDescr("__set__", t, (self, args) => {
        t.slots.descrSet!(self, args[0], args[1]);
        return None;
      });
    default:
      return null;
  }
}

let finalised = false;
/** Inherits missing slots along each builtin type's MRO and exposes slots as dunder methods. Idempotent. */
export function finaliseBuiltinTypes(): void {
  if (finalised) return;
  finalised = true;
  const all = [ObjectType, TypeType, DictType, ...allBuiltinTypes, ...excTypes.values()];
  const seen = new Set<PyType>();
  for (const t of all) {
    if (seen.has(t)) continue;
    seen.add(t);
    // own slots -> dunders (only where the dunder is not already defined on this type)
    for (const [key, dunder] of SLOT_DUNDERS) {
      if (t.slots[key] === undefined) continue;
      if (t.dict.getStr(dunder) !== undefined) continue;
      const base = t.base;
      if (base !== null && base.slots[key] === t.slots[key] && t !== ObjectType) continue;
      if (key === "hash" && t.dict.getStr("__hash__") === None) continue;
      const d = dunderFor(t, key);
      if (d !== null) t.dict.setStr(dunder, d);
    }
  }
  // inherit slots (types created before their base's slots were filled)
  for (const t of seen) {
    for (const m of t.mro.slice(1)) {
      for (const k of Object.keys(m.slots) as SlotKey[]) {
        if (t.slots[k] !== undefined) continue;
        // don't inherit a slot whose dunder is overridden (e.g. __hash__ = None) closer in the MRO
        const dunder = SLOT_DUNDERS.find((x) => x[0] === k)?.[1];
        if (dunder !== undefined) {
          const found = t.lookup(dunder);
          if (found === None) continue;
          if (found !== undefined && !(found instanceof PyMethodDescr && found.owner === m)) {
            let owner: PyType | null = null;
            for (const x of t.mro) if (x.dict.getStr(dunder) !== undefined) {
              owner = x;
              break;
            }
            if (owner !== null && owner !== m && owner.slots[k] === undefined) continue;
          }
        }
        (t.slots as Record<string, unknown>)[k] = m.slots[k];
      }
    }
    t.cache.clear();
  }
}
export type { PyObject };
