// _typing: the C-level typing primitives of 3.12 (TypeVar, ParamSpec, TypeVarTuple, ParamSpecArgs/Kwargs, Generic,
// TypeAliasType, _idfunc). Substitution and Generic's subscription delegate to typing.py's helpers, as CPython does.
import { makeBuiltinType, ObjectType, PyBase, PyObject, PyType, PyTuple, PyDict, None, typeError, typeOf, PyClassMethod, PyMethodDescr, ClassMethodDescrType, TypeType } from "../core";
import * as ops from "../ops";
import { defGetSet, defMethod, defStaticMethod, makeModule, parseArgs, builtinFunction, splitKw } from "../define";
import { registerNativeModule } from "./registry";
import { importModule } from "../import";
import { ts, typingHooks } from "../interpreter";
import { PyFunction } from "../core";

function typing(name: string): PyObject {
  return ops.getAttr(importModule("typing"), name);
}
function callerModule(): PyObject {
  const f = ts.frame;
  const m = f === null ? undefined : f.globals.getStr("__name__");
  return m ?? None;
}
function mk(name: string): PyType {
  const t = makeBuiltinType(name, ObjectType, { subclassable: false });
  t.dict.setStr("__module__", "typing");
  t.instDict = true;
  return t;
}

export const TypeVarType = mk("TypeVar");
export const ParamSpecType = mk("ParamSpec");
export const TypeVarTupleType = mk("TypeVarTuple");
export const ParamSpecArgsType = mk("ParamSpecArgs");
export const ParamSpecKwargsType = mk("ParamSpecKwargs");
export const TypeAliasTypeType = mk("TypeAliasType");

class PyTypeParam extends PyBase {
  constructor(type: PyType, public name: string) {
    super(type);
    this.dict = new PyDict();
  }
  get(n: string): PyObject {
    return this.dict!.getStr(n) ?? None;
  }
}
function P(x: PyObject): PyTypeParam {
  return x as PyTypeParam;
}
function typeCheckBound(b: PyObject, msg: string): PyObject {
  if (b === None) return None;
  return ops.call(typing("_type_check"), [b, msg]);
}

defStaticMethod(TypeVarType, "__new__", (args, kw) => {
  const { pos, kw: kwd } = splitKw(args.slice(1), kw);
  if (pos.length < 1) throw typeError("TypeVar() missing required argument 'name' (pos 1)");
  const name = ops.pyStr(pos[0]);
  const constraints = pos.slice(1);
  const get = (k: string): PyObject => kwd?.getStr(k) ?? None;
  const covariant = ops.truthy(get("covariant") === None ? false : get("covariant"));
  const contravariant = ops.truthy(get("contravariant") === None ? false : get("contravariant"));
  const infer = ops.truthy(get("infer_variance") === None ? false : get("infer_variance"));
  if (covariant && contravariant) throw ops.valueErrorRef("Bivariant types are not supported.");
  if (infer && (covariant || contravariant)) throw ops.valueErrorRef("Variance cannot be specified with infer_variance.");
  if (constraints.length === 1) throw typeError("A single constraint is not allowed");
  const bound = get("bound");
  if (bound !== None && constraints.length) throw typeError("Constraints cannot be combined with bound=...");
  const tv = new PyTypeParam(TypeVarType, name);
  const d = tv.dict!;
  d.setStr("__name__", name);
  d.setStr("__bound__", typeCheckBound(bound, "Bound must be a type."));
  d.setStr("__constraints__", new PyTuple(constraints.map((c) => ops.call(typing("_type_check"), [c, "TypeVar(name, constraint, ...): constraints must be types."]))));
  d.setStr("__covariant__", covariant);
  d.setStr("__contravariant__", contravariant);
  d.setStr("__infer_variance__", infer);
  d.setStr("__module__", callerModule());
  return tv;
});
function variancePrefix(x: PyObject): string {
  if (ops.truthy(P(x).get("__infer_variance__"))) return "";
  if (ops.truthy(P(x).get("__covariant__"))) return "+";
  if (ops.truthy(P(x).get("__contravariant__"))) return "-";
  return "~";
}
TypeVarType.slots.repr = (x) => variancePrefix(x) + P(x).name;
ParamSpecType.slots.repr = (x) => variancePrefix(x) + P(x).name;
TypeVarTupleType.slots.repr = (x) => P(x).name;
for (const t of [TypeVarType, ParamSpecType, TypeVarTupleType]) {
  t.slots.hash = (x) => ops.identityHash(x) >> 4;
  defMethod(t, "__or__", (x, a) => ops.getItem(typing("Union"), new PyTuple([x, a[0]])));
  defMethod(t, "__ror__", (x, a) => ops.getItem(typing("Union"), new PyTuple([a[0], x])));
  defMethod(t, "__reduce__", (x) => P(x).name);
  defMethod(t, "__mro_entries__", () => {
    throw typeError(`Cannot subclass an instance of ${t.name}`);
  });
}
defMethod(TypeVarType, "__typing_subst__", (x, a) => ops.call(typing("_typevar_subst"), [x, a[0]]));
defMethod(ParamSpecType, "__typing_subst__", (x, a) => ops.call(typing("_paramspec_subst"), [x, a[0]]));
defMethod(ParamSpecType, "__typing_prepare_subst__", (x, a) => ops.call(typing("_paramspec_prepare_subst"), [x, a[0], a[1]]));
defMethod(TypeVarTupleType, "__typing_prepare_subst__", (x, a) => ops.call(typing("_typevartuple_prepare_subst"), [x, a[0], a[1]]));
defMethod(TypeVarTupleType, "__iter__", (x) => ops.getIter(new PyTuple([ops.getItem(typing("Unpack"), x)])));

