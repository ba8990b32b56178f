// types.GenericAlias (list[int] and friends): origin/args/parameters, repr, equality, calling, __mro_entries__.
import { makeBuiltinType, ObjectType, PyBase, PyObject, PyTuple, PyType, None, Ellipsis, typeError, typeOf, NotImplemented, EMPTY_TUPLE, PyList } from "../core";
import * as ops from "../ops";
import { defGetSet, defMethod, defStaticMethod } from "../define";
import { tupleHash } from "../numeric/hash";

export const GenericAliasType = makeBuiltinType("GenericAlias", ObjectType, { alloc: (cls) => new PyGenericAlias(cls, None, EMPTY_TUPLE) });
GenericAliasType.dict.setStr("__module__", "types");
export class PyGenericAlias extends PyBase {
  starred = false;
  constructor(
    type: PyType,
    public origin: PyObject,
    public args: PyTuple,
  ) {
    super(type);
  }
}
function G(x: PyObject): PyGenericAlias {
  return x as PyGenericAlias;
}
export function makeGenericAlias(origin: PyObject, args: PyObject): PyObject {
  return new PyGenericAlias(GenericAliasType, origin, args instanceof PyTuple ? args : new PyTuple([args]));
}
ops.setMakeGenericAlias(makeGenericAlias);

function argRepr(a: PyObject): string {
  if (a === Ellipsis) return "...";
  if (a instanceof PyList) return "[" + a.items.map(argRepr).join(", ") + "]";
  if (ops.getAttrOpt(a, "__origin__") !== undefined && ops.getAttrOpt(a, "__args__") !== undefined) return ops.repr(a);
  if (a instanceof PyType) {
    const mod = a.moduleName;
    return mod === "builtins" ? a.qualname : `${mod}.${a.qualname}`;
  }
  return ops.repr(a);
}
GenericAliasType.slots.repr = (x) => {
  const g = G(x);
  const args = g.args.items;
  const inner = args.length === 0 ? "()" : args.map(argRepr).join(", ");
  return `${g.starred ? "*" : ""}${argRepr(g.origin)}[${inner}]`;
};
GenericAliasType.slots.call = (x, args, kw) => {
  const r = ops.call(G(x).origin, args, kw);
  try {
    if (r instanceof PyBase && r.dict !== null) r.dict.setStr("__orig_class__", x);
  } catch {
    /* ignored as in CPython */
  }
  return r;
};
GenericAliasType.slots.hash = (x) => tupleHash([ops.hash(G(x).origin), ops.hash(G(x).args)]);
const ATTR_EXCEPTIONS = new Set(["__class__", "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__"]);
GenericAliasType.slots.getattro = (x, name, suppress) => {
  if (!ATTR_EXCEPTIONS.has(name)) {
    const r = ops.getAttrOpt(G(x).origin, name);
    if (r !== undefined) return r;
  }
  return ops.genericGetAttr(x, name, suppress);
};
defGetSet(GenericAliasType, "__origin__", (x) => G(x).origin);
defGetSet(GenericAliasType, "__args__", (x) => G(x).args);
defGetSet(GenericAliasType, "__unpacked__", (x) => G(x).starred);
defGetSet(GenericAliasType, "__parameters__", (x) => {
  const out: PyObject[] = [];
  for (const a of G(x).args.items) {
    if (a instanceof PyType) continue;
    if (ops.getAttrOpt(a, "__typing_subst__") !== undefined) {
      if (!out.includes(a)) out.push(a);
      continue;
    }
    const p = ops.getAttrOpt(a, "__parameters__");
    if (p instanceof PyTuple) for (const q of p.items) if (!out.includes(q)) out.push(q);
  }
  return new PyTuple(out);
});
defMethod(GenericAliasType, "__mro_entries__", (x) => new PyTuple([G(x).origin]));
defMethod(GenericAliasType, "__instancecheck__", () => {
  throw typeError("isinstance() argument 2 cannot be a parameterized generic");
});
defMethod(GenericAliasType, "__subclasscheck__", () => {
  throw typeError("issubclass() argument 2 cannot be a parameterized generic");
});
defMethod(GenericAliasType, "__eq__", (x, a) => {
  const o = a[0];
  if (!(o instanceof PyGenericAlias)) return NotImplemented;
  return o.starred === G(x).starred && ops.eq(G(x).origin, o.origin) && ops.eq(G(x).args, o.args);
});
defMethod(GenericAliasType, "__getitem__", (x, a) => {
  const params = ops.getAttr(x, "__parameters__") as PyTuple;
  if (params.items.length === 0) throw typeError(`${ops.repr(x)} is not a generic class`);
  const vals = a[0] instanceof PyTuple ? a[0].items : [a[0]];
  if (vals.length !== params.items.length) {
    throw typeError(`Too ${vals.length > params.items.length ? "many" : "few"} arguments for ${ops.repr(x)}; actual ${vals.length}, expected ${params.items.length}`);
  }
  const subst = (arg: PyObject): PyObject => {
    const i = params.items.indexOf(arg);
    if (i >= 0) return vals[i];
    const p = ops.getAttrOpt(arg, "__parameters__");
    if (p instanceof PyTuple && p.items.length) {
      return ops.getItem(arg, new PyTuple(p.items.map((q) => vals[params.items.indexOf(q)])));
    }
    return arg;
  };
  return makeGenericAlias(G(x).origin, new PyTuple(G(x).args.items.map(subst)));
});
defMethod(GenericAliasType, "__reduce__", (x) => new PyTuple([GenericAliasType, new PyTuple([G(x).origin, G(x).args])]));
defMethod(GenericAliasType, "__dir__", (x) => ops.callMethod(G(x).origin, "__dir__", []));
defStaticMethod(GenericAliasType, "__new__", (args) => {
  if (args.length !== 3) throw typeError(`GenericAlias expected 2 arguments, got ${args.length - 1}`);
  return new PyGenericAlias(args[0] as PyType, args[1], args[2] instanceof PyTuple ? args[2] : new PyTuple([args[2]]));
});
defMethod(GenericAliasType, "__or__", (x, a) => ops.call(unionHook(), [x, a[0]]));
/** types.UnionType construction (X | Y), installed by objects/union.ts when present. */
let unionFactory: PyObject | null = null;
export function setUnionFactory(f: PyObject): void {
  unionFactory = f;
}
function unionHook(): PyObject {
  if (unionFactory === null) throw typeError("unsupported operand type(s) for |: 'types.GenericAlias'");
  return unionFactory;
}
export { typeOf };
