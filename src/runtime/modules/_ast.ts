// _ast: the AST node classes (from the compiler's NODE_SPECS table) and conversions between the compiler's AST and
// Python AST objects, used by compile(..., PyCF_ONLY_AST) (ast.parse) and compile(ast_object).
import { NODE_SPECS, SIMPLE_SUMS, BytesConst, ComplexConst, EllipsisConst, type ConstantValue } from "../../compiler/ast";
import type * as A from "../../compiler/ast";
import {
  PyObject,
  PyType,
  PyDict,
  PyList,
  PyTuple,
  PyBase,
  PyBytes,
  PyComplex,
  PyFloat,
  None,
  Ellipsis,
  ObjectType,
  TypeType,
  typeError,
  isInt,
  intValue,
  isStr,
  strValue,
  typeOf,
} from "../core";
import * as ops from "../ops";
import { makeModule, defMethod, splitKw } from "../define";
import { registerNativeModule } from "./registry";
import { typeNew, allocInstance } from "../objects/type";
import { convertConst } from "../interpreter";

let classes: Map<string, PyType> | null = null;
let singletons: Map<string, PyObject> | null = null;

function makeClass(name: string, base: PyType, fields: string[], attributes: string[]): PyType {
  const ns = new PyDict();
  ns.setStr("__module__", "ast");
  ns.setStr("_fields", new PyTuple(fields.slice()));
  ns.setStr("_attributes", new PyTuple(attributes.slice()));
  ns.setStr("__match_args__", new PyTuple(fields.slice()));
  return typeNew(TypeType, name, [base], ns, null);
}

/** Builds every AST class once: AST, the abstract bases (mod, stmt, expr...) and the concrete node classes. */
function astClasses(): Map<string, PyType> {
  if (classes !== null) return classes;
  classes = new Map();
  const ns = new PyDict();
  ns.setStr("__module__", "ast");
  ns.setStr("_fields", new PyTuple([]));
  ns.setStr("_attributes", new PyTuple([]));
  const AST = typeNew(TypeType, "AST", [ObjectType], ns, null);
  defMethod(AST, "__init__", (self, args, kw) => {
    const { pos, kw: kwd } = splitKw(args, kw);
    const fields = ops.toArray(ops.getAttr(typeOf(self), "_fields"));
    if (pos.length > fields.length) throw typeError(`${typeOf(self).name} constructor takes at most ${fields.length} positional argument${fields.length === 1 ? "" : "s"}`);
    pos.forEach((v, i) => ops.setAttr(self, ops.pyStr(fields[i]), v));
    if (kwd !== null) for (const [k, v] of kwd.entries()) ops.setAttr(self, ops.pyStr(k), v);
    return None;
  });
  defMethod(AST, "__reduce__", (self) => new PyTuple([typeOf(self), new PyTuple([]), (self as PyBase).dict ?? None]));
  classes.set("AST", AST);
  const bases = new Set<string>();
  for (const spec of Object.values(NODE_SPECS)) bases.add(spec.base);
  const located = ["lineno", "col_offset", "end_lineno", "end_col_offset"];
  for (const b of bases) {
    if (b === "AST") continue;
    const anyLocated = Object.values(NODE_SPECS).some((s) => s.base === b && s.located);
    classes.set(b, makeClass(b, AST, [], anyLocated ? located : []));
  }
  for (const [name, spec] of Object.entries(NODE_SPECS)) {
    const base = classes.get(spec.base) ?? AST;
    classes.set(name, makeClass(name, base, spec.fields.map((f) => f.name), spec.located ? located : []));
  }
  singletons = new Map();
  for (const members of Object.values(SIMPLE_SUMS)) {
    for (const m of members) singletons.set(m, allocInstance(classes.get(m)!));
  }
  return classes;
}

function constToPy(v: ConstantValue): PyObject {
  return convertConst(v as never);
}

