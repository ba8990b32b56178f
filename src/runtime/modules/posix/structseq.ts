// Struct sequences with attribute-only ("hidden") fields, as CPython's PyStructSequence (os.stat_result,
// time.struct_time, ...): a tuple subclass of the visible fields, extra fields reachable by name only.
import { makeBuiltinType, TupleType, PyObject, PyType, PyTuple, PyDict, None, typeError, typeOf } from "../../core";
import * as ops from "../../ops";
import { defGetSet, defMethod, defStaticMethod, parseArgs } from "../../define";


export class PyStructSeq extends PyTuple {
  constructor(
    items: PyObject[],
    public hidden: PyObject[],
    type: PyType,
  ) {
    super(items, type);
  }
}

export function makeStructSeqType(qualname: string, module: string, visible: string[], hidden: string[], fill?: (items: PyObject[], hidden: PyObject[]) => void): PyType {
  const name = qualname.split(".").pop()!;
  const t = makeBuiltinType(name, TupleType, { subclassable: true });
  t.dict.setStr("__module__", module);
  visible.forEach((f, i) => defGetSet(t, f, (self) => (self as PyTuple).items[i]));
  hidden.forEach((f, i) => defGetSet(t, f, (self) => (self instanceof PyStructSeq ? self.hidden[i] : None)));
  t.slots.repr = (self) => {
    const it = (self as PyTuple).items;
    return `${qualname}(${visible.map((f, i) => `${f}=${ops.repr(it[i])}`).join(", ")})`;
  };
  t.dict.setStr("n_fields", visible.length + hidden.length);
  t.dict.setStr("n_sequence_fields", visible.length);
  t.dict.setStr("n_unnamed_fields", 0);
  t.dict.setStr("__match_args__", new PyTuple(visible.slice()));
  defStaticMethod(t, "__new__", (args, kw) => {
    const [cls, seq, dict] = parseArgs(`${name}.__new__`, args, kw, ["cls", "sequence", "dict"], 2);
    const items = ops.toArray(seq!);
    const min = visible.length;
    const max = visible.length + hidden.length;
    if (items.length < min) throw typeError(`${qualname}() takes an at least ${min}-sequence (${items.length}-sequence given)`);
    if (items.length > max) throw typeError(`${qualname}() takes an at most ${max}-sequence (${items.length}-sequence given)`);
    const hid = items.slice(min);
    while (hid.length < hidden.length) {
      const k = hidden[hid.length];
      const v = dict instanceof PyDict ? dict.getStr(k) : undefined;
      hid.push(v ?? None);
    }
    const vis = items.slice(0, min);
    if (fill) fill(vis, hid);
    return new PyStructSeq(vis, hid, cls as PyType);
  });
  defMethod(t, "__reduce__", (self) => {
    const s = self as PyStructSeq;
    const d = new PyDict();
    hidden.forEach((f, i) => d.setStr(f, s.hidden[i] ?? None));
    return new PyTuple([typeOf(self), new PyTuple([new PyTuple(s.items.slice()), d])]);
  });
  return t;
}

