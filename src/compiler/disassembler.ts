// Disassembler: CPython 3.12 `dis`-style listings of pypack code objects (offsets shown as 2 x instruction index).
import { BytesConst, ComplexConst } from "./ast";
import { CodeObject, ConstFrozenset, ConstTuple, type ConstValue } from "./code";
import { constantRepr } from "./codegen_unparse";
import {
  ArgKind, BINARY_OP_NAMES, COMPARE_OP_NAMES, FormatValueFlag, INTRINSIC1_NAMES, INTRINSIC2_NAMES, instrArg, instrOp, opInfo,
} from "./opcodes";

const OPNAME_WIDTH = 20;
const OPARG_WIDTH = 5;

/** A stable stand-in for CPython's object address in `<code object ... at 0x...>`. */
function codeId(code: CodeObject, ids: Map<CodeObject, number>): string {
  let id = ids.get(code);
  if (id === undefined) {
    id = ids.size + 1;
    ids.set(code, id);
  }
  return "0x" + id.toString(16).padStart(12, "0");
}

export function codeRepr(code: CodeObject, ids: Map<CodeObject, number> = new Map()): string {
  return `<code object ${code.co_name} at ${codeId(code, ids)}, file "${code.co_filename}", line ${code.co_firstlineno}>`;
}

/** repr() of a constant as Python prints it. */
export function constRepr(v: ConstValue, ids: Map<CodeObject, number> = new Map()): string {
  if (v instanceof CodeObject) return codeRepr(v, ids);
  if (v instanceof ConstTuple) {
    const items = v.items.map((x) => constRepr(x, ids));
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(", ")})`;
  }
  if (v instanceof ConstFrozenset) return v.items.length === 0 ? "frozenset()" : `frozenset({${v.items.map((x) => constRepr(x, ids)).join(", ")}})`;
  if (v instanceof BytesConst || v instanceof ComplexConst) return constantRepr(v);
  return constantRepr(v);
}

const FORMAT_NAMES = ["", "str", "repr", "ascii"];
const FUNCTION_ATTR_NAMES: Record<number, string> = { 1: "defaults", 2: "kwdefaults", 4: "annotations", 8: "closure" };

function argRepr(code: CodeObject, kind: ArgKind, arg: number, ids: Map<CodeObject, number>): string {
  const names = code.co_names;
  const local = code.co_localsplusnames;
  switch (kind) {
    case ArgKind.Const:
      return constRepr(code.co_consts[arg], ids);
    case ArgKind.Name:
      return names[arg];
    case ArgKind.GlobalName:
      return (arg & 1 ? "NULL + " : "") + names[arg >> 1];
    case ArgKind.AttrName:
      return (arg & 1 ? "NULL|self + " : "") + names[arg >> 1];
    case ArgKind.SuperAttrName:
      return (arg & 1 ? "NULL|self + " : "") + names[arg >> 2];
    case ArgKind.Local:
    case ArgKind.Deref:
      return local[arg];
    case ArgKind.LocalPair:
      return `${local[arg >> 12]}, ${local[arg & 0xfff]}`;
    case ArgKind.Jump:
      return `to ${arg * 2}`;
    case ArgKind.Compare:
      return COMPARE_OP_NAMES[arg] ?? String(arg);
    case ArgKind.BinaryOp:
      return BINARY_OP_NAMES[arg] ?? String(arg);
    case ArgKind.Intrinsic1:
      return INTRINSIC1_NAMES[arg] ?? String(arg);
    case ArgKind.Intrinsic2:
      return INTRINSIC2_NAMES[arg] ?? String(arg);
    case ArgKind.FormatFlags: {
      const conv = FORMAT_NAMES[arg & FormatValueFlag.ConvMask];
      const spec = arg & FormatValueFlag.HaveSpec ? "with format" : "";
      return [conv, spec].filter((x) => x).join(", ");
    }
    case ArgKind.FunctionAttr:
      return FUNCTION_ATTR_NAMES[arg] ?? String(arg);
    default:
      return "";
  }
}

/** One code object's listing (no recursion). */
export function disassembleOne(code: CodeObject, ids: Map<CodeObject, number> = new Map()): string {
  const n = code.co_code.length;
  let maxLine = 0;
  for (let i = 0; i < n; i++) maxLine = Math.max(maxLine, code.lineOf(i));
  const linenoWidth = maxLine >= 1000 ? String(maxLine).length : 3;
  const maxOffset = 2 * (n - 1);
  const offsetWidth = maxOffset >= 10000 ? String(maxOffset).length : 4;
  const targets = new Set<number>();
  for (let i = 0; i < n; i++) {
    const info = opInfo(instrOp(code.co_code[i]));
    if (info.arg === ArgKind.Jump) targets.add(instrArg(code.co_code[i]));
  }
  for (const e of code.co_exceptiontable) targets.add(e.target);
  const out: string[] = [];
  let lastLine = -2;
  for (let i = 0; i < n; i++) {
    const word = code.co_code[i];
    const info = opInfo(instrOp(word));
    const arg = instrArg(word);
    const line = code.lineOf(i);
    const startsLine = line !== lastLine && line >= 0;
    if (line >= 0) lastLine = line;
    if (startsLine && i > 0) out.push("");
    const fields: string[] = [];
    fields.push(startsLine ? String(line).padStart(linenoWidth) : " ".repeat(linenoWidth));
    fields.push("   ");
    fields.push(targets.has(i) ? ">>" : "  ");
    fields.push(String(2 * i).padStart(offsetWidth));
    fields.push(info.name.padEnd(OPNAME_WIDTH));
    if (info.arg !== ArgKind.None) {
      fields.push(String(arg).padStart(OPARG_WIDTH));
      const r = argRepr(code, info.arg, arg, ids);
      if (r) fields.push("(" + r + ")");
    }
    out.push(fields.join(" ").trimEnd());
  }
  if (code.co_exceptiontable.length > 0) {
    out.push("ExceptionTable:");
    for (const e of code.co_exceptiontable) {
      out.push(`  ${e.start * 2} to ${(e.end - 1) * 2} -> ${e.target * 2} [${e.depth}]${e.lasti ? " lasti" : ""}`);
    }
  }
  return out.join("\n") + "\n";
}

/** Like `dis.dis(code)`: the listing, then every nested code object's, recursively. */
export function disassemble(code: CodeObject, ids: Map<CodeObject, number> = new Map()): string {
  let text = disassembleOne(code, ids);
  for (const c of code.co_consts) {
    if (c instanceof CodeObject) {
      text += `\nDisassembly of ${codeRepr(c, ids)}:\n`;
      text += disassemble(c, ids);
    }
  }
  return text;
}