/** Compiler AST -> Python AST objects. */
export function toPyAst(node: unknown): PyObject {
  const cls = astClasses();
  if (node === null || node === undefined) return None;
  if (Array.isArray(node)) return new PyList(node.map(toPyAst));
  if (typeof node === "string") {
    const s = singletons!.get(node);
    return s ?? node;
  }
  if (typeof node === "number") return node;
  if (typeof node !== "object") return None;
  const n = node as { _type: string } & Record<string, unknown>;
  const spec = NODE_SPECS[n._type];
  const t = cls.get(n._type);
  if (spec === undefined || t === undefined) throw typeError(`unknown AST node ${n._type}`);
  const obj = allocInstance(t);
  const d = obj.dict!;
  for (const f of spec.fields) {
    const v = n[f.name];
    if (n._type === "Constant" && f.name === "value") d.setStr("value", constToPy(v as ConstantValue));
    else if (n._type === "MatchSingleton" && f.name === "value") d.setStr("value", constToPy(v as ConstantValue));
    else if (f.type === "int" || f.type === "identifier" || f.type === "identifier?" || f.type === "string" || f.type === "string?" || f.type === "constant") {
      d.setStr(f.name, v === null || v === undefined ? None : typeof v === "bigint" ? Number(v) : (v as PyObject));
    } else d.setStr(f.name, toPyAst(v));
  }
  if (spec.located) {
    for (const a of ["lineno", "col_offset", "end_lineno", "end_col_offset"]) {
      const v = n[a];
      d.setStr(a, typeof v === "number" ? v : None);
    }
  }
  return obj;
}

function pyToConst(v: PyObject): ConstantValue {
  if (v === None) return null;
  if (typeof v === "boolean") return v;
  if (isInt(v)) return BigInt(intValue(v));
  if (v instanceof PyFloat) return v.value;
  if (isStr(v)) return strValue(v);
  if (v instanceof PyBytes) return new BytesConst(v.data);
  if (v instanceof PyComplex) return new ComplexConst(v.real, v.imag);
  if (v === Ellipsis) return EllipsisConst;
  if (v instanceof PyTuple) return v.items.map(pyToConst) as unknown as ConstantValue;
  throw typeError(`got an invalid type in Constant: ${typeOf(v).name}`);
}

/** Python AST objects -> compiler AST. */
export function fromPyAst(obj: PyObject): unknown {
  const cls = astClasses();
  if (obj === None) return null;
  if (obj instanceof PyList) return obj.items.map(fromPyAst);
  if (!(obj instanceof PyBase)) return obj;
  let name: string | null = null;
  for (const t of typeOf(obj).mro) if (NODE_SPECS[t.name] !== undefined && cls.get(t.name) === t) {
    name = t.name;
    break;
  }
  if (name === null) throw typeError(`expected some sort of AST node, but got ${ops.repr(obj)}`);
  const spec = NODE_SPECS[name];
  if (spec.fields.length === 0 && !spec.located && Object.values(SIMPLE_SUMS).some((m) => m.includes(name!))) return name;
  const out: Record<string, unknown> = { _type: name };
  for (const f of spec.fields) {
    const v = ops.getAttrOpt(obj, f.name);
    const optional = f.type.endsWith("?");
    const seq = f.type.endsWith("*");
    if (v === undefined) {
      if (optional) out[f.name] = null;
      else if (seq) out[f.name] = [];
      else throw typeError(`required field "${f.name}" missing from ${name}`);
      continue;
    }
    if ((name === "Constant" || name === "MatchSingleton") && f.name === "value") out.value = pyToConst(v);
    else if (f.type === "int" || f.type === "int?") out[f.name] = v === None ? null : Number(intValue(v));
    else if (f.type.startsWith("identifier") || f.type.startsWith("string")) out[f.name] = v === None ? null : ops.pyStr(v);
    else out[f.name] = fromPyAst(v);
  }
  if (spec.located) {
    for (const a of ["lineno", "col_offset", "end_lineno", "end_col_offset"]) {
      const v = ops.getAttrOpt(obj, a);
      out[a] = v === undefined || v === None ? (a.startsWith("end") ? (out[a.replace("end_", "")] as number) ?? 0 : 0) : Number(intValue(v));
    }
  }
  return out as unknown as A.Node;
}

export function isAstObject(x: PyObject): boolean {
  if (classes === null) return false;
  return ops.isInstanceOf(x, classes.get("AST")!);
}

registerNativeModule("_ast", () => {
  const members: Record<string, PyObject> = {};
  for (const [name, t] of astClasses()) members[name] = t;
  members.PyCF_ONLY_AST = 0x400;
  members.PyCF_TYPE_COMMENTS = 0x1000;
  members.PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000;
  return makeModule("_ast", members);
});
export { PyType };
