// The CodeObject the compiler produces and the VM runs: CPython's co_* attributes, localsplus layout, line and exception tables.
//
// LAYOUT NOTES FOR THE VM
//  * co_code: Uint32Array, one word per instruction (see opcodes.ts: opcode = w & 0xff, oparg = w >>> 8). Jump targets,
//    exception-table offsets and line-table rows are all INSTRUCTION INDICES.
//  * localsplus (CPython 3.11+ layout): one frame slot per name in co_localsplusnames, with a kind byte per slot in
//    co_localspluskinds (CO_FAST_* bits below). Order: all co_varnames first (arguments first, in signature order:
//    positional-only, positional-or-keyword, keyword-only, *args, **kwargs, then other locals), then the cell variables that
//    are not arguments, then co_freevars. An argument that is also a cell keeps its varnames slot with kind
//    LOCAL|CELL (MAKE_CELL converts the slot's value into a cell at function start). LOAD_FAST/STORE_FAST args and
//    LOAD_DEREF/STORE_DEREF/MAKE_CELL/LOAD_CLOSURE args are all indices into localsplus. COPY_FREE_VARS n copies the
//    function's closure cells into the LAST n slots. co_nlocals = co_varnames.length; frame size =
//    co_localsplusnames.length + co_stacksize.
//  * Function call binding: args fill slots 0..co_argcount+co_kwonlyargcount-1; then *args (if CO_VARARGS) then
//    **kwargs (if CO_VARKEYWORDS) occupy the next slots.
//  * co_consts entries are ConstValue: null (None), boolean, bigint (int), number (float), string (str), BytesConst,
//    ComplexConst, EllipsisConst, ConstTuple, ConstFrozenset, CodeObject. The VM converts them to Python objects once
//    (e.g. lazily per code object) and caches them.
//  * co_positions: Int32Array with 4 entries per instruction: [lineno, end_lineno, col_offset, end_col_offset].
//    Columns are 0-based UTF-8 byte offsets as CPython's co_positions(); -1 means "absent" (CPython's None).
//    co_positions(i) = positions.subarray(4*i, 4*i+4). A lineno of -1 means the instruction has no line (artificial).
//  * co_exceptiontable: ExceptionTableEntry[] sorted by start, non-overlapping. An exception raised by the instruction at
//    index i is handled by the entry with start <= i < end: pop the value stack to `depth` items, push i if `lasti`,
//    push the exception, continue at `target`. No entry -> the exception propagates out of the frame.
import { BytesConst, ComplexConst, EllipsisConst, type ConstantValue } from "./ast";

// co_flags bits (CPython's exact values).
export const CO_OPTIMIZED = 0x0001;
export const CO_NEWLOCALS = 0x0002;
export const CO_VARARGS = 0x0004;
export const CO_VARKEYWORDS = 0x0008;
export const CO_NESTED = 0x0010;
export const CO_GENERATOR = 0x0020;
export const CO_NOFREE = 0x0040;
export const CO_COROUTINE = 0x0080;
export const CO_ITERABLE_COROUTINE = 0x0100;
export const CO_ASYNC_GENERATOR = 0x0200;
// __future__ flags (also accepted in compile()'s flags argument).
export const CO_FUTURE_DIVISION = 0x20000;
export const CO_FUTURE_ABSOLUTE_IMPORT = 0x40000;
export const CO_FUTURE_WITH_STATEMENT = 0x80000;
export const CO_FUTURE_PRINT_FUNCTION = 0x100000;
export const CO_FUTURE_UNICODE_LITERALS = 0x200000;
export const CO_FUTURE_BARRY_AS_BDFL = 0x400000;
export const CO_FUTURE_GENERATOR_STOP = 0x800000;
export const CO_FUTURE_ANNOTATIONS = 0x1000000;
// compile() flags (PyCF_*).
export const PyCF_SOURCE_IS_UTF8 = 0x0100;
export const PyCF_DONT_IMPLY_DEDENT = 0x0200;
export const PyCF_ONLY_AST = 0x0400;
export const PyCF_IGNORE_COOKIE = 0x0800;
export const PyCF_TYPE_COMMENTS = 0x1000;
export const PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000;
export const PyCF_ALLOW_INCOMPLETE_INPUT = 0x4000;
/** Future flags a compile() caller may pass and which code objects inherit. */
export const PyCF_MASK =
  CO_FUTURE_DIVISION | CO_FUTURE_ABSOLUTE_IMPORT | CO_FUTURE_WITH_STATEMENT | CO_FUTURE_PRINT_FUNCTION |
  CO_FUTURE_UNICODE_LITERALS | CO_FUTURE_BARRY_AS_BDFL | CO_FUTURE_GENERATOR_STOP | CO_FUTURE_ANNOTATIONS;

// localsplus slot kinds (CPython's CO_FAST_* values).
export const CO_FAST_HIDDEN = 0x10;
export const CO_FAST_LOCAL = 0x20;
export const CO_FAST_CELL = 0x40;
export const CO_FAST_FREE = 0x80;

/** A tuple constant (elements are constants themselves). */
export class ConstTuple {
  constructor(readonly items: readonly ConstValue[]) {}
}
/** A frozenset constant (from `x in {1, 2}` folding); items in insertion order, no duplicates. */
export class ConstFrozenset {
  constructor(readonly items: readonly ConstValue[]) {}
}

export type ConstValue = ConstantValue | ConstTuple | ConstFrozenset | CodeObject;

export interface ExceptionTableEntry {
  /** First covered instruction index. */
  start: number;
  /** One past the last covered instruction index. */
  end: number;
  /** Handler instruction index. */
  target: number;
  /** Value-stack depth to unwind to before pushing (lasti and) the exception. */
  depth: number;
  /** Whether the raising instruction's index is pushed before the exception. */
  lasti: boolean;
}

