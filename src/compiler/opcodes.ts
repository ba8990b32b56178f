// The single opcode table of the pypack VM: numbers, names, operand kinds, stack effects and flags, shared by compiler, disassembler and VM.
//
// ENCODING (what the VM reads): `CodeObject.co_code` is a Uint32Array with ONE 32-bit word per instruction:
//     word = opcode | (oparg << 8)        opcode = word & 0xff,  oparg = word >>> 8   (0 .. 2^24-1, unsigned)
// There is no EXTENDED_ARG and there are no CACHE entries: the VM keeps any inline caches in side arrays indexed by
// instruction index. Every "offset" in this VM (jump targets, exception table, line table, `lasti`) counts
// INSTRUCTIONS, not bytes. The disassembler prints offsets as `2 * index` so listings line up with CPython's `dis`.
//
// JUMPS: the oparg of every jump is the ABSOLUTE instruction index of its target (no relative arithmetic in the VM).
// JUMP_BACKWARD is emitted only when the target index <= the jump's own index (a good place for interrupt checks / hot
// loop counters); JUMP_FORWARD otherwise. POP_JUMP_IF_* and FOR_ITER/SEND jump either way.
//
// SEMANTICS follow CPython 3.12's bytecodes.c (see the comment on each entry for the stack picture) with these differences:
//  * No RESUME, RETURN_GENERATOR, CACHE, EXTENDED_ARG, END_FOR, INTERPRETER_EXIT. A code object with CO_GENERATOR /
//    CO_COROUTINE / CO_ASYNC_GENERATOR makes a call return the generator object directly (the frame starts at
//    instruction 0 when first resumed, and the value sent by the first resume is NOT pushed).
//  * FOR_ITER pops the exhausted iterator itself and jumps to its target (the instruction after the loop).
//  * MAKE_FUNCTION takes only the code object; defaults, kwdefaults, annotations and closure are attached by
//    SET_FUNCTION_ATTRIBUTE (CPython 3.13 style).
//  * Super-instructions: LOAD_FAST_LOAD_FAST (two locals, oparg = a << 12 | b) and STORE_FAST_LOAD_FAST/STORE_FAST_STORE_FAST.
//
// EXCEPTION HANDLING (zero cost): see ExceptionTableEntry in code.ts. When an exception is raised at instruction i and an
// entry covers i: pop the value stack down to entry.depth, if entry.lasti push i (as a Python int), push the exception,
// jump to entry.target.

/** Opcode numbers. Real opcodes are < 256; pseudo-opcodes (>= 256) exist only inside the compiler and are never emitted. */
export enum Op {
  NOP = 0,
  POP_TOP = 1,
  PUSH_NULL = 2,
  END_SEND = 3,
  UNARY_NEGATIVE = 4,
  UNARY_NOT = 5,
  UNARY_INVERT = 6,
  GET_ITER = 7,
  GET_YIELD_FROM_ITER = 8,
  BINARY_SUBSCR = 9,
  BINARY_SLICE = 10,
  STORE_SLICE = 11,
  STORE_SUBSCR = 12,
  DELETE_SUBSCR = 13,
  GET_LEN = 14,
  MATCH_MAPPING = 15,
  MATCH_SEQUENCE = 16,
  MATCH_KEYS = 17,
  PUSH_EXC_INFO = 18,
  CHECK_EXC_MATCH = 19,
  CHECK_EG_MATCH = 20,
  WITH_EXCEPT_START = 21,
  GET_AITER = 22,
  GET_ANEXT = 23,
  BEFORE_ASYNC_WITH = 24,
  BEFORE_WITH = 25,
  END_ASYNC_FOR = 26,
  CLEANUP_THROW = 27,
  RETURN_VALUE = 28,
  SETUP_ANNOTATIONS = 29,
  LOAD_LOCALS = 30,
  POP_EXCEPT = 31,
  LOAD_ASSERTION_ERROR = 32,
  LOAD_BUILD_CLASS = 33,
  // ---- opcodes with an argument ----
  STORE_NAME = 40,
  DELETE_NAME = 41,
  UNPACK_SEQUENCE = 42,
  FOR_ITER = 43,
  UNPACK_EX = 44,
  STORE_ATTR = 45,
  DELETE_ATTR = 46,
  STORE_GLOBAL = 47,
  DELETE_GLOBAL = 48,
  SWAP = 49,
  LOAD_CONST = 50,
  LOAD_NAME = 51,
  BUILD_TUPLE = 52,
  BUILD_LIST = 53,
  BUILD_SET = 54,
  BUILD_MAP = 55,
  LOAD_ATTR = 56,
  COMPARE_OP = 57,
  IMPORT_NAME = 58,
  IMPORT_FROM = 59,
  JUMP_FORWARD = 60,
  JUMP_BACKWARD = 61,
  JUMP_BACKWARD_NO_INTERRUPT = 62,
  POP_JUMP_IF_FALSE = 63,
  POP_JUMP_IF_TRUE = 64,
  POP_JUMP_IF_NONE = 65,
  POP_JUMP_IF_NOT_NONE = 66,
  LOAD_GLOBAL = 67,
  IS_OP = 68,
  CONTAINS_OP = 69,
  RERAISE = 70,
  COPY = 71,
  RETURN_CONST = 72,
  BINARY_OP = 73,
  SEND = 74,
  LOAD_FAST = 75,
  STORE_FAST = 76,
  DELETE_FAST = 77,
  LOAD_FAST_CHECK = 78,
  LOAD_FAST_AND_CLEAR = 79,
  RAISE_VARARGS = 80,
  GET_AWAITABLE = 81,
  MAKE_FUNCTION = 82,
  SET_FUNCTION_ATTRIBUTE = 83,
  BUILD_SLICE = 84,
  MAKE_CELL = 85,
  LOAD_CLOSURE = 86,
  LOAD_DEREF = 87,
  STORE_DEREF = 88,
  DELETE_DEREF = 89,
  COPY_FREE_VARS = 90,
  LOAD_FROM_DICT_OR_DEREF = 91,
  LOAD_FROM_DICT_OR_GLOBALS = 92,
  LOAD_SUPER_ATTR = 93,
  CALL_FUNCTION_EX = 94,
  CALL = 95,
  KW_NAMES = 96,
  LIST_APPEND = 97,
  SET_ADD = 98,
  MAP_ADD = 99,
  LIST_EXTEND = 100,
  SET_UPDATE = 101,
  DICT_MERGE = 102,
  DICT_UPDATE = 103,
  YIELD_VALUE = 104,
  MATCH_CLASS = 105,
  FORMAT_VALUE = 106,
  BUILD_CONST_KEY_MAP = 107,
  BUILD_STRING = 108,
  CALL_INTRINSIC_1 = 109,
  CALL_INTRINSIC_2 = 110,
  // ---- super-instructions (made by the assembler's peephole pass) ----
  LOAD_FAST_LOAD_FAST = 120,
  STORE_FAST_LOAD_FAST = 121,
  STORE_FAST_STORE_FAST = 122,
  // ---- pseudo-opcodes: compiler only, resolved by the assembler ----
  SETUP_FINALLY = 256,
  SETUP_CLEANUP = 257,
  SETUP_WITH = 258,
  POP_BLOCK = 259,
  JUMP = 260,
  JUMP_NO_INTERRUPT = 261,
  STORE_FAST_MAYBE_NULL = 262,
}