defStaticMethod(ParamSpecType, "__new__", (args, kw) => {
  const [name, bound, covariant, contravariant, infer] = parseArgs("ParamSpec", args.slice(1), kw, ["name", "bound", "covariant", "contravariant", "infer_variance"], 1, 0, 1);
  const ps = new PyTypeParam(ParamSpecType, ops.pyStr(name!));
  const d = ps.dict!;
  d.setStr("__name__", ps.name);
  d.setStr("__bound__", typeCheckBound(bound ?? None, "Bound must be a type."));
  d.setStr("__covariant__", covariant !== undefined && ops.truthy(covariant));
  d.setStr("__contravariant__", contravariant !== undefined && ops.truthy(contravariant));
  d.setStr("__infer_variance__", infer !== undefined && ops.truthy(infer));
  d.setStr("__module__", callerModule());
  return ps;
});
defGetSet(ParamSpecType, "args", (x) => {
  const a = new PyTypeParam(ParamSpecArgsType, P(x).name);
  a.dict!.setStr("__origin__", x);
  return a;
});
defGetSet(ParamSpecType, "kwargs", (x) => {
  const a = new PyTypeParam(ParamSpecKwargsType, P(x).name);
  a.dict!.setStr("__origin__", x);
  return a;
});
ParamSpecArgsType.slots.repr = (x) => `${P(x).name}.args`;
ParamSpecKwargsType.slots.repr = (x) => `${P(x).name}.kwargs`;
for (const t of [ParamSpecArgsType, ParamSpecKwargsType]) {
  defMethod(t, "__eq__", (x, a) => (a[0] instanceof PyTypeParam && typeOf(a[0]) === t ? P(x).get("__origin__") === P(a[0]).get("__origin__") : ops.NotImplementedRefValue()));
}
defStaticMethod(TypeVarTupleType, "__new__", (args, kw) => {
  const [name] = parseArgs("TypeVarTuple", args.slice(1), kw, ["name"], 1);
  const tv = new PyTypeParam(TypeVarTupleType, ops.pyStr(name!));
  tv.dict!.setStr("__name__", tv.name);
  tv.dict!.setStr("__module__", callerModule());
  return tv;
});
defStaticMethod(TypeAliasTypeType, "__new__", (args, kw) => {
  const [name, value, params] = parseArgs("TypeAliasType", args.slice(1), kw, ["name", "value", "type_params"], 2, 0, 2);
  const ta = new PyTypeParam(TypeAliasTypeType, ops.pyStr(name!));
  ta.dict!.setStr("__name__", ta.name);
  ta.dict!.setStr("__evaluated_value__", value!);
  ta.dict!.setStr("__type_params__", params ?? new PyTuple([]));
  ta.dict!.setStr("__module__", callerModule());
  return ta;
});
TypeAliasTypeType.slots.repr = (x) => P(x).name;
defMethod(TypeAliasTypeType, "__getitem__", (x, a) => ops.makeGenericAlias(x, a[0]));