/** Everything needed to build a CodeObject. */
export interface CodeObjectInit {
  co_name: string;
  co_qualname: string;
  co_filename: string;
  co_firstlineno: number;
  co_argcount: number;
  co_posonlyargcount: number;
  co_kwonlyargcount: number;
  co_flags: number;
  co_stacksize: number;
  co_code: Uint32Array;
  co_consts: ConstValue[];
  co_names: string[];
  co_localsplusnames: string[];
  co_localspluskinds: Uint8Array;
  co_positions: Int32Array;
  co_exceptiontable: ExceptionTableEntry[];
}

export class CodeObject {
  readonly co_name: string;
  readonly co_qualname: string;
  readonly co_filename: string;
  readonly co_firstlineno: number;
  readonly co_argcount: number;
  readonly co_posonlyargcount: number;
  readonly co_kwonlyargcount: number;
  readonly co_flags: number;
  readonly co_stacksize: number;
  readonly co_code: Uint32Array;
  readonly co_consts: ConstValue[];
  readonly co_names: string[];
  readonly co_localsplusnames: string[];
  readonly co_localspluskinds: Uint8Array;
  readonly co_positions: Int32Array;
  readonly co_exceptiontable: ExceptionTableEntry[];
  /** Names of plain locals (and arguments), in slot order: the first co_nlocals localsplus slots. */
  readonly co_varnames: string[];
  /** Names of cell variables (CO_FAST_CELL slots, including cell arguments), in slot order. */
  readonly co_cellvars: string[];
  /** Names of free variables (CO_FAST_FREE slots): the last co_freevars.length slots. */
  readonly co_freevars: string[];
  readonly co_nlocals: number;

  constructor(init: CodeObjectInit) {
    this.co_name = init.co_name;
    this.co_qualname = init.co_qualname;
    this.co_filename = init.co_filename;
    this.co_firstlineno = init.co_firstlineno;
    this.co_argcount = init.co_argcount;
    this.co_posonlyargcount = init.co_posonlyargcount;
    this.co_kwonlyargcount = init.co_kwonlyargcount;
    this.co_flags = init.co_flags;
    this.co_stacksize = init.co_stacksize;
    this.co_code = init.co_code;
    this.co_consts = init.co_consts;
    this.co_names = init.co_names;
    this.co_localsplusnames = init.co_localsplusnames;
    this.co_localspluskinds = init.co_localspluskinds;
    this.co_positions = init.co_positions;
    this.co_exceptiontable = init.co_exceptiontable;
    const varnames: string[] = [];
    const cellvars: string[] = [];
    const freevars: string[] = [];
    init.co_localsplusnames.forEach((name, i) => {
      const kind = init.co_localspluskinds[i];
      if (kind & CO_FAST_LOCAL) varnames.push(name);
      if (kind & CO_FAST_CELL) cellvars.push(name);
      if (kind & CO_FAST_FREE) freevars.push(name);
    });
    this.co_varnames = varnames;
    this.co_cellvars = cellvars;
    this.co_freevars = freevars;
    this.co_nlocals = varnames.length;
  }

  /** Number of instructions. */
  get length(): number {
    return this.co_code.length;
  }

  /** (lineno, end_lineno, col, end_col) of instruction i; -1 entries are "absent". */
  position(i: number): [number, number, number, number] {
    const p = this.co_positions;
    return [p[4 * i], p[4 * i + 1], p[4 * i + 2], p[4 * i + 3]];
  }

  /** Source line of instruction i, or -1 when it has none. */
  lineOf(i: number): number {
    return this.co_positions[4 * i];
  }

  /** The exception table entry handling instruction i, or undefined. */
  handlerFor(i: number): ExceptionTableEntry | undefined {
    const table = this.co_exceptiontable;
    let lo = 0;
    let hi = table.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = table[mid];
      if (i < e.start) hi = mid - 1;
      else if (i >= e.end) lo = mid + 1;
      else return e;
    }
    return undefined;
  }

  /** Nested code objects among the constants (functions, lambdas, class bodies, genexprs ...). */
  *nestedCode(): IterableIterator<CodeObject> {
    for (const c of this.co_consts) if (c instanceof CodeObject) yield c;
  }
}

/**
 * A key identifying a constant for deduplication in co_consts, distinguishing what CPython distinguishes:
 * 1 vs 1.0 vs True, 0.0 vs -0.0, str vs bytes, and tuples/frozensets by their items' keys.
 */
export function constKey(v: ConstValue): string {
  if (v === null) return "N";
  switch (typeof v) {
    case "boolean":
      return v ? "T" : "F";
    case "bigint":
      return "i" + v.toString();
    case "number":
      return "f" + (Object.is(v, -0) ? "-0" : String(v));
    case "string":
      return "s" + v;
    case "symbol":
      return "E";
    default:
      break;
  }
  if (v instanceof BytesConst) return "b" + Buffer.from(v.value).toString("latin1");
  if (v instanceof ComplexConst) return "c" + numKey(v.real) + "," + numKey(v.imag);
  if (v instanceof ConstTuple) return "t(" + v.items.map(constKey).join("\u0000") + ")";
  if (v instanceof ConstFrozenset) return "z(" + v.items.map(constKey).join("\u0000") + ")";
  if (v instanceof CodeObject) throw new Error("code objects have no constant key (they are never deduplicated)");
  throw new Error("unknown constant kind");
}
function numKey(n: number): string {
  return Object.is(n, -0) ? "-0" : String(n);
}

export { BytesConst, ComplexConst, EllipsisConst };