/** Highest real opcode number + 1 (size for dispatch tables). */
export const NUM_REAL_OPCODES = 256;
export const MIN_PSEUDO_OPCODE = 256;
/** Largest oparg that fits in an instruction word. */
export const MAX_OPARG = 0xffffff;

/** What an instruction's oparg means (drives the disassembler and the marshal/optimiser passes). */
export enum ArgKind {
  /** No argument (oparg is 0). */
  None = 0,
  /** Index into co_consts. */
  Const,
  /** Index into co_names. */
  Name,
  /** LOAD_GLOBAL: (name index << 1) | push-NULL-first. */
  GlobalName,
  /** LOAD_ATTR: (name index << 1) | method-call form. */
  AttrName,
  /** LOAD_SUPER_ATTR: (name index << 2) | (two-argument super() ? 2 : 0) | method-call form. */
  SuperAttrName,
  /** Index into localsplus (a plain local, an argument). */
  Local,
  /** LOAD_FAST_LOAD_FAST & co: (localsplus index a << 12) | index b. */
  LocalPair,
  /** Index into localsplus of a cell or free slot (LOAD_DEREF, MAKE_CELL, ...). */
  Deref,
  /** Absolute instruction index to jump to. */
  Jump,
  /** An element / argument count (BUILD_*, CALL, UNPACK_SEQUENCE, COPY, SWAP ...). */
  Count,
  /** COMPARE_OP: a CompareOp. */
  Compare,
  /** BINARY_OP: a BinaryOpArg. */
  BinaryOp,
  /** CALL_INTRINSIC_1: an Intrinsic1. */
  Intrinsic1,
  /** CALL_INTRINSIC_2: an Intrinsic2. */
  Intrinsic2,
  /** IS_OP / CONTAINS_OP: 1 means the negated form (is not / not in). */
  Invert,
  /** FORMAT_VALUE: conversion (FVC_*) | FVS_HAVE_SPEC. */
  FormatFlags,
  /** SET_FUNCTION_ATTRIBUTE: one MakeFunctionFlag. */
  FunctionAttr,
  /** UNPACK_EX: count before the star | (count after << 8). */
  UnpackEx,
  /** RAISE_VARARGS: 0 (re-raise), 1 (raise exc), 2 (raise exc from cause). */
  RaiseForm,
  /** RERAISE: nonzero means the item that many places below the exception is a saved `lasti` to restore. */
  Reraise,
  /** GET_AWAITABLE: 0 plain await, 1 after __aenter__, 2 after __aexit__. */
  AwaitWhere,
  /** CALL_FUNCTION_EX: 1 when a kwargs mapping is on the stack. */
  CallExFlags,
  /** BUILD_SLICE: 2 or 3 items. */
  SliceCount,
  /** Opaque small integer (RESUME-like markers, YIELD_VALUE's exception depth ...). */
  Raw,
}

/** Flag bits describing an opcode. */
export enum OpFlag {
  None = 0,
  /** Has an oparg (the VM may ignore it, but the word carries it). */
  HasArg = 1 << 0,
  /** A jump: the oparg is a target instruction index. */
  Jump = 1 << 1,
  /** Conditional: execution may fall through as well as jump. */
  Conditional = 1 << 2,
  /** Unconditional transfer: the next instruction is not reached from this one (return, raise, jump). */
  Terminates = 1 << 3,
  /** Uses co_names. */
  HasName = 1 << 4,
  /** Uses co_consts. */
  HasConst = 1 << 5,
  /** Uses a localsplus slot as a plain local. */
  HasLocal = 1 << 6,
  /** Uses a localsplus slot as a cell/free variable. */
  HasFree = 1 << 7,
  /** Pseudo-opcode: compiler-internal, never appears in a CodeObject. */
  Pseudo = 1 << 8,
  /** Sets up an exception handler region (pseudo). */
  BlockPush = 1 << 9,
  /** May transfer control to the caller and later resume (yield / send). */
  Suspends = 1 << 10,
  /** Can raise an exception (used to decide whether an exception table entry is needed; conservative). */
  MayRaise = 1 << 11,
}