// Generic: a plain (subclassable) class whose hooks call typing.py
export const GenericType = makeBuiltinType("Generic", ObjectType);
GenericType.dict.setStr("__module__", "typing");
GenericType.dict.setStr("__slots__", new PyTuple([]));
GenericType.dict.setStr(
  "__class_getitem__",
  new PyMethodDescr("__class_getitem__", GenericType, (cls, a) => ops.call(typing("_generic_class_getitem"), [cls, a[0]]), ClassMethodDescrType),
);
GenericType.dict.setStr(
  "__init_subclass__",
  new PyMethodDescr("__init_subclass__", GenericType, (cls, a, kw) => ops.call(typing("_generic_init_subclass"), [cls, ...a], kw), ClassMethodDescrType),
);
void PyClassMethod;
void TypeType;

registerNativeModule("_typing", () =>
  makeModule("_typing", {
    _idfunc: builtinFunction("_idfunc", (args) => args[0], "_typing"),
    TypeVar: TypeVarType,
    ParamSpec: ParamSpecType,
    TypeVarTuple: TypeVarTupleType,
    ParamSpecArgs: ParamSpecArgsType,
    ParamSpecKwargs: ParamSpecKwargsType,
    TypeAliasType: TypeAliasTypeType,
    Generic: GenericType,
  }),
);

// PEP 695 intrinsics (CPython's Objects/typevarobject.c entry points)
function makeTypeVar(name: PyObject, bound: PyObject, constraints: PyObject[]): PyObject {
  const tv = new PyTypeParam(TypeVarType, ops.pyStr(name));
  const d = tv.dict!;
  d.setStr("__name__", tv.name);
  // bound/constraints are lazily evaluated functions in 3.12; evaluate now (our annotation scopes run eagerly anyway)
  d.setStr("__bound__", bound === None ? None : ops.call(bound, []));
  d.setStr("__constraints__", constraints.length ? new PyTuple(ops.toArray(ops.call(constraints[0], []))) : new PyTuple([]));
  d.setStr("__covariant__", false);
  d.setStr("__contravariant__", false);
  d.setStr("__infer_variance__", true);
  d.setStr("__module__", callerModule());
  return tv;
}
typingHooks.intrinsic1 = (which, v) => {
  switch (which) {
    case 7:
      return makeTypeVar(v, None, []);
    case 8: {
      const ps = ops.call(ParamSpecType, [v]) as PyTypeParam;
      ps.dict!.setStr("__infer_variance__", true);
      return ps;
    }
    case 9:
      return ops.call(TypeVarTupleType, [v]);
    case 10: {
      const params = v instanceof PyTuple ? v : new PyTuple([v]);
      return ops.call(typing("_generic_class_getitem"), [GenericType, params]);
    }
    case 11: {
      const [name, params, compute] = ops.toArray(v);
      const ta = new PyTypeParam(TypeAliasTypeType, ops.pyStr(name));
      ta.dict!.setStr("__name__", ta.name);
      ta.dict!.setStr("__type_params__", params === None ? new PyTuple([]) : params);
      ta.dict!.setStr("__module__", callerModule());
      ta.dict!.setStr("__compute_value__", compute);
      return ta;
    }
    default:
      throw typeError(`unknown intrinsic ${which}`);
  }
};
typingHooks.intrinsic2 = (which, a, b) => {
  switch (which) {
    case 2:
      return makeTypeVar(a, b, []);
    case 3:
      return makeTypeVar(a, None, [b]);
    case 4:
      if (a instanceof PyFunction) a.typeParams = b;
      return a;
    default:
      throw typeError(`unknown intrinsic ${which}`);
  }
};
defGetSet(TypeAliasTypeType, "__value__", (x) => {
  const d = P(x).dict!;
  const v = d.getStr("__evaluated_value__");
  if (v !== undefined) return v;
  const c = d.getStr("__compute_value__");
  const r = c === undefined ? None : ops.call(c, []);
  d.setStr("__evaluated_value__", r);
  return r;
});
