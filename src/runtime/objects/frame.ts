// frame and traceback objects as Python sees them (f_back, f_globals, f_locals, f_lineno, f_code; tb_*).
import { PyDict, PyObject, None, PyModule } from "../core";
import { defGetSet, defMethod } from "../define";
import { Frame, FrameType, PyTraceback, TracebackType } from "../interpreter";
import * as ops from "../ops";

function F(x: PyObject): Frame {
  return x as Frame;
}
/** f_locals: the locals mapping, or a snapshot dict of fast locals and cells for function frames. */
export function frameLocals(f: Frame): PyObject {
  if (f.locals !== null) return f.locals;
  const d = new PyDict();
  const names = f.code.co_localsplusnames;
  for (let i = 0; i < names.length; i++) {
    let v = f.fast[i];
    if (v !== undefined && (f.code.co_localspluskinds[i] & 0xc0) !== 0 && v instanceof cellClass()) v = (v as { value: PyObject | undefined }).value;
    if (v !== undefined) d.setStr(names[i], v);
  }
  return d;
}
import { PyCell } from "../core";
function cellClass(): typeof PyCell {
  return PyCell;
}
defGetSet(FrameType, "f_back", (x) => F(x).back ?? None);
defGetSet(FrameType, "f_globals", (x) => F(x).globals);
defGetSet(FrameType, "f_builtins", (x) => F(x).builtins);
defGetSet(FrameType, "f_locals", (x) => frameLocals(F(x)));
defGetSet(FrameType, "f_lineno", (x) => F(x).lineno);
defGetSet(FrameType, "f_lasti", (x) => Math.max(0, F(x).lasti) * 2);
defGetSet(FrameType, "f_code", (x) => F(x).pcode);
defGetSet(FrameType, "f_trace", (x) => F(x).trace, (x, v) => {
  F(x).trace = v ?? None;
});
defMethod(FrameType, "clear", () => None);
FrameType.slots.repr = (x) =>
  `<frame at 0x${ops.identityHash(x).toString(16).padStart(12, "0")}, file '${F(x).code.co_filename}', line ${F(x).lineno}, code ${F(x).code.co_name}>`;

function T(x: PyObject): PyTraceback {
  return x as PyTraceback;
}
defGetSet(TracebackType, "tb_frame", (x) => T(x).frame);
defGetSet(TracebackType, "tb_lineno", (x) => T(x).lineno);
defGetSet(TracebackType, "tb_lasti", (x) => T(x).lasti * 2);
defGetSet(TracebackType, "tb_next", (x) => T(x).next ?? None, (x, v) => {
  T(x).next = v === None || v === null ? null : (v as PyTraceback);
});
export { PyModule };