/** Stack effect of an instruction as a function of its oparg and of whether the jump (if any) is taken. */
export type StackEffect = (oparg: number, jump: boolean) => number;

export interface OpInfo {
  readonly op: Op;
  readonly name: string;
  readonly arg: ArgKind;
  readonly flags: number;
  readonly effect: StackEffect;
}

/** COMPARE_OP argument: CPython's Py_LT .. Py_GE order. */
export enum CompareOp {
  Lt = 0,
  Le = 1,
  Eq = 2,
  Ne = 3,
  Gt = 4,
  Ge = 5,
}
export const COMPARE_OP_NAMES: readonly string[] = ["<", "<=", "==", "!=", ">", ">="];

/** BINARY_OP argument: CPython's NB_* numbering (the in-place forms are the plain ones + 13). */
export enum BinaryOpArg {
  Add = 0,
  And = 1,
  FloorDivide = 2,
  Lshift = 3,
  MatrixMultiply = 4,
  Multiply = 5,
  Remainder = 6,
  Or = 7,
  Power = 8,
  Rshift = 9,
  Subtract = 10,
  TrueDivide = 11,
  Xor = 12,
  InplaceAdd = 13,
  InplaceAnd = 14,
  InplaceFloorDivide = 15,
  InplaceLshift = 16,
  InplaceMatrixMultiply = 17,
  InplaceMultiply = 18,
  InplaceRemainder = 19,
  InplaceOr = 20,
  InplacePower = 21,
  InplaceRshift = 22,
  InplaceSubtract = 23,
  InplaceTrueDivide = 24,
  InplaceXor = 25,
}
/** Operator text for each BinaryOpArg (what `dis` prints and what TypeError messages use). */
export const BINARY_OP_NAMES: readonly string[] = [
  "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
  "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
];

/** CALL_INTRINSIC_1 functions (CPython 3.12 numbering). */
export enum Intrinsic1 {
  Invalid = 0,
  Print = 1,
  ImportStar = 2,
  StopIterationError = 3,
  AsyncGenWrap = 4,
  UnaryPositive = 5,
  ListToTuple = 6,
  TypeVar = 7,
  ParamSpec = 8,
  TypeVarTuple = 9,
  SubscriptGeneric = 10,
  TypeAlias = 11,
}
export const INTRINSIC1_NAMES: readonly string[] = [
  "INTRINSIC_1_INVALID", "INTRINSIC_PRINT", "INTRINSIC_IMPORT_STAR", "INTRINSIC_STOPITERATION_ERROR",
  "INTRINSIC_ASYNC_GEN_WRAP", "INTRINSIC_UNARY_POSITIVE", "INTRINSIC_LIST_TO_TUPLE", "INTRINSIC_TYPEVAR",
  "INTRINSIC_PARAMSPEC", "INTRINSIC_TYPEVARTUPLE", "INTRINSIC_SUBSCRIPT_GENERIC", "INTRINSIC_TYPEALIAS",
];
/** CALL_INTRINSIC_2 functions (CPython 3.12 numbering). Stack: (arg1, arg2 -- result). */
export enum Intrinsic2 {
  Invalid = 0,
  PrepReraiseStar = 1,
  TypeVarWithBound = 2,
  TypeVarWithConstraints = 3,
  SetFunctionTypeParams = 4,
}
export const INTRINSIC2_NAMES: readonly string[] = [
  "INTRINSIC_2_INVALID", "INTRINSIC_PREP_RERAISE_STAR", "INTRINSIC_TYPEVAR_WITH_BOUND",
  "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS", "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
];

/** SET_FUNCTION_ATTRIBUTE argument: which attribute the value below the function sets. */
export enum MakeFunctionFlag {
  Defaults = 0x01,
  KwDefaults = 0x02,
  Annotations = 0x04,
  Closure = 0x08,
}

/** FORMAT_VALUE argument: conversion in the low 2 bits, FVS_HAVE_SPEC when a format spec is on the stack. */
export enum FormatValueFlag {
  ConvNone = 0x0,
  ConvStr = 0x1,
  ConvRepr = 0x2,
  ConvAscii = 0x3,
  ConvMask = 0x3,
  HaveSpec = 0x4,
}

/** GET_AWAITABLE argument. */
export enum AwaitWhere {
  Plain = 0,
  AfterAenter = 1,
  AfterAexit = 2,
}

const NONE = ArgKind.None;
const A = OpFlag.HasArg;
const R = OpFlag.MayRaise;
const fixed = (n: number): StackEffect => () => n;

/** One row per opcode, in a single place (the only definition of opcode numbers, names and effects). */
const ROWS: readonly OpInfo[] = [
  // (--)
  { op: Op.NOP, name: "NOP", arg: NONE, flags: 0, effect: fixed(0) },
  // (value --)
  { op: Op.POP_TOP, name: "POP_TOP", arg: NONE, flags: 0, effect: fixed(-1) },
  // (-- NULL): the "no self" marker below a callable for CALL
  { op: Op.PUSH_NULL, name: "PUSH_NULL", arg: NONE, flags: 0, effect: fixed(1) },
  // (receiver, value -- value)
  { op: Op.END_SEND, name: "END_SEND", arg: NONE, flags: 0, effect: fixed(-1) },
  // (value -- result)
  { op: Op.UNARY_NEGATIVE, name: "UNARY_NEGATIVE", arg: NONE, flags: R, effect: fixed(0) },
  { op: Op.UNARY_NOT, name: "UNARY_NOT", arg: NONE, flags: R, effect: fixed(0) },
  { op: Op.UNARY_INVERT, name: "UNARY_INVERT", arg: NONE, flags: R, effect: fixed(0) },
  // (iterable -- iterator)
  { op: Op.GET_ITER, name: "GET_ITER", arg: NONE, flags: R, effect: fixed(0) },
  // (iterable -- iterator): a coroutine stays itself inside a coroutine / iterable coroutine
  { op: Op.GET_YIELD_FROM_ITER, name: "GET_YIELD_FROM_ITER", arg: NONE, flags: R, effect: fixed(0) },
  // (container, sub -- result)
  { op: Op.BINARY_SUBSCR, name: "BINARY_SUBSCR", arg: NONE, flags: R, effect: fixed(-1) },
  // (container, start, stop -- result)
  { op: Op.BINARY_SLICE, name: "BINARY_SLICE", arg: NONE, flags: R, effect: fixed(-2) },
  // (value, container, start, stop --)
  { op: Op.STORE_SLICE, name: "STORE_SLICE", arg: NONE, flags: R, effect: fixed(-4) },
  // (value, container, sub --)
  { op: Op.STORE_SUBSCR, name: "STORE_SUBSCR", arg: NONE, flags: R, effect: fixed(-3) },
  // (container, sub --)
  { op: Op.DELETE_SUBSCR, name: "DELETE_SUBSCR", arg: NONE, flags: R, effect: fixed(-2) },
  // (obj -- obj, len)
  { op: Op.GET_LEN, name: "GET_LEN", arg: NONE, flags: R, effect: fixed(1) },
  // (subject -- subject, bool)
  { op: Op.MATCH_MAPPING, name: "MATCH_MAPPING", arg: NONE, flags: 0, effect: fixed(1) },
  { op: Op.MATCH_SEQUENCE, name: "MATCH_SEQUENCE", arg: NONE, flags: 0, effect: fixed(1) },
  // (subject, keys -- subject, keys, values_tuple_or_None)
  { op: Op.MATCH_KEYS, name: "MATCH_KEYS", arg: NONE, flags: R, effect: fixed(1) },
  // (exc -- prev_exc, exc): saves the current handled exception and makes exc the handled one
  { op: Op.PUSH_EXC_INFO, name: "PUSH_EXC_INFO", arg: NONE, flags: 0, effect: fixed(1) },
  // (exc, type -- exc, bool)
  { op: Op.CHECK_EXC_MATCH, name: "CHECK_EXC_MATCH", arg: NONE, flags: R, effect: fixed(0) },
  // (exc, type -- rest, match)   match is None when nothing matched
  { op: Op.CHECK_EG_MATCH, name: "CHECK_EG_MATCH", arg: NONE, flags: R, effect: fixed(0) },
  // (exit_func, lasti, unused, exc -- exit_func, lasti, unused, exc, res): calls exit_func(type(exc), exc, tb)
  { op: Op.WITH_EXCEPT_START, name: "WITH_EXCEPT_START", arg: NONE, flags: R, effect: fixed(1) },
  // (aiterable -- aiterator)
  { op: Op.GET_AITER, name: "GET_AITER", arg: NONE, flags: R, effect: fixed(0) },
  // (aiterator -- aiterator, awaitable)
  { op: Op.GET_ANEXT, name: "GET_ANEXT", arg: NONE, flags: R, effect: fixed(1) },
  // (mgr -- bound_aexit, awaitable_from_aenter)
  { op: Op.BEFORE_ASYNC_WITH, name: "BEFORE_ASYNC_WITH", arg: NONE, flags: R, effect: fixed(1) },
  // (mgr -- bound_exit, enter_result)
  { op: Op.BEFORE_WITH, name: "BEFORE_WITH", arg: NONE, flags: R, effect: fixed(1) },
  // (aiterator, exc --): swallows StopAsyncIteration, re-raises anything else
  { op: Op.END_ASYNC_FOR, name: "END_ASYNC_FOR", arg: NONE, flags: R, effect: fixed(-2) },
  // (sub_iter, last_sent_val, exc -- None, value): StopIteration -> its value, else re-raise
  { op: Op.CLEANUP_THROW, name: "CLEANUP_THROW", arg: NONE, flags: R, effect: fixed(-1) },
  // (retval --)
  { op: Op.RETURN_VALUE, name: "RETURN_VALUE", arg: NONE, flags: OpFlag.Terminates, effect: fixed(-1) },
  // (--): creates __annotations__ in the locals mapping if missing
  { op: Op.SETUP_ANNOTATIONS, name: "SETUP_ANNOTATIONS", arg: NONE, flags: R, effect: fixed(0) },
  // (-- locals_mapping)
  { op: Op.LOAD_LOCALS, name: "LOAD_LOCALS", arg: NONE, flags: R, effect: fixed(1) },
  // (prev_exc --): restores the handled exception saved by PUSH_EXC_INFO
  { op: Op.POP_EXCEPT, name: "POP_EXCEPT", arg: NONE, flags: 0, effect: fixed(-1) },
  // (-- AssertionError)
  { op: Op.LOAD_ASSERTION_ERROR, name: "LOAD_ASSERTION_ERROR", arg: NONE, flags: 0, effect: fixed(1) },
  // (-- builtins.__build_class__)
  { op: Op.LOAD_BUILD_CLASS, name: "LOAD_BUILD_CLASS", arg: NONE, flags: R, effect: fixed(1) },

  // (value --)  locals[co_names[arg]] = value
  { op: Op.STORE_NAME, name: "STORE_NAME", arg: ArgKind.Name, flags: A | OpFlag.HasName | R, effect: fixed(-1) },
  { op: Op.DELETE_NAME, name: "DELETE_NAME", arg: ArgKind.Name, flags: A | OpFlag.HasName | R, effect: fixed(0) },
  // (seq -- items[arg]...)  pushed so that the first item ends on top
  { op: Op.UNPACK_SEQUENCE, name: "UNPACK_SEQUENCE", arg: ArgKind.Count, flags: A | R, effect: (n) => n - 1 },
  // (iter -- iter, next) or, exhausted, (iter --) and jump
  { op: Op.FOR_ITER, name: "FOR_ITER", arg: ArgKind.Jump, flags: A | OpFlag.Jump | OpFlag.Conditional | R, effect: (_, j) => (j ? -1 : 1) },
  // (seq -- before... list after...)
  { op: Op.UNPACK_EX, name: "UNPACK_EX", arg: ArgKind.UnpackEx, flags: A | R, effect: (n) => (n & 0xff) + (n >> 8) },
  // (value, owner --)
  { op: Op.STORE_ATTR, name: "STORE_ATTR", arg: ArgKind.Name, flags: A | OpFlag.HasName | R, effect: fixed(-2) },
  // (owner --)
  { op: Op.DELETE_ATTR, name: "DELETE_ATTR", arg: ArgKind.Name, flags: A | OpFlag.HasName | R, effect: fixed(-1) },
  { op: Op.STORE_GLOBAL, name: "STORE_GLOBAL", arg: ArgKind.Name, flags: A | OpFlag.HasName | R, effect: fixed(-1) },
  { op: Op.DELETE_GLOBAL, name: "DELETE_GLOBAL", arg: ArgKind.Name, flags: A | OpFlag.HasName | R, effect: fixed(0) },
  // swaps TOS with the item at depth arg (1-based: SWAP 2 swaps the top two)
  { op: Op.SWAP, name: "SWAP", arg: ArgKind.Count, flags: A, effect: fixed(0) },
  { op: Op.LOAD_CONST, name: "LOAD_CONST", arg: ArgKind.Const, flags: A | OpFlag.HasConst, effect: fixed(1) },
  { op: Op.LOAD_NAME, name: "LOAD_NAME", arg: ArgKind.Name, flags: A | OpFlag.HasName | R, effect: fixed(1) },
  // (items[arg] -- tuple)
  { op: Op.BUILD_TUPLE, name: "BUILD_TUPLE", arg: ArgKind.Count, flags: A, effect: (n) => 1 - n },
  { op: Op.BUILD_LIST, name: "BUILD_LIST", arg: ArgKind.Count, flags: A, effect: (n) => 1 - n },
  { op: Op.BUILD_SET, name: "BUILD_SET", arg: ArgKind.Count, flags: A | R, effect: (n) => 1 - n },
  // (k1, v1, ... kn, vn -- dict)
  { op: Op.BUILD_MAP, name: "BUILD_MAP", arg: ArgKind.Count, flags: A | R, effect: (n) => 1 - 2 * n },
  // (owner -- attr) or, method form, (owner -- meth, self) / (owner -- NULL, attr)  [meth-or-NULL below]
  { op: Op.LOAD_ATTR, name: "LOAD_ATTR", arg: ArgKind.AttrName, flags: A | OpFlag.HasName | R, effect: (n) => (n & 1 ? 1 : 0) },
  // (left, right -- bool-or-object)
  { op: Op.COMPARE_OP, name: "COMPARE_OP", arg: ArgKind.Compare, flags: A | R, effect: fixed(-1) },
  // (level, fromlist -- module)
  { op: Op.IMPORT_NAME, name: "IMPORT_NAME", arg: ArgKind.Name, flags: A | OpFlag.HasName | R, effect: fixed(-1) },
  // (module -- module, attr)
  { op: Op.IMPORT_FROM, name: "IMPORT_FROM", arg: ArgKind.Name, flags: A | OpFlag.HasName | R, effect: fixed(1) },
  { op: Op.JUMP_FORWARD, name: "JUMP_FORWARD", arg: ArgKind.Jump, flags: A | OpFlag.Jump | OpFlag.Terminates, effect: fixed(0) },
  { op: Op.JUMP_BACKWARD, name: "JUMP_BACKWARD", arg: ArgKind.Jump, flags: A | OpFlag.Jump | OpFlag.Terminates, effect: fixed(0) },
  { op: Op.JUMP_BACKWARD_NO_INTERRUPT, name: "JUMP_BACKWARD_NO_INTERRUPT", arg: ArgKind.Jump, flags: A | OpFlag.Jump | OpFlag.Terminates, effect: fixed(0) },
  // (cond --): jumps when the truth value (or None-ness) matches
  { op: Op.POP_JUMP_IF_FALSE, name: "POP_JUMP_IF_FALSE", arg: ArgKind.Jump, flags: A | OpFlag.Jump | OpFlag.Conditional | R, effect: fixed(-1) },
  { op: Op.POP_JUMP_IF_TRUE, name: "POP_JUMP_IF_TRUE", arg: ArgKind.Jump, flags: A | OpFlag.Jump | OpFlag.Conditional | R, effect: fixed(-1) },
  { op: Op.POP_JUMP_IF_NONE, name: "POP_JUMP_IF_NONE", arg: ArgKind.Jump, flags: A | OpFlag.Jump | OpFlag.Conditional, effect: fixed(-1) },
  { op: Op.POP_JUMP_IF_NOT_NONE, name: "POP_JUMP_IF_NOT_NONE", arg: ArgKind.Jump, flags: A | OpFlag.Jump | OpFlag.Conditional, effect: fixed(-1) },
  // (-- [NULL], value)  NULL first when arg & 1
  { op: Op.LOAD_GLOBAL, name: "LOAD_GLOBAL", arg: ArgKind.GlobalName, flags: A | OpFlag.HasName | R, effect: (n) => 1 + (n & 1) },
  // (left, right -- bool)
  { op: Op.IS_OP, name: "IS_OP", arg: ArgKind.Invert, flags: A, effect: fixed(-1) },
  { op: Op.CONTAINS_OP, name: "CONTAINS_OP", arg: ArgKind.Invert, flags: A | R, effect: fixed(-1) },
  // (values[arg], exc -- values[arg]) re-raises exc keeping its traceback; when arg != 0, values[0] (the item arg
  // places below exc) is the `lasti` int pushed by a lasti handler and becomes the frame's lasti again
  { op: Op.RERAISE, name: "RERAISE", arg: ArgKind.Reraise, flags: A | OpFlag.Terminates | R, effect: fixed(-1) },
  // pushes a copy of the item at depth arg (1-based: COPY 1 duplicates TOS)
  { op: Op.COPY, name: "COPY", arg: ArgKind.Count, flags: A, effect: fixed(1) },
  // (--) returns co_consts[arg]
  { op: Op.RETURN_CONST, name: "RETURN_CONST", arg: ArgKind.Const, flags: A | OpFlag.HasConst | OpFlag.Terminates, effect: fixed(0) },
  // (left, right -- result)
  { op: Op.BINARY_OP, name: "BINARY_OP", arg: ArgKind.BinaryOp, flags: A | R, effect: fixed(-1) },
  // (receiver, value -- receiver, yielded_or_returned): sends value; on StopIteration jumps with its value
  { op: Op.SEND, name: "SEND", arg: ArgKind.Jump, flags: A | OpFlag.Jump | OpFlag.Conditional | R, effect: fixed(0) },
  { op: Op.LOAD_FAST, name: "LOAD_FAST", arg: ArgKind.Local, flags: A | OpFlag.HasLocal, effect: fixed(1) },
  { op: Op.STORE_FAST, name: "STORE_FAST", arg: ArgKind.Local, flags: A | OpFlag.HasLocal, effect: fixed(-1) },
  { op: Op.DELETE_FAST, name: "DELETE_FAST", arg: ArgKind.Local, flags: A | OpFlag.HasLocal | R, effect: fixed(0) },
  // LOAD_FAST that raises UnboundLocalError when the slot is empty (LOAD_FAST may assume it is bound)
  { op: Op.LOAD_FAST_CHECK, name: "LOAD_FAST_CHECK", arg: ArgKind.Local, flags: A | OpFlag.HasLocal | R, effect: fixed(1) },
  // pushes the slot's value (or NULL if unbound) and empties the slot (PEP 709 inlined comprehensions)
  { op: Op.LOAD_FAST_AND_CLEAR, name: "LOAD_FAST_AND_CLEAR", arg: ArgKind.Local, flags: A | OpFlag.HasLocal, effect: fixed(1) },
  // (args[arg] --)
  { op: Op.RAISE_VARARGS, name: "RAISE_VARARGS", arg: ArgKind.RaiseForm, flags: A | OpFlag.Terminates | R, effect: (n) => -n },
  // (iterable -- awaitable_iterator)
  { op: Op.GET_AWAITABLE, name: "GET_AWAITABLE", arg: ArgKind.AwaitWhere, flags: A | R, effect: fixed(0) },
  // (code -- function)  globals, qualname (co_qualname) and name come from the frame / code object
  { op: Op.MAKE_FUNCTION, name: "MAKE_FUNCTION", arg: ArgKind.None, flags: 0, effect: fixed(0) },
  // (attr_value, function -- function)
  { op: Op.SET_FUNCTION_ATTRIBUTE, name: "SET_FUNCTION_ATTRIBUTE", arg: ArgKind.FunctionAttr, flags: A, effect: fixed(-1) },
  // (start, stop[, step] -- slice)
  { op: Op.BUILD_SLICE, name: "BUILD_SLICE", arg: ArgKind.SliceCount, flags: A, effect: (n) => (n === 3 ? -2 : -1) },
  // wraps the slot's current value (or emptiness) in a new cell
  { op: Op.MAKE_CELL, name: "MAKE_CELL", arg: ArgKind.Deref, flags: A | OpFlag.HasFree, effect: fixed(0) },
  // (-- cell) pushes the cell object itself (for building closures)
  { op: Op.LOAD_CLOSURE, name: "LOAD_CLOSURE", arg: ArgKind.Deref, flags: A | OpFlag.HasFree, effect: fixed(1) },
  { op: Op.LOAD_DEREF, name: "LOAD_DEREF", arg: ArgKind.Deref, flags: A | OpFlag.HasFree | R, effect: fixed(1) },
  { op: Op.STORE_DEREF, name: "STORE_DEREF", arg: ArgKind.Deref, flags: A | OpFlag.HasFree, effect: fixed(-1) },
  { op: Op.DELETE_DEREF, name: "DELETE_DEREF", arg: ArgKind.Deref, flags: A | OpFlag.HasFree | R, effect: fixed(0) },
  // copies arg cells from the function's closure tuple into the last arg localsplus slots
  { op: Op.COPY_FREE_VARS, name: "COPY_FREE_VARS", arg: ArgKind.Count, flags: A, effect: fixed(0) },
  // (mapping -- value): class bodies: look in mapping, then the cell (arg = localsplus index)
  { op: Op.LOAD_FROM_DICT_OR_DEREF, name: "LOAD_FROM_DICT_OR_DEREF", arg: ArgKind.Deref, flags: A | OpFlag.HasFree | R, effect: fixed(0) },
  // (mapping -- value): annotation scopes inside classes: mapping, then globals, then builtins
  { op: Op.LOAD_FROM_DICT_OR_GLOBALS, name: "LOAD_FROM_DICT_OR_GLOBALS", arg: ArgKind.Name, flags: A | OpFlag.HasName | R, effect: fixed(0) },
  // (global_super, class, self -- attr) or, method form, (... -- meth_or_NULL, self_or_attr)
  { op: Op.LOAD_SUPER_ATTR, name: "LOAD_SUPER_ATTR", arg: ArgKind.SuperAttrName, flags: A | OpFlag.HasName | R, effect: (n) => (n & 1 ? -1 : -2) },
  // (callable, self_or_NULL, args_tuple[, kwargs] -- result)
  { op: Op.CALL_FUNCTION_EX, name: "CALL_FUNCTION_EX", arg: ArgKind.CallExFlags, flags: A | R, effect: (n) => -2 - (n & 1) },
  // (callable_or_NULL, self_or_callable, args[arg] -- result); see the CALL note in opcodes.ts's header on KW_NAMES
  { op: Op.CALL, name: "CALL", arg: ArgKind.Count, flags: A | R, effect: (n) => -1 - n },
  // (--) the next CALL's last len(co_consts[arg]) arguments are keyword arguments with those names
  { op: Op.KW_NAMES, name: "KW_NAMES", arg: ArgKind.Const, flags: A | OpFlag.HasConst, effect: fixed(0) },
  // (list, unused[arg-1], v -- list, unused[arg-1])
  { op: Op.LIST_APPEND, name: "LIST_APPEND", arg: ArgKind.Count, flags: A, effect: fixed(-1) },
  { op: Op.SET_ADD, name: "SET_ADD", arg: ArgKind.Count, flags: A | R, effect: fixed(-1) },
  // (dict, unused[arg-1], key, value -- dict, unused[arg-1])
  { op: Op.MAP_ADD, name: "MAP_ADD", arg: ArgKind.Count, flags: A | R, effect: fixed(-2) },
  { op: Op.LIST_EXTEND, name: "LIST_EXTEND", arg: ArgKind.Count, flags: A | R, effect: fixed(-1) },
  { op: Op.SET_UPDATE, name: "SET_UPDATE", arg: ArgKind.Count, flags: A | R, effect: fixed(-1) },
  // like DICT_UPDATE but raises TypeError on duplicate keys (for f(**a, **b))
  { op: Op.DICT_MERGE, name: "DICT_MERGE", arg: ArgKind.Count, flags: A | R, effect: fixed(-1) },
  { op: Op.DICT_UPDATE, name: "DICT_UPDATE", arg: ArgKind.Count, flags: A | R, effect: fixed(-1) },
  // (value -- sent): suspends the frame; arg is the exception-stack depth (informational, as CPython)
  { op: Op.YIELD_VALUE, name: "YIELD_VALUE", arg: ArgKind.Raw, flags: A | OpFlag.Suspends, effect: fixed(0) },
  // (subject, type, kw_names_tuple -- attrs_tuple_or_None); arg = number of positional sub-patterns
  { op: Op.MATCH_CLASS, name: "MATCH_CLASS", arg: ArgKind.Count, flags: A | R, effect: fixed(-2) },
  // (value[, spec] -- str)
  { op: Op.FORMAT_VALUE, name: "FORMAT_VALUE", arg: ArgKind.FormatFlags, flags: A | R, effect: (n) => (n & FormatValueFlag.HaveSpec ? -1 : 0) },
  // (values[arg], keys_tuple -- dict)
  { op: Op.BUILD_CONST_KEY_MAP, name: "BUILD_CONST_KEY_MAP", arg: ArgKind.Count, flags: A | R, effect: (n) => -n },
  // (pieces[arg] -- str)
  { op: Op.BUILD_STRING, name: "BUILD_STRING", arg: ArgKind.Count, flags: A, effect: (n) => 1 - n },
  { op: Op.CALL_INTRINSIC_1, name: "CALL_INTRINSIC_1", arg: ArgKind.Intrinsic1, flags: A | R, effect: fixed(0) },
  { op: Op.CALL_INTRINSIC_2, name: "CALL_INTRINSIC_2", arg: ArgKind.Intrinsic2, flags: A | R, effect: fixed(-1) },

  // (-- locals[a], locals[b])  both known bound
  { op: Op.LOAD_FAST_LOAD_FAST, name: "LOAD_FAST_LOAD_FAST", arg: ArgKind.LocalPair, flags: A | OpFlag.HasLocal, effect: fixed(2) },
  // (v --  locals[b]) after locals[a] = v
  { op: Op.STORE_FAST_LOAD_FAST, name: "STORE_FAST_LOAD_FAST", arg: ArgKind.LocalPair, flags: A | OpFlag.HasLocal, effect: fixed(0) },
  // (v2, v1 --) locals[a] = v1; locals[b] = v2
  { op: Op.STORE_FAST_STORE_FAST, name: "STORE_FAST_STORE_FAST", arg: ArgKind.LocalPair, flags: A | OpFlag.HasLocal, effect: fixed(-2) },

  // Pseudo-opcodes. SETUP_*: start a protected region whose handler is the jump target; the "jump" effect is the
  // handler's entry depth relative to here (exception pushed, plus lasti for SETUP_CLEANUP / SETUP_WITH).
  { op: Op.SETUP_FINALLY, name: "SETUP_FINALLY", arg: ArgKind.Jump, flags: A | OpFlag.Jump | OpFlag.Conditional | OpFlag.Pseudo | OpFlag.BlockPush, effect: (_, j) => (j ? 1 : 0) },
  { op: Op.SETUP_CLEANUP, name: "SETUP_CLEANUP", arg: ArgKind.Jump, flags: A | OpFlag.Jump | OpFlag.Conditional | OpFlag.Pseudo | OpFlag.BlockPush, effect: (_, j) => (j ? 2 : 0) },
  // set up right after BEFORE_WITH, with (exit, enter_result) on the stack: the handler sees (exit, lasti, exc),
  // i.e. the enter result's slot is reused (CPython's convention: +1 relative to the setup point)
  { op: Op.SETUP_WITH, name: "SETUP_WITH", arg: ArgKind.Jump, flags: A | OpFlag.Jump | OpFlag.Conditional | OpFlag.Pseudo | OpFlag.BlockPush, effect: (_, j) => (j ? 1 : 0) },
  { op: Op.POP_BLOCK, name: "POP_BLOCK", arg: NONE, flags: OpFlag.Pseudo, effect: fixed(0) },
  { op: Op.JUMP, name: "JUMP", arg: ArgKind.Jump, flags: A | OpFlag.Jump | OpFlag.Terminates | OpFlag.Pseudo, effect: fixed(0) },
  { op: Op.JUMP_NO_INTERRUPT, name: "JUMP_NO_INTERRUPT", arg: ArgKind.Jump, flags: A | OpFlag.Jump | OpFlag.Terminates | OpFlag.Pseudo, effect: fixed(0) },
  { op: Op.STORE_FAST_MAYBE_NULL, name: "STORE_FAST_MAYBE_NULL", arg: ArgKind.Local, flags: A | OpFlag.HasLocal | OpFlag.Pseudo, effect: fixed(-1) },
];

/** Row per opcode number (real and pseudo), indexed directly for speed. */
const INFO_BY_OP: (OpInfo | undefined)[] = [];
/** Name per real opcode number ("<N>" for unused numbers), for fast lookup by the VM and disassembler. */
export const OPNAMES: string[] = [];
/** OpFlag bits per real opcode number (0 for unused numbers). */
export const OPFLAGS = new Uint16Array(NUM_REAL_OPCODES);
for (let i = 0; i < NUM_REAL_OPCODES; i++) OPNAMES.push(`<${i}>`);
for (const row of ROWS) {
  if (INFO_BY_OP[row.op] !== undefined) throw new Error(`opcode ${row.op} (${row.name}) defined twice`);
  INFO_BY_OP[row.op] = row;
  if (row.op < NUM_REAL_OPCODES) {
    OPNAMES[row.op] = row.name;
    OPFLAGS[row.op] = row.flags;
  }
}

/** All rows (real and pseudo), in table order. */
export const ALL_OPCODES: readonly OpInfo[] = ROWS;

export function opInfo(op: number): OpInfo {
  const info = INFO_BY_OP[op];
  if (info === undefined) throw new Error(`unknown opcode ${op}`);
  return info;
}
export function opName(op: number): string {
  return opInfo(op).name;
}
export function opByName(name: string): Op {
  for (const row of ROWS) if (row.name === name) return row.op;
  throw new Error(`unknown opcode name ${name}`);
}
export function stackEffect(op: number, oparg: number, jump: boolean): number {
  return opInfo(op).effect(oparg, jump);
}
export function hasFlag(op: number, flag: OpFlag): boolean {
  return (opInfo(op).flags & flag) !== 0;
}
export function isJump(op: number): boolean {
  return hasFlag(op, OpFlag.Jump);
}

/** Packs one instruction word. */
export function encodeInstr(op: number, oparg: number): number {
  if (op >= NUM_REAL_OPCODES || oparg < 0 || oparg > MAX_OPARG) {
    if (op >= NUM_REAL_OPCODES) throw new Error(`pseudo-opcode ${opName(op)} cannot be encoded`);
    throw new Error(`oparg ${oparg} out of range for ${opName(op)}`);
  }
  return (op | (oparg << 8)) >>> 0;
}
export function instrOp(word: number): number {
  return word & 0xff;
}
export function instrArg(word: number): number {
  return word >>> 8;
}
