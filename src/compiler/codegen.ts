// Code generation: walks the (constant-folded) AST with the symbol table and emits instructions per code unit, following
// CPython 3.12's compile.c so that evaluation order, scoping, exception handling and line numbers match.
import type * as ast from "./ast";
import { BytesConst, ComplexConst, EllipsisConst } from "./ast";
import { assemble, Label, NO_POS, type Handler, type Instr, type Pos, type StreamItem } from "./assembler";
import {
  CodeObject, CO_ASYNC_GENERATOR, CO_COROUTINE, CO_FUTURE_ANNOTATIONS, CO_GENERATOR, CO_NESTED, CO_NEWLOCALS, CO_OPTIMIZED,
  CO_VARARGS, CO_VARKEYWORDS, ConstFrozenset, ConstTuple, constKey, PyCF_MASK, type ConstValue,
} from "./code";
import { compilePattern, type PatternHost } from "./codegen_match";
import { unparseExpr } from "./codegen_unparse";
import {
  AwaitWhere, BinaryOpArg, CompareOp, FormatValueFlag, Intrinsic1, Intrinsic2, MakeFunctionFlag, Op,
} from "./opcodes";
import {
  BlockType, DEF_COMP_CELL, DEF_FREE_CLASS, DEF_LOCAL, DEF_NONLOCAL, DEF_PARAM, mangle, Scope, SCOPE_OFFSET,
  syntaxErrorAt, type SymbolTable, type SymbolTableEntry,
} from "./symtable";

const STACK_USE_GUIDELINE = 30;

export interface CodegenOptions {
  filename: string;
  optimize: number;
  /** compile() flags: future features (CO_FUTURE_*) and PyCF_*. */
  flags: number;
  interactive: boolean;
  topLevelAwait: boolean;
  /** The source text, for SyntaxError.text (null when compiling an AST without source). */
  sourceLines: string | null;
}

enum ScopeType {
  Module,
  Class,
  Function,
  AsyncFunction,
  Lambda,
  Comprehension,
  TypeParams,
}

enum FBlock {
  WhileLoop,
  ForLoop,
  TryExcept,
  FinallyTry,
  FinallyEnd,
  With,
  AsyncWith,
  HandlerCleanup,
  PopValue,
  ExceptionHandler,
  ExceptionGroupHandler,
  AsyncComprehensionGenerator,
  StopIteration,
}

interface FBlockInfo {
  type: FBlock;
  block: Label | null;
  exit: Label | null;
  /** FinallyTry: the finally body; HandlerCleanup: the bound name; With: the statement. */
  datum: ast.Stmt[] | string | ast.Stmt | null;
  pos: Pos;
}

class Unit {
  readonly stream: StreamItem[] = [];
  readonly consts: ConstValue[] = [];
  readonly constIndex = new Map<string, number>();
  readonly names: string[] = [];
  readonly nameIndex = new Map<string, number>();
  readonly varnames: string[] = [];
  readonly varIndex = new Map<string, number>();
  readonly cellvars: string[];
  readonly freevars: string[];
  readonly fastHidden = new Set<string>();
  readonly fblocks: FBlockInfo[] = [];
  handlers: Handler[] = [];
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  inInlinedComp = 0;
  /** Whether the last emitted item ends control flow (for label handler-stack restoration). */
  lastTerminates = false;

  constructor(
    readonly ste: SymbolTableEntry,
    readonly name: string,
    readonly qualname: string,
    readonly scopeType: ScopeType,
    readonly firstlineno: number,
    public privateName: string | null,
  ) {
    for (const v of ste.varnames) this.addVar(v);
    const cells: string[] = [];
    const frees: string[] = [];
    for (const [name, flags] of ste.symbols) {
      const scope = (flags >> SCOPE_OFFSET) & 7;
      if (scope === Scope.Cell || flags & DEF_COMP_CELL) cells.push(name);
    }
    cells.sort();
    if (ste.needsClassClosure) cells.push("__class__");
    if (ste.needsClassdict) cells.push("__classdict__");
    for (const [name, flags] of ste.symbols) {
      const scope = (flags >> SCOPE_OFFSET) & 7;
      if (scope === Scope.Free || flags & DEF_FREE_CLASS) frees.push(name);
    }
    frees.sort();
    this.cellvars = cells;
    this.freevars = frees;
  }

  addVar(name: string): number {
    let i = this.varIndex.get(name);
    if (i === undefined) {
      i = this.varnames.length;
      this.varnames.push(name);
      this.varIndex.set(name, i);
    }
    return i;
  }

  addName(name: string): number {
    let i = this.nameIndex.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.nameIndex.set(name, i);
    }
    return i;
  }

  addConst(v: ConstValue): number {
    if (v instanceof CodeObject) {
      this.consts.push(v);
      return this.consts.length - 1;
    }
    const key = constKey(v);
    let i = this.constIndex.get(key);
    if (i === undefined) {
      i = this.consts.length;
      this.consts.push(v);
      this.constIndex.set(key, i);
    }
    return i;
  }
}

type Loc = { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number };
function posOf(n: Loc): Pos {
  return [n.lineno, n.end_lineno, n.col_offset, n.end_col_offset];
}

const BINOP_ARG: Record<ast.Operator, BinaryOpArg> = {
  Add: BinaryOpArg.Add, Sub: BinaryOpArg.Subtract, Mult: BinaryOpArg.Multiply, MatMult: BinaryOpArg.MatrixMultiply,
  Div: BinaryOpArg.TrueDivide, Mod: BinaryOpArg.Remainder, Pow: BinaryOpArg.Power, LShift: BinaryOpArg.Lshift,
  RShift: BinaryOpArg.Rshift, BitOr: BinaryOpArg.Or, BitXor: BinaryOpArg.Xor, BitAnd: BinaryOpArg.And, FloorDiv: BinaryOpArg.FloorDivide,
};
const INPLACE_OFFSET = 13;
const CMP_ARG: Partial<Record<ast.CmpOp, CompareOp>> = { Lt: CompareOp.Lt, LtE: CompareOp.Le, Eq: CompareOp.Eq, NotEq: CompareOp.Ne, Gt: CompareOp.Gt, GtE: CompareOp.Ge };

export function isConstTrue(v: ConstValue): boolean | null {
  // Truthiness of a constant as CPython computes it (null: unknown).
  if (v === null) return false;
  switch (typeof v) {
    case "boolean":
      return v;
    case "bigint":
      return v !== 0n;
    case "number":
      return v !== 0;
    case "string":
      return v.length > 0;
    case "symbol":
      return true;
    default:
      break;
  }
  if (v instanceof BytesConst) return v.value.length > 0;
  if (v instanceof ComplexConst) return v.real !== 0 || v.imag !== 0;
  if (v instanceof ConstTuple || v instanceof ConstFrozenset) return v.items.length > 0;
  return null;
}

/** The docstring of a body, if its first statement is a string constant expression. */
function getDocstring(body: readonly ast.Stmt[]): string | null {
  const first = body[0];
  if (first && first._type === "Expr" && first.value._type === "Constant" && typeof first.value.value === "string") return first.value.value;
  return null;
}

/** Whether a body contains an annotated assignment (not looking into nested scopes). */
function findAnn(stmts: readonly ast.Stmt[]): boolean {
  for (const s of stmts) {
    switch (s._type) {
      case "AnnAssign":
        return true;
      case "For":
      case "AsyncFor":
      case "While":
      case "If":
        if (findAnn(s.body) || findAnn(s.orelse)) return true;
        break;
      case "With":
      case "AsyncWith":
        if (findAnn(s.body)) return true;
        break;
      case "Try":
      case "TryStar":
        if (findAnn(s.body) || findAnn(s.orelse) || findAnn(s.finalbody)) return true;
        for (const h of s.handlers) if (findAnn(h.body)) return true;
        break;
      case "Match":
        for (const c of s.cases) if (findAnn(c.body)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

/** A SyntaxWarning CPython's compiler emits (warnings do not stop compilation; the caller reports them). */
export interface CompileWarning {
  category: "SyntaxWarning";
  msg: string;
  lineno: number;
}

/** CPython's infer_type(): the type name of an expression whose type is known from its syntax. */
function inferTypeName(e: ast.Expr): string | null {
  switch (e._type) {
    case "Tuple":
      return "tuple";
    case "List":
    case "ListComp":
      return "list";
    case "Dict":
    case "DictComp":
      return "dict";
    case "Set":
    case "SetComp":
      return "set";
    case "GeneratorExp":
      return "generator";
    case "Lambda":
      return "function";
    case "JoinedStr":
    case "FormattedValue":
      return "str";
    case "Constant":
      return constTypeName(e.value as ConstValue);
    default:
      return null;
  }
}

function constTypeName(v: ConstValue): string {
  if (v === null) return "NoneType";
  switch (typeof v) {
    case "boolean":
      return "bool";
    case "bigint":
      return "int";
    case "number":
      return "float";
    case "string":
      return "str";
    case "symbol":
      return "ellipsis";
    default:
      break;
  }
  if (v instanceof BytesConst) return "bytes";
  if (v instanceof ComplexConst) return "complex";
  if (v instanceof ConstTuple) return "tuple";
  if (v instanceof ConstFrozenset) return "frozenset";
  return "code";
}

export class CodeGenerator implements PatternHost {
  u!: Unit;
  /** SyntaxWarnings, in emission order. */
  readonly warnings: CompileWarning[] = [];
  private readonly stack: Unit[] = [];
  private pos: Pos = NO_POS;
  private readonly future: number;

  constructor(
    private readonly st: SymbolTable,
    private readonly opts: CodegenOptions,
  ) {
    this.future = opts.flags;
  }

  // ---- errors ----

  error(msg: string, loc: Loc | Pos): never {
    const l = Array.isArray(loc) ? { lineno: loc[0], end_lineno: loc[1], col_offset: loc[2], end_col_offset: loc[3] } : (loc as Loc);
    throw syntaxErrorAt(this.opts.filename, msg, l, this.opts.sourceLines);
  }

  private warn(msg: string, lineno: number): void {
    this.warnings.push({ category: "SyntaxWarning", msg, lineno });
  }

  // ---- emission ----

  emit(op: Op, arg = 0, pos: Pos = this.pos): Instr {
    const instr: Instr = { op, arg, target: null, pos, handler: this.currentHandler(), deref: null, depth: 0 };
    this.u.stream.push(instr);
    this.u.lastTerminates = op === Op.RETURN_VALUE || op === Op.RETURN_CONST || op === Op.RAISE_VARARGS || op === Op.RERAISE;
    return instr;
  }

  private currentHandler(): Handler | null {
    const h = this.u.handlers;
    return h.length > 0 ? h[h.length - 1] : null;
  }

  emitJump(op: Op, target: Label, pos: Pos = this.pos): Instr {
    const instr = this.emit(op, 0, pos);
    instr.target = target;
    if (target.snapshot === null) target.snapshot = this.u.handlers.slice();
    this.u.lastTerminates = op === Op.JUMP || op === Op.JUMP_NO_INTERRUPT;
    return instr;
  }

  /** SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH: opens a protected region handled at `target`. */
  setup(op: Op.SETUP_FINALLY | Op.SETUP_CLEANUP | Op.SETUP_WITH, target: Label, pos: Pos = this.pos): void {
    const instr = this.emitJump(op, target, pos);
    this.u.lastTerminates = false;
    this.u.handlers.push({ label: target, lasti: op !== Op.SETUP_FINALLY, setup: instr });
  }

  /** POP_BLOCK: closes the innermost protected region (emits nothing real). */
  popBlock(): void {
    if (this.u.handlers.length === 0) throw new Error("compiler bug: POP_BLOCK without SETUP");
    this.u.handlers.pop();
  }

  useLabel(label: Label): void {
    // Control reaching a label by a jump has the handler stack of the jump; after a terminator, take that one.
    if (this.u.lastTerminates && label.snapshot !== null) this.u.handlers = label.snapshot.slice();
    else if (label.snapshot === null) label.snapshot = this.u.handlers.slice();
    this.u.stream.push(label);
    this.u.lastTerminates = false;
  }

  newLabel(): Label {
    return new Label();
  }

  loadConst(v: ConstValue, pos: Pos = this.pos): void {
    this.emit(Op.LOAD_CONST, this.u.addConst(v), pos);
  }

  emitName(op: Op, name: string, pos: Pos = this.pos): Instr {
    return this.emit(op, this.u.addName(mangle(this.u.privateName, name)), pos);
  }

  private emitDeref(op: Op, name: string, free: boolean, pos: Pos = this.pos): void {
    const instr = this.emit(op, 0, pos);
    instr.deref = { name, free };
  }

  // ---- units ----

  private enterScope(name: string, scopeType: ScopeType, node: object, lineno: number, qualnameOverride?: string): void {
    const ste = this.st.lookup(node);
    const privateName = this.stack.length > 0 || this.u ? this.u?.privateName ?? null : null;
    const qualname = qualnameOverride ?? this.computeQualname(name, scopeType);
    const unit = new Unit(ste, name, qualname, scopeType, lineno, scopeType === ScopeType.Class ? name : privateName);
    if (this.u) this.stack.push(this.u);
    this.u = unit;
    this.pos = NO_POS;
  }

  private exitScope(): void {
    const parent = this.stack.pop();
    if (parent) this.u = parent;
  }

  private computeQualname(name: string, scopeType: ScopeType): string {
    if (this.stack.length === 0 && !this.u) return name;
    const parent = this.u;
    if (!parent || parent.scopeType === ScopeType.Module) return name;
    let base: string | null = null;
    const mangled = mangle(parent.privateName, name);
    // A function/class declared `global` in its enclosing scope gets its bare name.
    if (scopeType === ScopeType.Function || scopeType === ScopeType.AsyncFunction || scopeType === ScopeType.Class) {
      const scope = parent.ste.scopeOf(mangled);
      if (scope === Scope.GlobalExplicit) return name;
    }
    if (parent.scopeType === ScopeType.TypeParams) {
      // The generic-parameters scope is transparent: use its parent's naming.
      const grand = this.stack[this.stack.length - 1];
      if (!grand || grand.scopeType === ScopeType.Module) return name;
      if (grand.scopeType === ScopeType.Function || grand.scopeType === ScopeType.AsyncFunction || grand.scopeType === ScopeType.Lambda) base = grand.qualname + ".<locals>";
      else base = grand.qualname;
      return base + "." + name;
    }
    if (parent.scopeType === ScopeType.Function || parent.scopeType === ScopeType.AsyncFunction || parent.scopeType === ScopeType.Lambda) base = parent.qualname + ".<locals>";
    else base = parent.qualname;
    return base + "." + name;
  }

  private codeFlags(): number {
    const ste = this.u.ste;
    let flags = 0;
    if (ste.isFunctionLike()) {
      flags |= CO_NEWLOCALS | CO_OPTIMIZED;
      if (ste.nested) flags |= CO_NESTED;
      if (ste.generator && !ste.coroutine) flags |= CO_GENERATOR;
      if (!ste.generator && ste.coroutine) flags |= CO_COROUTINE;
      if (ste.generator && ste.coroutine) flags |= CO_ASYNC_GENERATOR;
      if (ste.varargs) flags |= CO_VARARGS;
      if (ste.varkeywords) flags |= CO_VARKEYWORDS;
    }
    flags |= this.future & PyCF_MASK;
    if (this.opts.topLevelAwait && ste.coroutine && !ste.generator && this.u.scopeType === ScopeType.Module) flags |= CO_COROUTINE;
    return flags;
  }

  private assembleUnit(): CodeObject {
    const u = this.u;
    const ste = u.ste;
    let nparams = u.argcount + u.kwonlyargcount;
    if (ste.varargs) nparams++;
    if (ste.varkeywords) nparams++;
    if (ste.type !== BlockType.Function && ste.type !== BlockType.TypeParam) nparams = u.argcount;
    return assemble(u.stream, {
      name: u.name,
      qualname: u.qualname,
      filename: this.opts.filename,
      firstlineno: u.firstlineno,
      argcount: u.argcount,
      posonlyargcount: u.posonlyargcount,
      kwonlyargcount: u.kwonlyargcount,
      flags: this.codeFlags(),
      consts: u.consts,
      names: u.names,
      varnames: u.varnames,
      cellvars: u.cellvars,
      freevars: u.freevars,
      fastHidden: u.fastHidden,
      nparams: Math.min(nparams, u.varnames.length),
    });
  }

  /** Emits the implicit `return None` and assembles. */
  private finishUnit(addNone: boolean): CodeObject {
    if (addNone) {
      this.loadConst(null, NO_POS);
      this.emit(Op.RETURN_VALUE, 0, NO_POS);
    }
    return this.assembleUnit();
  }

  /** For generators & coroutines: converts a StopIteration escaping the body into RuntimeError (PEP 479). */
  private withStopIterationHandler(body: () => void): void {
    const handler = this.newLabel();
    this.setup(Op.SETUP_CLEANUP, handler, NO_POS);
    body();
    this.loadConst(null, NO_POS);
    this.emit(Op.RETURN_VALUE, 0, NO_POS);
    this.popBlock();
    this.useLabel(handler);
    this.emit(Op.CALL_INTRINSIC_1, Intrinsic1.StopIterationError, NO_POS);
    this.emit(Op.RERAISE, 1, NO_POS);
  }

  private isGeneratorLike(): boolean {
    const ste = this.u.ste;
    return ste.generator || ste.coroutine;
  }

  // ---- module ----

  compileModule(mod: ast.Mod): CodeObject {
    this.enterScope("<module>", ScopeType.Module, mod, 1);
    switch (mod._type) {
      case "Module":
        this.compileBody(mod.body, true);
        break;
      case "Interactive":
        if (findAnn(mod.body)) this.emit(Op.SETUP_ANNOTATIONS, 0, NO_POS);
        for (const s of mod.body) this.visitStmt(s);
        break;
      case "Expression":
        this.visitExpr(mod.body);
        this.emit(Op.RETURN_VALUE, 0, this.pos);
        return this.assembleUnit();
      case "FunctionType":
        throw new Error("compile(): FunctionType mode ('func_type') cannot be compiled to code");
    }
    const code = this.finishUnit(true);
    return code;
  }

  /** Module and class bodies: annotations dict, docstring into __doc__, then the statements. */
  private compileBody(stmts: readonly ast.Stmt[], isModule: boolean): void {
    if (findAnn(stmts)) this.emit(Op.SETUP_ANNOTATIONS, 0, NO_POS);
    if (stmts.length === 0) return;
    let i = 0;
    if (this.opts.optimize < 2) {
      const doc = getDocstring(stmts);
      if (doc !== null) {
        i = 1;
        const st = stmts[0] as ast.ExprStmt;
        this.pos = posOf(st);
        this.visitExpr(st.value);
        this.nameOp("__doc__", "Store", posOf(st));
      }
    }
    void isModule;
    for (; i < stmts.length; i++) this.visitStmt(stmts[i]);
  }

  // ---- statements ----

  visitStmts(stmts: readonly ast.Stmt[]): void {
    for (const s of stmts) this.visitStmt(s);
  }

  visitStmt(s: ast.Stmt): void {
    this.pos = posOf(s);
    const pos = this.pos;
    switch (s._type) {
      case "FunctionDef":
      case "AsyncFunctionDef":
        return this.compileFunction(s);
      case "ClassDef":
        return this.compileClass(s);
      case "Return":
        return this.compileReturn(s);
      case "Delete":
        for (const t of s.targets) this.visitExpr(t);
        return;
      case "Assign": {
        this.visitExpr(s.value);
        for (let i = 0; i < s.targets.length; i++) {
          if (i < s.targets.length - 1) this.emit(Op.COPY, 1, pos);
          this.visitExpr(s.targets[i]);
        }
        return;
      }
      case "AugAssign":
        return this.compileAugAssign(s);
      case "AnnAssign":
        return this.compileAnnAssign(s);
      case "For":
        return this.compileFor(s);
      case "AsyncFor":
        return this.compileAsyncFor(s);
      case "While":
        return this.compileWhile(s);
      case "If":
        return this.compileIf(s);
      case "Match":
        return this.compileMatch(s);
      case "Raise": {
        let n = 0;
        if (s.exc) {
          this.visitExpr(s.exc);
          n++;
          if (s.cause) {
            this.visitExpr(s.cause);
            n++;
          }
        }
        this.emit(Op.RAISE_VARARGS, n, pos);
        return;
      }
      case "Try":
        if (s.finalbody.length > 0) return this.compileTryFinally(s);
        return this.compileTryExcept(s);
      case "TryStar":
        if (s.finalbody.length > 0) return this.compileTryFinally(s);
        return this.compileTryStarExcept(s);
      case "Assert":
        return this.compileAssert(s);
      case "Import":
        return this.compileImport(s);
      case "ImportFrom":
        return this.compileImportFrom(s);
      case "Global":
      case "Nonlocal":
      case "Pass":
        this.emit(Op.NOP, 0, pos);
        return;
      case "Expr":
        return this.compileExprStmt(s);
      case "Break":
        return this.compileBreak(pos);
      case "Continue":
        return this.compileContinue(pos);
      case "With":
        return this.compileWith(s, 0);
      case "AsyncWith":
        return this.compileAsyncWith(s, 0);
      case "TypeAlias":
        return this.compileTypeAlias(s);
    }
  }

  private compileExprStmt(s: ast.ExprStmt): void {
    const value = s.value;
    if (this.opts.interactive && this.stack.length === 0) {
      this.visitExpr(value);
      this.emit(Op.CALL_INTRINSIC_1, Intrinsic1.Print, posOf(s));
      this.emit(Op.POP_TOP, 0, NO_POS);
      return;
    }
    if (value._type === "Constant") {
      this.emit(Op.NOP, 0, posOf(s));
      return;
    }
    this.visitExpr(value);
    this.emit(Op.POP_TOP, 0, NO_POS);
  }

  private isFunctionLike(): boolean {
    return this.u.ste.isFunctionLike();
  }

  private compileReturn(s: ast.Return): void {
    let pos = posOf(s);
    const value = s.value;
    const preserveTos = value !== null && value._type !== "Constant";
    if (!this.isFunctionLike()) this.error("'return' outside function", s);
    if (value !== null && this.u.ste.coroutine && this.u.ste.generator) this.error("'return' with value in async generator", s);
    if (preserveTos) {
      this.visitExpr(value);
    } else if (value !== null) {
      this.emit(Op.NOP, 0, posOf(value));
    }
    if (value === null || value.lineno !== s.lineno) this.emit(Op.NOP, 0, posOf(s));
    const saved = this.u.handlers.slice();
    pos = this.unwindFBlockStack(pos, preserveTos, false).pos;
    if (value === null) this.loadConst(null, pos);
    else if (!preserveTos) this.loadConst((value as ast.Constant).value, pos);
    this.emit(Op.RETURN_VALUE, 0, pos);
    this.u.handlers = saved;
  }

  private compileBreak(pos: Pos): void {
    this.emit(Op.NOP, 0, pos);
    const saved = this.u.handlers.slice();
    const r = this.unwindFBlockStack(pos, false, true);
    if (r.loop === null) this.error("'break' outside loop", pos);
    const p = this.unwindFBlock(r.pos, r.loop, false);
    this.emitJump(Op.JUMP, r.loop.exit as Label, p);
    this.u.handlers = saved;
  }

  private compileContinue(pos: Pos): void {
    this.emit(Op.NOP, 0, pos);
    const saved = this.u.handlers.slice();
    const r = this.unwindFBlockStack(pos, false, true);
    if (r.loop === null) this.error("'continue' not properly in loop", pos);
    this.emitJump(Op.JUMP, r.loop.block as Label, r.pos);
    this.u.handlers = saved;
  }

  private pushFBlock(type: FBlock, block: Label | null, exit: Label | null, datum: FBlockInfo["datum"], pos: Pos): void {
    this.u.fblocks.push({ type, block, exit, datum, pos });
  }

  private popFBlock(type: FBlock): void {
    const top = this.u.fblocks.pop();
    if (!top || top.type !== type) throw new Error("compiler bug: fblock mismatch");
  }

  /** Unwinds frame blocks up to (not including) the innermost loop when `stopAtLoop`; returns that loop. */
  private unwindFBlockStack(pos: Pos, preserveTos: boolean, stopAtLoop: boolean): { pos: Pos; loop: FBlockInfo | null } {
    const fbs = this.u.fblocks;
    if (fbs.length === 0) return { pos, loop: null };
    const top = fbs[fbs.length - 1];
    if (top.type === FBlock.ExceptionGroupHandler) this.error("'break', 'continue' and 'return' cannot appear in an except* block", pos);
    if (stopAtLoop && (top.type === FBlock.WhileLoop || top.type === FBlock.ForLoop)) return { pos, loop: top };
    fbs.pop();
    const p = this.unwindFBlock(pos, top, preserveTos);
    const r = this.unwindFBlockStack(p, preserveTos, stopAtLoop);
    fbs.push(top);
    return r;
  }

  private unwindFBlock(pos: Pos, info: FBlockInfo, preserveTos: boolean): Pos {
    switch (info.type) {
      case FBlock.WhileLoop:
      case FBlock.ExceptionHandler:
      case FBlock.ExceptionGroupHandler:
      case FBlock.AsyncComprehensionGenerator:
      case FBlock.StopIteration:
        return pos;
      case FBlock.ForLoop:
        if (preserveTos) this.emit(Op.SWAP, 2, pos);
        this.emit(Op.POP_TOP, 0, pos);
        return pos;
      case FBlock.TryExcept:
        this.popBlock();
        return pos;
      case FBlock.FinallyTry: {
        this.popBlock();
        if (preserveTos) this.pushFBlock(FBlock.PopValue, null, null, null, pos);
        // The finally body runs inline here; its own line numbers apply.
        const savedPos = this.pos;
        this.visitStmts(info.datum as ast.Stmt[]);
        this.pos = savedPos;
        if (preserveTos) this.popFBlock(FBlock.PopValue);
        return NO_POS;
      }
      case FBlock.FinallyEnd:
        if (preserveTos) this.emit(Op.SWAP, 2, NO_POS);
        this.emit(Op.POP_TOP, 0, NO_POS);
        if (preserveTos) this.emit(Op.SWAP, 2, NO_POS);
        this.popBlock();
        this.emit(Op.POP_EXCEPT, 0, NO_POS);
        return pos;
      case FBlock.With:
      case FBlock.AsyncWith: {
        const p = info.pos;
        this.popBlock();
        if (preserveTos) this.emit(Op.SWAP, 2, p);
        this.callExitWithNones(p);
        if (info.type === FBlock.AsyncWith) {
          this.emit(Op.GET_AWAITABLE, AwaitWhere.AfterAexit, p);
          this.loadConst(null, p);
          this.addYieldFrom(p, true);
        }
        this.emit(Op.POP_TOP, 0, p);
        return NO_POS;
      }
      case FBlock.HandlerCleanup: {
        const name = info.datum as string | null;
        if (name !== null) this.popBlock();
        if (preserveTos) this.emit(Op.SWAP, 2, pos);
        this.popBlock();
        this.emit(Op.POP_EXCEPT, 0, pos);
        if (name !== null) {
          this.loadConst(null, pos);
          this.nameOp(name, "Store", pos);
          this.nameOp(name, "Del", pos);
        }
        return pos;
      }
      case FBlock.PopValue:
        if (preserveTos) this.emit(Op.SWAP, 2, pos);
        this.emit(Op.POP_TOP, 0, pos);
        return pos;
    }
  }

  private callExitWithNones(pos: Pos): void {
    this.loadConst(null, pos);
    this.loadConst(null, pos);
    this.loadConst(null, pos);
    this.emit(Op.CALL, 2, pos);
  }

  private compileIf(s: ast.If): void {
    const end = this.newLabel();
    const next = s.orelse.length > 0 ? this.newLabel() : end;
    this.jumpIf(s.test, next, false, posOf(s));
    this.visitStmts(s.body);
    if (s.orelse.length > 0) {
      this.emitJump(Op.JUMP, end, NO_POS);
      this.useLabel(next);
      this.visitStmts(s.orelse);
    }
    this.useLabel(end);
  }

  private compileWhile(s: ast.While): void {
    const loop = this.newLabel();
    const body = this.newLabel();
    const anchor = this.newLabel();
    const end = this.newLabel();
    this.useLabel(loop);
    this.pushFBlock(FBlock.WhileLoop, loop, end, null, posOf(s));
    this.jumpIf(s.test, anchor, false, posOf(s));
    this.useLabel(body);
    this.visitStmts(s.body);
    this.pos = posOf(s);
    this.jumpIf(s.test, body, true, posOf(s));
    this.popFBlock(FBlock.WhileLoop);
    this.useLabel(anchor);
    this.visitStmts(s.orelse);
    this.useLabel(end);
  }

  private compileFor(s: ast.For): void {
    const pos = posOf(s);
    const start = this.newLabel();
    const cleanup = this.newLabel();
    const end = this.newLabel();
    this.pushFBlock(FBlock.ForLoop, start, end, null, pos);
    this.visitExpr(s.iter);
    this.emit(Op.GET_ITER, 0, pos);
    this.useLabel(start);
    this.emitJump(Op.FOR_ITER, cleanup, pos);
    this.u.lastTerminates = false;
    this.visitExpr(s.target);
    this.visitStmts(s.body);
    this.emitJump(Op.JUMP, start, NO_POS);
    this.useLabel(cleanup);
    this.popFBlock(FBlock.ForLoop);
    this.visitStmts(s.orelse);
    this.useLabel(end);
  }

  private isAsyncContextOk(): boolean {
    return this.u.scopeType === ScopeType.AsyncFunction || (this.opts.topLevelAwait && this.u.scopeType === ScopeType.Module);
  }

  private compileAsyncFor(s: ast.AsyncFor): void {
    const pos = posOf(s);
    if (this.opts.topLevelAwait && this.u.scopeType === ScopeType.Module) this.u.ste.coroutine = true;
    else if (this.u.scopeType !== ScopeType.AsyncFunction) this.error("'async for' outside async function", s);
    const start = this.newLabel();
    const except = this.newLabel();
    const end = this.newLabel();
    this.visitExpr(s.iter);
    this.emit(Op.GET_AITER, 0, pos);
    this.useLabel(start);
    this.pushFBlock(FBlock.ForLoop, start, end, null, pos);
    this.setup(Op.SETUP_FINALLY, except, pos);
    this.emit(Op.GET_ANEXT, 0, pos);
    this.loadConst(null, pos);
    this.addYieldFrom(pos, true);
    this.popBlock();
    this.visitExpr(s.target);
    this.visitStmts(s.body);
    this.emitJump(Op.JUMP, start, NO_POS);
    this.popFBlock(FBlock.ForLoop);
    this.useLabel(except);
    this.emit(Op.END_ASYNC_FOR, 0, posOf(s.iter));
    this.visitStmts(s.orelse);
    this.useLabel(end);
  }

  private popExceptAndReraise(pos: Pos): void {
    this.emit(Op.COPY, 3, pos);
    this.emit(Op.POP_EXCEPT, 0, pos);
    this.emit(Op.RERAISE, 1, pos);
  }

  private compileTryFinally(s: ast.Try | ast.TryStar): void {
    const pos = posOf(s);
    const body = this.newLabel();
    const end = this.newLabel();
    const exit = this.newLabel();
    const cleanup = this.newLabel();
    this.setup(Op.SETUP_FINALLY, end, pos);
    this.useLabel(body);
    this.pushFBlock(FBlock.FinallyTry, body, end, s.finalbody, pos);
    if (s.handlers.length > 0) {
      if (s._type === "Try") this.compileTryExcept(s);
      else this.compileTryStarExcept(s);
    } else {
      this.visitStmts(s.body);
    }
    this.popBlock();
    this.popFBlock(FBlock.FinallyTry);
    this.visitStmts(s.finalbody);
    this.emitJump(Op.JUMP, exit, NO_POS);
    this.useLabel(end);
    this.setup(Op.SETUP_CLEANUP, cleanup, NO_POS);
    this.emit(Op.PUSH_EXC_INFO, 0, NO_POS);
    this.pushFBlock(FBlock.FinallyEnd, end, null, null, NO_POS);
    this.visitStmts(s.finalbody);
    this.popFBlock(FBlock.FinallyEnd);
    this.emit(Op.RERAISE, 0, NO_POS);
    this.useLabel(cleanup);
    this.popExceptAndReraise(NO_POS);
    this.useLabel(exit);
  }

  private compileTryExcept(s: ast.Try): void {
    const pos = posOf(s);
    const body = this.newLabel();
    let except = this.newLabel();
    const end = this.newLabel();
    const cleanup = this.newLabel();
    this.setup(Op.SETUP_FINALLY, except, pos);
    this.useLabel(body);
    this.pushFBlock(FBlock.TryExcept, body, null, null, pos);
    this.visitStmts(s.body);
    this.popFBlock(FBlock.TryExcept);
    this.popBlock();
    this.visitStmts(s.orelse);
    this.emitJump(Op.JUMP, end, NO_POS);
    const n = s.handlers.length;
    this.useLabel(except);
    this.setup(Op.SETUP_CLEANUP, cleanup, NO_POS);
    this.emit(Op.PUSH_EXC_INFO, 0, NO_POS);
    this.pushFBlock(FBlock.ExceptionHandler, null, null, null, NO_POS);
    for (let i = 0; i < n; i++) {
      const handler = s.handlers[i];
      const hpos = posOf(handler);
      this.pos = hpos;
      if (!handler.type && i < n - 1) this.error("default 'except:' must be last", handler);
      except = this.newLabel();
      if (handler.type) {
        this.visitExpr(handler.type);
        this.emit(Op.CHECK_EXC_MATCH, 0, hpos);
        this.emitJump(Op.POP_JUMP_IF_FALSE, except, hpos);
      }
      if (handler.name) {
        const cleanupEnd = this.newLabel();
        const cleanupBody = this.newLabel();
        this.nameOp(handler.name, "Store", hpos);
        this.setup(Op.SETUP_CLEANUP, cleanupEnd, hpos);
        this.useLabel(cleanupBody);
        this.pushFBlock(FBlock.HandlerCleanup, cleanupBody, null, handler.name, hpos);
        this.visitStmts(handler.body);
        this.popFBlock(FBlock.HandlerCleanup);
        this.popBlock();
        this.popBlock();
        this.emit(Op.POP_EXCEPT, 0, NO_POS);
        this.loadConst(null, NO_POS);
        this.nameOp(handler.name, "Store", NO_POS);
        this.nameOp(handler.name, "Del", NO_POS);
        this.emitJump(Op.JUMP, end, NO_POS);
        this.useLabel(cleanupEnd);
        this.loadConst(null, NO_POS);
        this.nameOp(handler.name, "Store", NO_POS);
        this.nameOp(handler.name, "Del", NO_POS);
        this.emit(Op.RERAISE, 1, NO_POS);
      } else {
        const cleanupBody = this.newLabel();
        this.emit(Op.POP_TOP, 0, hpos);
        this.useLabel(cleanupBody);
        this.pushFBlock(FBlock.HandlerCleanup, cleanupBody, null, null, hpos);
        this.visitStmts(handler.body);
        this.popFBlock(FBlock.HandlerCleanup);
        this.popBlock();
        this.emit(Op.POP_EXCEPT, 0, NO_POS);
        this.emitJump(Op.JUMP, end, NO_POS);
      }
      this.useLabel(except);
    }
    this.popFBlock(FBlock.ExceptionHandler);
    this.emit(Op.RERAISE, 0, NO_POS);
    this.useLabel(cleanup);
    this.popExceptAndReraise(NO_POS);
    this.useLabel(end);
  }

  private compileTryStarExcept(s: ast.TryStar): void {
    const pos = posOf(s);
    const body = this.newLabel();
    let except = this.newLabel();
    const orelse = this.newLabel();
    const end = this.newLabel();
    const cleanup = this.newLabel();
    const reraiseStar = this.newLabel();
    this.setup(Op.SETUP_FINALLY, except, pos);
    this.useLabel(body);
    this.pushFBlock(FBlock.TryExcept, body, null, null, pos);
    this.visitStmts(s.body);
    this.popFBlock(FBlock.TryExcept);
    this.popBlock();
    this.emitJump(Op.JUMP, orelse, NO_POS);
    const n = s.handlers.length;
    this.useLabel(except);
    this.setup(Op.SETUP_CLEANUP, cleanup, NO_POS);
    this.emit(Op.PUSH_EXC_INFO, 0, NO_POS);
    this.pushFBlock(FBlock.ExceptionGroupHandler, null, null, "except handler", NO_POS);
    for (let i = 0; i < n; i++) {
      const handler = s.handlers[i];
      const hpos = posOf(handler);
      this.pos = hpos;
      except = this.newLabel();
      const exceptWithError = this.newLabel();
      const noMatch = this.newLabel();
      if (i === 0) {
        this.emit(Op.BUILD_LIST, 0, hpos);
        this.emit(Op.COPY, 2, hpos);
      }
      if (handler.type) {
        this.visitExpr(handler.type);
        this.emit(Op.CHECK_EG_MATCH, 0, hpos);
        this.emit(Op.COPY, 1, hpos);
        this.emitJump(Op.POP_JUMP_IF_NONE, noMatch, hpos);
      }
      const cleanupEnd = this.newLabel();
      const cleanupBody = this.newLabel();
      if (handler.name) this.nameOp(handler.name, "Store", hpos);
      else this.emit(Op.POP_TOP, 0, hpos);
      this.setup(Op.SETUP_CLEANUP, cleanupEnd, hpos);
      this.useLabel(cleanupBody);
      this.pushFBlock(FBlock.HandlerCleanup, cleanupBody, null, handler.name, hpos);
      this.visitStmts(handler.body);
      this.popFBlock(FBlock.HandlerCleanup);
      this.popBlock();
      if (handler.name) {
        this.loadConst(null, NO_POS);
        this.nameOp(handler.name, "Store", NO_POS);
        this.nameOp(handler.name, "Del", NO_POS);
      }
      this.emitJump(Op.JUMP, except, NO_POS);
      this.useLabel(cleanupEnd);
      if (handler.name) {
        this.loadConst(null, NO_POS);
        this.nameOp(handler.name, "Store", NO_POS);
        this.nameOp(handler.name, "Del", NO_POS);
      }
      this.emit(Op.LIST_APPEND, 3, NO_POS);
      this.emit(Op.POP_TOP, 0, NO_POS);
      this.emitJump(Op.JUMP, exceptWithError, NO_POS);
      this.useLabel(except);
      this.emit(Op.NOP, 0, NO_POS);
      this.emitJump(Op.JUMP, exceptWithError, NO_POS);
      this.useLabel(noMatch);
      this.emit(Op.POP_TOP, 0, hpos);
      this.useLabel(exceptWithError);
      if (i === n - 1) {
        this.emit(Op.LIST_APPEND, 1, NO_POS);
        this.emitJump(Op.JUMP, reraiseStar, NO_POS);
      }
    }
    this.popFBlock(FBlock.ExceptionGroupHandler);
    const reraise = this.newLabel();
    this.useLabel(reraiseStar);
    this.emit(Op.CALL_INTRINSIC_2, Intrinsic2.PrepReraiseStar, NO_POS);
    this.emit(Op.COPY, 1, NO_POS);
    this.emitJump(Op.POP_JUMP_IF_NOT_NONE, reraise, NO_POS);
    this.emit(Op.POP_TOP, 0, NO_POS);
    this.popBlock();
    this.emit(Op.POP_EXCEPT, 0, NO_POS);
    this.emitJump(Op.JUMP, end, NO_POS);
    this.useLabel(reraise);
    this.popBlock();
    this.emit(Op.SWAP, 2, NO_POS);
    this.emit(Op.POP_EXCEPT, 0, NO_POS);
    this.emit(Op.RERAISE, 0, NO_POS);
    this.useLabel(cleanup);
    this.popExceptAndReraise(NO_POS);
    this.useLabel(orelse);
    this.visitStmts(s.orelse);
    this.useLabel(end);
  }

  private withExceptFinish(cleanup: Label): void {
    const suppress = this.newLabel();
    this.emitJump(Op.POP_JUMP_IF_TRUE, suppress, NO_POS);
    this.u.lastTerminates = false;
    this.emit(Op.RERAISE, 2, NO_POS);
    this.useLabel(suppress);
    this.emit(Op.POP_TOP, 0, NO_POS);
    this.popBlock();
    this.emit(Op.POP_EXCEPT, 0, NO_POS);
    this.emit(Op.POP_TOP, 0, NO_POS);
    this.emit(Op.POP_TOP, 0, NO_POS);
    const exit = this.newLabel();
    this.emitJump(Op.JUMP, exit, NO_POS);
    this.useLabel(cleanup);
    this.popExceptAndReraise(NO_POS);
    this.useLabel(exit);
  }

  private compileWith(s: ast.With, index: number): void {
    const item = s.items[index];
    const block = this.newLabel();
    const final = this.newLabel();
    const exit = this.newLabel();
    const cleanup = this.newLabel();
    this.visitExpr(item.context_expr);
    const pos = posOf(item.context_expr);
    this.emit(Op.BEFORE_WITH, 0, pos);
    this.setup(Op.SETUP_WITH, final, pos);
    this.useLabel(block);
    this.pushFBlock(FBlock.With, block, final, s, posOf(s));
    if (item.optional_vars) this.visitExpr(item.optional_vars);
    else this.emit(Op.POP_TOP, 0, pos);
    if (index + 1 === s.items.length) this.visitStmts(s.body);
    else this.compileWith(s, index + 1);
    this.popBlock();
    this.popFBlock(FBlock.With);
    const spos = posOf(s);
    this.callExitWithNones(spos);
    this.emit(Op.POP_TOP, 0, spos);
    this.emitJump(Op.JUMP, exit, spos);
    this.useLabel(final);
    this.setup(Op.SETUP_CLEANUP, cleanup, spos);
    this.emit(Op.PUSH_EXC_INFO, 0, spos);
    this.emit(Op.WITH_EXCEPT_START, 0, spos);
    this.withExceptFinish(cleanup);
    this.useLabel(exit);
  }

  private compileAsyncWith(s: ast.AsyncWith, index: number): void {
    const item = s.items[index];
    const spos = posOf(s);
    if (this.opts.topLevelAwait && this.u.scopeType === ScopeType.Module) this.u.ste.coroutine = true;
    else if (this.u.scopeType !== ScopeType.AsyncFunction) this.error("'async with' outside async function", s);
    const block = this.newLabel();
    const final = this.newLabel();
    const exit = this.newLabel();
    const cleanup = this.newLabel();
    this.visitExpr(item.context_expr);
    const pos = posOf(item.context_expr);
    this.emit(Op.BEFORE_ASYNC_WITH, 0, pos);
    this.emit(Op.GET_AWAITABLE, AwaitWhere.AfterAenter, pos);
    this.loadConst(null, pos);
    this.addYieldFrom(pos, true);
    this.setup(Op.SETUP_WITH, final, pos);
    this.useLabel(block);
    this.pushFBlock(FBlock.AsyncWith, block, final, s, spos);
    if (item.optional_vars) this.visitExpr(item.optional_vars);
    else this.emit(Op.POP_TOP, 0, pos);
    if (index + 1 === s.items.length) this.visitStmts(s.body);
    else this.compileAsyncWith(s, index + 1);
    this.popFBlock(FBlock.AsyncWith);
    this.popBlock();
    this.callExitWithNones(spos);
    this.emit(Op.GET_AWAITABLE, AwaitWhere.AfterAexit, spos);
    this.loadConst(null, spos);
    this.addYieldFrom(spos, true);
    this.emit(Op.POP_TOP, 0, spos);
    this.emitJump(Op.JUMP, exit, spos);
    this.useLabel(final);
    this.setup(Op.SETUP_CLEANUP, cleanup, spos);
    this.emit(Op.PUSH_EXC_INFO, 0, spos);
    this.emit(Op.WITH_EXCEPT_START, 0, spos);
    this.emit(Op.GET_AWAITABLE, AwaitWhere.AfterAexit, spos);
    this.loadConst(null, spos);
    this.addYieldFrom(spos, true);
    this.withExceptFinish(cleanup);
    this.useLabel(exit);
  }

  /** SEND loop shared by await, yield from, async for/with. Stack: (receiver, value -- result). */
  addYieldFrom(pos: Pos, isAwait: boolean): void {
    const send = this.newLabel();
    const fail = this.newLabel();
    const exit = this.newLabel();
    this.useLabel(send);
    this.emitJump(Op.SEND, exit, pos);
    this.u.lastTerminates = false;
    this.setup(Op.SETUP_FINALLY, fail, pos);
    this.emit(Op.YIELD_VALUE, 0, pos);
    this.popBlock();
    this.emitJump(Op.JUMP_NO_INTERRUPT, send, pos);
    this.useLabel(fail);
    this.emit(Op.CLEANUP_THROW, 0, pos);
    this.useLabel(exit);
    this.emit(Op.END_SEND, 0, pos);
    void isAwait;
  }

  private compileAssert(s: ast.Assert): void {
    const t = s.test;
    if ((t._type === "Tuple" && t.elts.length > 0) || (t._type === "Constant" && t.value instanceof ConstTuple && (t.value as ConstTuple).items.length > 0)) {
      this.warn("assertion is always true, perhaps remove parentheses?", s.lineno);
    }
    if (this.opts.optimize) return;
    const pos = posOf(s);
    const end = this.newLabel();
    this.jumpIf(s.test, end, true, pos);
    this.emit(Op.LOAD_ASSERTION_ERROR, 0, pos);
    if (s.msg) {
      this.visitExpr(s.msg);
      this.emit(Op.CALL, 0, pos);
    }
    this.emit(Op.RAISE_VARARGS, 1, pos);
    this.useLabel(end);
  }

  private compileImport(s: ast.Import): void {
    const pos = posOf(s);
    for (const alias of s.names) {
      this.loadConst(0n, pos);
      this.loadConst(null, pos);
      this.emitName(Op.IMPORT_NAME, alias.name, pos);
      if (alias.asname) {
        const parts = alias.name.split(".");
        if (parts.length > 1) {
          for (let i = 1; i < parts.length; i++) {
            this.emit(Op.IMPORT_FROM, this.u.addName(parts[i]), pos);
            if (i === parts.length - 1) break;
            this.emit(Op.SWAP, 2, pos);
            this.emit(Op.POP_TOP, 0, pos);
          }
          this.nameOp(alias.asname, "Store", pos);
          this.emit(Op.POP_TOP, 0, pos);
        } else {
          this.nameOp(alias.asname, "Store", pos);
        }
      } else {
        this.nameOp(alias.name.split(".")[0], "Store", pos);
      }
    }
  }

  private compileImportFrom(s: ast.ImportFrom): void {
    const pos = posOf(s);
    this.loadConst(BigInt(s.level ?? 0), pos);
    this.loadConst(new ConstTuple(s.names.map((a) => a.name)), pos);
    this.emitName(Op.IMPORT_NAME, s.module ?? "", pos);
    for (let i = 0; i < s.names.length; i++) {
      const alias = s.names[i];
      if (i === 0 && alias.name === "*") {
        this.emit(Op.CALL_INTRINSIC_1, Intrinsic1.ImportStar, pos);
        this.emit(Op.POP_TOP, 0, NO_POS);
        return;
      }
      this.emitName(Op.IMPORT_FROM, alias.name, pos);
      this.nameOp(alias.asname ?? alias.name, "Store", pos);
    }
    this.emit(Op.POP_TOP, 0, pos);
  }

  private compileAugAssign(s: ast.AugAssign): void {
    const e = s.target;
    let pos = posOf(e);
    switch (e._type) {
      case "Attribute":
        this.visitExpr(e.value);
        this.emit(Op.COPY, 1, pos);
        pos = attrPos(pos, e);
        this.emit(Op.LOAD_ATTR, this.u.addName(mangle(this.u.privateName, e.attr)) << 1, pos);
        break;
      case "Subscript":
        this.visitExpr(e.value);
        if (e.slice._type === "Slice" && e.slice.step === null) {
          this.compileSliceParts(e.slice);
          this.emit(Op.COPY, 3, pos);
          this.emit(Op.COPY, 3, pos);
          this.emit(Op.COPY, 3, pos);
          this.emit(Op.BINARY_SLICE, 0, pos);
        } else {
          this.visitExpr(e.slice);
          this.emit(Op.COPY, 2, pos);
          this.emit(Op.COPY, 2, pos);
          this.emit(Op.BINARY_SUBSCR, 0, pos);
        }
        break;
      case "Name":
        this.nameOp(e.id, "Load", pos);
        break;
      default:
        throw new Error(`compiler bug: invalid augmented assignment target ${e._type}`);
    }
    this.visitExpr(s.value);
    this.emit(Op.BINARY_OP, BINOP_ARG[s.op] + INPLACE_OFFSET, posOf(s));
    pos = posOf(e);
    switch (e._type) {
      case "Attribute":
        pos = attrPos(pos, e);
        this.emit(Op.SWAP, 2, pos);
        this.emitName(Op.STORE_ATTR, e.attr, pos);
        break;
      case "Subscript":
        if (e.slice._type === "Slice" && e.slice.step === null) {
          this.emit(Op.SWAP, 4, pos);
          this.emit(Op.SWAP, 3, pos);
          this.emit(Op.SWAP, 2, pos);
          this.emit(Op.STORE_SLICE, 0, pos);
        } else {
          this.emit(Op.SWAP, 3, pos);
          this.emit(Op.SWAP, 2, pos);
          this.emit(Op.STORE_SUBSCR, 0, pos);
        }
        break;
      case "Name":
        this.nameOp(e.id, "Store", pos);
        break;
    }
  }

  private checkAnnExpr(e: ast.Expr): void {
    this.visitExpr(e);
    this.emit(Op.POP_TOP, 0, posOf(e));
  }

  private checkAnnSubscr(e: ast.Expr): void {
    if (e._type === "Slice") {
      if (e.lower) this.checkAnnExpr(e.lower);
      if (e.upper) this.checkAnnExpr(e.upper);
      if (e.step) this.checkAnnExpr(e.step);
    } else if (e._type === "Tuple") {
      for (const x of e.elts) this.checkAnnSubscr(x);
    } else {
      this.checkAnnExpr(e);
    }
  }

  private compileAnnAssign(s: ast.AnnAssign): void {
    const pos = posOf(s);
    const targ = s.target;
    if (s.value) {
      this.visitExpr(s.value);
      this.visitExpr(targ);
    }
    const futureAnn = (this.future & CO_FUTURE_ANNOTATIONS) !== 0;
    const moduleOrClass = this.u.scopeType === ScopeType.Module || this.u.scopeType === ScopeType.Class;
    switch (targ._type) {
      case "Name":
        this.forbiddenName(targ.id, "Store", pos);
        if (s.simple && moduleOrClass) {
          if (futureAnn) this.loadConst(unparseExpr(s.annotation), pos);
          else this.visitExpr(s.annotation);
          this.emitName(Op.LOAD_NAME, "__annotations__", pos);
          this.loadConst(mangle(this.u.privateName, targ.id), pos);
          this.emit(Op.STORE_SUBSCR, 0, pos);
        }
        break;
      case "Attribute":
        this.forbiddenName(targ.attr, "Store", pos);
        if (!s.value) this.checkAnnExpr(targ.value);
        break;
      case "Subscript":
        if (!s.value) {
          this.checkAnnExpr(targ.value);
          this.checkAnnSubscr(targ.slice);
        }
        break;
      default:
        throw new Error(`compiler bug: invalid annotated assignment target ${targ._type}`);
    }
    if (!s.simple && !futureAnn && moduleOrClass) this.checkAnnExpr(s.annotation);
  }

  // ---- names ----

  forbiddenName(name: string, ctx: ast.ExprContext, pos: Loc | Pos): void {
    if (ctx === "Store" && name === "__debug__") this.error("cannot assign to __debug__", pos);
    if (ctx === "Del" && name === "__debug__") this.error("cannot delete __debug__", pos);
  }

  nameOp(name: string, ctx: ast.ExprContext, pos: Pos = this.pos): void {
    this.forbiddenName(name, ctx, pos);
    const u = this.u;
    const ste = u.ste;
    const mangled = mangle(u.privateName, name);
    const scope = ste.scopeOf(mangled);
    type OpType = "deref" | "fast" | "global" | "name";
    let optype: OpType = "name";
    let free = false;
    switch (scope) {
      case Scope.Free:
        optype = "deref";
        free = true;
        break;
      case Scope.Cell:
        optype = "deref";
        break;
      case Scope.Local:
        if (ste.isFunctionLike() || u.fastHidden.has(mangled)) optype = "fast";
        break;
      case Scope.GlobalImplicit:
        if (ste.isFunctionLike()) optype = "global";
        break;
      case Scope.GlobalExplicit:
        optype = "global";
        break;
      default:
        break;
    }
    switch (optype) {
      case "deref":
        if (ctx === "Load") {
          if (ste.type === BlockType.Class && !u.inInlinedComp) {
            this.emit(Op.LOAD_LOCALS, 0, pos);
            this.emitDeref(Op.LOAD_FROM_DICT_OR_DEREF, mangled, free, pos);
          } else if (ste.canSeeClassScope) {
            this.emitDeref(Op.LOAD_DEREF, "__classdict__", true, pos);
            this.emitDeref(Op.LOAD_FROM_DICT_OR_DEREF, mangled, free, pos);
          } else {
            this.emitDeref(Op.LOAD_DEREF, mangled, free, pos);
          }
        } else {
          this.emitDeref(ctx === "Store" ? Op.STORE_DEREF : Op.DELETE_DEREF, mangled, free, pos);
        }
        return;
      case "fast":
        this.emit(ctx === "Load" ? Op.LOAD_FAST : ctx === "Store" ? Op.STORE_FAST : Op.DELETE_FAST, u.addVar(mangled), pos);
        return;
      case "global":
        if (ctx === "Load") {
          if (ste.canSeeClassScope && scope === Scope.GlobalImplicit) {
            this.emitDeref(Op.LOAD_DEREF, "__classdict__", true, pos);
            this.emit(Op.LOAD_FROM_DICT_OR_GLOBALS, u.addName(mangled), pos);
          } else {
            this.emit(Op.LOAD_GLOBAL, u.addName(mangled) << 1, pos);
          }
        } else {
          this.emit(ctx === "Store" ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL, u.addName(mangled), pos);
        }
        return;
      case "name":
        if (ctx === "Load") {
          if (ste.type === BlockType.Class && u.inInlinedComp) this.emit(Op.LOAD_GLOBAL, u.addName(mangled) << 1, pos);
          else this.emit(Op.LOAD_NAME, u.addName(mangled), pos);
        } else {
          this.emit(ctx === "Store" ? Op.STORE_NAME : Op.DELETE_NAME, u.addName(mangled), pos);
        }
        return;
    }
  }

  // ---- functions & classes ----

  private visitDecorators(decos: readonly ast.Expr[]): void {
    for (const d of decos) this.visitExpr(d);
  }

  private applyDecorators(decos: readonly ast.Expr[]): void {
    for (let i = decos.length - 1; i >= 0; i--) this.emit(Op.CALL, 0, posOf(decos[i]));
  }

  /** Parameters may not be named __debug__ (CPython's compiler_check_debug_args). */
  private checkDebugArgs(a: ast.Arguments): void {
    const all = [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])];
    for (const arg of all) this.forbiddenName(arg.arg, "Store", arg);
  }

  private visitDefaults(args: ast.Arguments, pos: Pos): number {
    let flags = 0;
    if (args.defaults.length > 0) {
      for (const d of args.defaults) this.visitExpr(d);
      this.emit(Op.BUILD_TUPLE, args.defaults.length, pos);
      flags |= MakeFunctionFlag.Defaults;
    }
    const keys: string[] = [];
    for (let i = 0; i < args.kwonlyargs.length; i++) {
      const d = args.kw_defaults[i] as ast.Expr | null | undefined;
      if (d) {
        keys.push(mangle(this.u.privateName, args.kwonlyargs[i].arg));
        this.visitExpr(d);
      }
    }
    if (keys.length > 0) {
      this.loadConst(new ConstTuple(keys), pos);
      this.emit(Op.BUILD_CONST_KEY_MAP, keys.length, pos);
      flags |= MakeFunctionFlag.KwDefaults;
    }
    return flags;
  }

  private visitArgAnnotation(name: string, annotation: ast.Expr | null, pos: Pos): number {
    if (!annotation) return 0;
    this.loadConst(mangle(this.u.privateName, name), pos);
    if (this.future & CO_FUTURE_ANNOTATIONS) {
      this.loadConst(unparseExpr(annotation), pos);
    } else if (annotation._type === "Starred") {
      this.visitExpr(annotation.value);
      this.emit(Op.UNPACK_SEQUENCE, 1, pos);
    } else {
      this.visitExpr(annotation);
    }
    return 2;
  }

  private visitAnnotations(args: ast.Arguments, returns: ast.Expr | null, pos: Pos): boolean {
    let n = 0;
    for (const a of args.args) n += this.visitArgAnnotation(a.arg, a.annotation, pos);
    for (const a of args.posonlyargs) n += this.visitArgAnnotation(a.arg, a.annotation, pos);
    if (args.vararg?.annotation) n += this.visitArgAnnotation(args.vararg.arg, args.vararg.annotation, pos);
    for (const a of args.kwonlyargs) n += this.visitArgAnnotation(a.arg, a.annotation, pos);
    if (args.kwarg?.annotation) n += this.visitArgAnnotation(args.kwarg.arg, args.kwarg.annotation, pos);
    n += this.visitArgAnnotation("return", returns, pos);
    if (n > 0) {
      this.emit(Op.BUILD_TUPLE, n, pos);
      return true;
    }
    return false;
  }

  /** Pushes the closure cells a code object needs, then makes the function and attaches its attributes. */
  makeClosure(code: CodeObject, flags: number, pos: Pos): void {
    if (code.co_freevars.length > 0) {
      for (const name of code.co_freevars) {
        // In a class body, __class__/__classdict__ are cells of the class; otherwise prefer our cell, then our free var.
        let free: boolean;
        if (this.u.scopeType === ScopeType.Class && (name === "__class__" || name === "__classdict__")) free = false;
        else free = this.u.ste.scopeOf(name) === Scope.Free || (this.u.ste.flagsOf(name) & DEF_FREE_CLASS) !== 0 && !this.u.cellvars.includes(name);
        if (!free && !this.u.cellvars.includes(name)) free = true;
        if (free && !this.u.freevars.includes(name)) throw new Error(`compiler bug: closure variable '${name}' of ${code.co_qualname} not found in ${this.u.qualname}`);
        this.emitDeref(Op.LOAD_CLOSURE, name, free, pos);
      }
      flags |= MakeFunctionFlag.Closure;
      this.emit(Op.BUILD_TUPLE, code.co_freevars.length, pos);
    }
    this.loadConst(code, pos);
    this.emit(Op.MAKE_FUNCTION, 0, pos);
    for (const bit of [MakeFunctionFlag.Closure, MakeFunctionFlag.Annotations, MakeFunctionFlag.KwDefaults, MakeFunctionFlag.Defaults]) {
      if (flags & bit) this.emit(Op.SET_FUNCTION_ATTRIBUTE, bit, pos);
    }
  }

  private compileFunction(s: ast.FunctionDef | ast.AsyncFunctionDef): void {
    const pos = posOf(s);
    const isAsync = s._type === "AsyncFunctionDef";
    this.checkDebugArgs(s.args);
    this.visitDecorators(s.decorator_list);
    const firstlineno = s.decorator_list.length > 0 ? s.decorator_list[0].lineno : s.lineno;
    let funcflags = this.visitDefaults(s.args, pos);
    const typeParams = s.type_params;
    const isGeneric = typeParams.length > 0;
    let numTypeParamArgs = 0;
    if (isGeneric) {
      if (funcflags & MakeFunctionFlag.Defaults) numTypeParamArgs++;
      if (funcflags & MakeFunctionFlag.KwDefaults) numTypeParamArgs++;
      if (numTypeParamArgs === 2) this.emit(Op.SWAP, 2, pos);
      // CPython 3.12 pushes the NULL before the annotation-scope function (CALL's NULL sits below the callable)
      if (numTypeParamArgs === 0) this.emit(Op.PUSH_NULL, 0, pos);
      this.enterScope(`<generic parameters of ${s.name}>`, ScopeType.TypeParams, typeParams, firstlineno);
      this.compileTypeParams(typeParams);
      for (let i = 0; i < numTypeParamArgs; i++) this.emit(Op.LOAD_FAST, i, pos);
    }
    if (this.visitAnnotations(s.args, s.returns, pos)) funcflags |= MakeFunctionFlag.Annotations;
    this.compileFunctionBody(s, isAsync, funcflags, firstlineno);
    if (isGeneric) {
      this.emit(Op.SWAP, 2, pos);
      this.emit(Op.CALL_INTRINSIC_2, Intrinsic2.SetFunctionTypeParams, pos);
      this.emit(Op.RETURN_VALUE, 0, pos);
      this.u.argcount = numTypeParamArgs;
      const co = this.assembleUnit();
      this.exitScope();
      this.makeClosure(co, 0, pos);
      if (numTypeParamArgs > 0) {
        this.emit(Op.SWAP, numTypeParamArgs + 1, pos);
        this.emit(Op.CALL, numTypeParamArgs - 1, pos);
      } else {
        this.emit(Op.CALL, 0, pos);
      }
    }
    this.applyDecorators(s.decorator_list);
    this.nameOp(s.name, "Store", pos);
  }

  private compileFunctionBody(s: ast.FunctionDef | ast.AsyncFunctionDef, isAsync: boolean, funcflags: number, firstlineno: number): void {
    const pos = posOf(s);
    this.enterScope(s.name, isAsync ? ScopeType.AsyncFunction : ScopeType.Function, s, firstlineno);
    const doc = this.opts.optimize < 2 ? getDocstring(s.body) : null;
    this.u.addConst(doc);
    this.u.argcount = s.args.args.length + s.args.posonlyargs.length;
    this.u.posonlyargcount = s.args.posonlyargs.length;
    this.u.kwonlyargcount = s.args.kwonlyargs.length;
    const body = (): void => {
      for (let i = doc !== null ? 1 : 0; i < s.body.length; i++) this.visitStmt(s.body[i]);
    };
    if (this.isGeneratorLike()) this.withStopIterationHandler(body);
    else body();
    const co = this.finishUnit(true);
    this.exitScope();
    this.makeClosure(co, funcflags, pos);
  }

  private compileTypeParams(params: readonly ast.TypeParam[]): void {
    for (const tp of params) {
      const pos = posOf(tp);
      this.loadConst(tp.name, pos);
      if (tp._type === "TypeVar") {
        if (tp.bound) {
          this.compileTypeParamBound(tp.bound, tp.name, tp, pos);
          this.emit(Op.CALL_INTRINSIC_2, tp.bound._type === "Tuple" ? Intrinsic2.TypeVarWithConstraints : Intrinsic2.TypeVarWithBound, pos);
        } else {
          this.emit(Op.CALL_INTRINSIC_1, Intrinsic1.TypeVar, pos);
        }
      } else {
        this.emit(Op.CALL_INTRINSIC_1, tp._type === "TypeVarTuple" ? Intrinsic1.TypeVarTuple : Intrinsic1.ParamSpec, pos);
      }
      this.emit(Op.COPY, 1, pos);
      this.nameOp(tp.name, "Store", pos);
    }
    this.emit(Op.BUILD_TUPLE, params.length, posOf(params[0]));
  }

  private compileTypeParamBound(bound: ast.Expr, name: string, node: object, pos: Pos): void {
    this.enterScope(name, ScopeType.TypeParams, node, pos[0]);
    this.u.addConst(null);
    if (bound._type === "Tuple") {
      // Constraints: evaluated lazily as a tuple.
      this.visitExpr(bound);
    } else {
      this.visitExpr(bound);
    }
    this.emit(Op.RETURN_VALUE, 0, pos);
    const co = this.assembleUnit();
    this.exitScope();
    this.makeClosure(co, 0, pos);
  }

  private compileTypeAlias(s: ast.TypeAlias): void {
    const pos = posOf(s);
    const name = (s.name as ast.Name).id;
    const isGeneric = s.type_params.length > 0;
    if (isGeneric) {
      this.emit(Op.PUSH_NULL, 0, pos);
      this.enterScope(`<generic parameters of ${name}>`, ScopeType.TypeParams, s.type_params, s.lineno);
      this.loadConst(name, pos);
      this.compileTypeParams(s.type_params);
    } else {
      this.loadConst(name, pos);
      this.loadConst(null, pos);
    }
    this.enterScope(name, ScopeType.Function, s, s.lineno);
    this.u.addConst(null);
    this.visitExpr(s.value);
    this.emit(Op.RETURN_VALUE, 0, pos);
    const body = this.assembleUnit();
    this.exitScope();
    this.makeClosure(body, 0, pos);
    this.emit(Op.BUILD_TUPLE, 3, pos);
    this.emit(Op.CALL_INTRINSIC_1, Intrinsic1.TypeAlias, pos);
    if (isGeneric) {
      this.emit(Op.RETURN_VALUE, 0, pos);
      const co = this.assembleUnit();
      this.exitScope();
      this.makeClosure(co, 0, pos);
      this.emit(Op.CALL, 0, pos);
    }
    this.nameOp(name, "Store", pos);
  }

  private compileClass(s: ast.ClassDef): void {
    const pos = posOf(s);
    this.visitDecorators(s.decorator_list);
    const firstlineno = s.decorator_list.length > 0 ? s.decorator_list[0].lineno : s.lineno;
    const isGeneric = s.type_params.length > 0;
    if (isGeneric) {
      this.emit(Op.PUSH_NULL, 0, pos);
      this.enterScope(`<generic parameters of ${s.name}>`, ScopeType.TypeParams, s.type_params, firstlineno);
      this.u.privateName = s.name;
      this.compileTypeParams(s.type_params);
      this.nameOp(".type_params", "Store", pos);
    }
    // The class body.
    this.enterScope(s.name, ScopeType.Class, s, firstlineno);
    this.pos = pos;
    this.nameOp("__name__", "Load", pos);
    this.nameOp("__module__", "Store", pos);
    this.loadConst(this.u.qualname, pos);
    this.nameOp("__qualname__", "Store", pos);
    if (isGeneric) {
      this.nameOp(".type_params", "Load", pos);
      this.nameOp("__type_params__", "Store", pos);
    }
    if (this.u.ste.needsClassdict) {
      this.emit(Op.LOAD_LOCALS, 0, pos);
      this.emitDeref(Op.STORE_DEREF, "__classdict__", false, pos);
    }
    this.compileBody(s.body, false);
    if (this.u.ste.needsClassdict) {
      this.emitDeref(Op.LOAD_CLOSURE, "__classdict__", false, NO_POS);
      this.nameOp("__classdictcell__", "Store", NO_POS);
    }
    if (this.u.ste.needsClassClosure) {
      this.emitDeref(Op.LOAD_CLOSURE, "__class__", false, NO_POS);
      this.emit(Op.COPY, 1, NO_POS);
      this.nameOp("__classcell__", "Store", NO_POS);
    } else {
      this.loadConst(null, NO_POS);
    }
    this.emit(Op.RETURN_VALUE, 0, NO_POS);
    const co = this.assembleUnit();
    this.exitScope();
    this.pos = pos;
    this.emit(Op.PUSH_NULL, 0, pos);
    this.emit(Op.LOAD_BUILD_CLASS, 0, pos);
    this.makeClosure(co, 0, pos);
    this.loadConst(s.name, pos);
    if (isGeneric) {
      this.nameOp(".type_params", "Load", pos);
      this.emit(Op.CALL_INTRINSIC_1, Intrinsic1.SubscriptGeneric, pos);
      this.nameOp(".generic_base", "Store", pos);
      const genericBase: ast.Name = { _type: "Name", id: ".generic_base", ctx: "Load", lineno: pos[0], end_lineno: pos[1], col_offset: pos[2], end_col_offset: pos[3] };
      this.callHelper(pos, 2, [...s.bases, genericBase], s.keywords);
      this.emit(Op.RETURN_VALUE, 0, pos);
      const outer = this.assembleUnit();
      this.exitScope();
      this.makeClosure(outer, 0, pos);
      this.emit(Op.CALL, 0, pos);
    } else {
      this.callHelper(pos, 2, s.bases, s.keywords);
    }
    this.applyDecorators(s.decorator_list);
    this.nameOp(s.name, "Store", pos);
  }

  // ---- match ----

  private compileMatch(s: ast.Match): void {
    compilePattern(this, s);
  }

  // ---- expressions ----

  /** Jumps to `target` when the truth of `e` equals `cond` (CPython's compiler_jump_if). */
  jumpIf(e: ast.Expr, target: Label, cond: boolean, pos: Pos): void {
    switch (e._type) {
      case "UnaryOp":
        if (e.op === "Not") return this.jumpIf(e.operand, target, !cond, pos);
        break;
      case "BoolOp": {
        const isOr = e.op === "Or";
        const next2 = isOr === cond ? target : this.newLabel();
        const n = e.values.length - 1;
        for (let i = 0; i < n; i++) this.jumpIf(e.values[i], next2, isOr, pos);
        this.jumpIf(e.values[n], target, cond, pos);
        if (next2 !== target) this.useLabel(next2);
        return;
      }
      case "IfExp": {
        const end = this.newLabel();
        const next2 = this.newLabel();
        this.jumpIf(e.test, next2, false, pos);
        this.jumpIf(e.body, target, cond, pos);
        this.emitJump(Op.JUMP, end, NO_POS);
        this.useLabel(next2);
        this.jumpIf(e.orelse, target, cond, pos);
        this.useLabel(end);
        return;
      }
      case "Compare": {
        const n = e.ops.length - 1;
        if (n > 0) {
          const cpos = posOf(e);
          this.checkCompare(e);
          const cleanup = this.newLabel();
          this.visitExpr(e.left);
          for (let i = 0; i < n; i++) {
            this.visitExpr(e.comparators[i]);
            this.emit(Op.SWAP, 2, cpos);
            this.emit(Op.COPY, 2, cpos);
            this.addCompare(e.ops[i], cpos);
            this.emitJump(Op.POP_JUMP_IF_FALSE, cleanup, cpos);
            this.u.lastTerminates = false;
          }
          this.visitExpr(e.comparators[n]);
          this.addCompare(e.ops[n], cpos);
          this.emitJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, target, cpos);
          this.u.lastTerminates = false;
          const end = this.newLabel();
          this.emitJump(Op.JUMP, end, NO_POS);
          this.useLabel(cleanup);
          this.emit(Op.POP_TOP, 0, cpos);
          if (!cond) this.emitJump(Op.JUMP, target, NO_POS);
          this.useLabel(end);
          return;
        }
        break;
      }
      case "Constant": {
        const truth = isConstTrue(e.value);
        if (truth !== null) {
          if (truth === cond) this.emitJump(Op.JUMP, target, posOf(e));
          return;
        }
        break;
      }
      default:
        break;
    }
    this.visitExpr(e);
    this.emitJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, target, posOf(e));
    this.u.lastTerminates = false;
  }

  /** `x is 1`: SyntaxWarning when an identity test has a literal operand other than None/True/False/... */
  private checkCompare(e: ast.Compare): void {
    const isArg = (x: ast.Expr): boolean => x._type !== "Constant" || x.value === null || typeof x.value === "boolean" || x.value === EllipsisConst;
    let left = isArg(e.left);
    let leftExpr = e.left;
    for (let i = 0; i < e.ops.length; i++) {
      const op = e.ops[i];
      const rightExpr = e.comparators[i];
      const right = isArg(rightExpr);
      if ((op === "Is" || op === "IsNot") && (!right || !left)) {
        const literal = !left ? leftExpr : rightExpr;
        const t = inferTypeName(literal);
        this.warn(op === "Is" ? `"is" with '${t}' literal. Did you mean "=="?` : `"is not" with '${t}' literal. Did you mean "!="?`, e.lineno);
        return;
      }
      left = right;
      leftExpr = rightExpr;
    }
  }

  /** `(1, 2)(x)`: SyntaxWarning for calling a literal that can never be callable. */
  private checkCaller(e: ast.Expr): void {
    switch (e._type) {
      case "Constant":
      case "Tuple":
      case "List":
      case "ListComp":
      case "Dict":
      case "DictComp":
      case "Set":
      case "SetComp":
      case "GeneratorExp":
      case "JoinedStr":
      case "FormattedValue":
        this.warn(`'${inferTypeName(e)}' object is not callable; perhaps you missed a comma?`, e.lineno);
        break;
      default:
        break;
    }
  }

  /** `[1, 2]["a"]`: SyntaxWarning for indexing a literal sequence with a literal of the wrong type. */
  private checkIndex(e: ast.Expr, s: ast.Expr): void {
    const indexType = inferTypeName(s);
    if (indexType === null || indexType === "int" || indexType === "bool") return;
    if (s._type === "Slice") return;
    switch (e._type) {
      case "Constant": {
        const v = e.value as ConstValue;
        if (!(typeof v === "string" || v instanceof BytesConst || v instanceof ConstTuple)) return;
        break;
      }
      case "Tuple":
      case "List":
      case "ListComp":
      case "JoinedStr":
      case "FormattedValue":
        break;
      default:
        return;
    }
    this.warn(`${inferTypeName(e)} indices must be integers or slices, not ${indexType}; perhaps you missed a comma?`, e.lineno);
  }

  addCompare(op: ast.CmpOp, pos: Pos): void {
    switch (op) {
      case "Is":
        this.emit(Op.IS_OP, 0, pos);
        return;
      case "IsNot":
        this.emit(Op.IS_OP, 1, pos);
        return;
      case "In":
        this.emit(Op.CONTAINS_OP, 0, pos);
        return;
      case "NotIn":
        this.emit(Op.CONTAINS_OP, 1, pos);
        return;
      default:
        this.emit(Op.COMPARE_OP, CMP_ARG[op] as CompareOp, pos);
    }
  }

  visitExpr(e: ast.Expr): void {
    const saved = this.pos;
    this.pos = posOf(e);
    this.visitExpr1(e);
    this.pos = saved;
  }

  private visitExpr1(e: ast.Expr): void {
    const pos = this.pos;
    switch (e._type) {
      case "NamedExpr":
        this.visitExpr(e.value);
        this.emit(Op.COPY, 1, pos);
        this.visitExpr(e.target);
        return;
      case "BoolOp": {
        const jump = e.op === "And" ? Op.POP_JUMP_IF_FALSE : Op.POP_JUMP_IF_TRUE;
        const end = this.newLabel();
        const n = e.values.length - 1;
        for (let i = 0; i < n; i++) {
          this.visitExpr(e.values[i]);
          this.emit(Op.COPY, 1, pos);
          this.emitJump(jump, end, pos);
          this.u.lastTerminates = false;
          this.emit(Op.POP_TOP, 0, pos);
        }
        this.visitExpr(e.values[n]);
        this.useLabel(end);
        return;
      }
      case "BinOp":
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        this.emit(Op.BINARY_OP, BINOP_ARG[e.op], pos);
        return;
      case "UnaryOp":
        this.visitExpr(e.operand);
        switch (e.op) {
          case "UAdd":
            this.emit(Op.CALL_INTRINSIC_1, Intrinsic1.UnaryPositive, pos);
            return;
          case "USub":
            this.emit(Op.UNARY_NEGATIVE, 0, pos);
            return;
          case "Not":
            this.emit(Op.UNARY_NOT, 0, pos);
            return;
          case "Invert":
            this.emit(Op.UNARY_INVERT, 0, pos);
            return;
        }
        return;
      case "Lambda":
        return this.compileLambda(e);
      case "IfExp": {
        const end = this.newLabel();
        const next = this.newLabel();
        this.jumpIf(e.test, next, false, pos);
        this.visitExpr(e.body);
        this.emitJump(Op.JUMP, end, NO_POS);
        this.useLabel(next);
        this.visitExpr(e.orelse);
        this.useLabel(end);
        return;
      }
      case "Dict":
        return this.compileDict(e);
      case "Set":
        return this.starunpackHelper(e.elts, 0, Op.BUILD_SET, Op.SET_ADD, Op.SET_UPDATE, false, pos);
      case "GeneratorExp":
        return this.compileComprehension(e, "<genexpr>", e.generators, e.elt, null);
      case "ListComp":
        return this.compileComprehension(e, "<listcomp>", e.generators, e.elt, null);
      case "SetComp":
        return this.compileComprehension(e, "<setcomp>", e.generators, e.elt, null);
      case "DictComp":
        return this.compileComprehension(e, "<dictcomp>", e.generators, e.key, e.value);
      case "Yield":
        if (!this.isFunctionLike()) this.error("'yield' outside function", e);
        if (e.value) this.visitExpr(e.value);
        else this.loadConst(null, pos);
        this.addYield(pos);
        return;
      case "YieldFrom":
        if (!this.isFunctionLike()) this.error("'yield' outside function", e);
        if (this.u.scopeType === ScopeType.AsyncFunction) this.error("'yield from' inside async function", e);
        this.visitExpr(e.value);
        this.emit(Op.GET_YIELD_FROM_ITER, 0, pos);
        this.loadConst(null, pos);
        this.addYieldFrom(pos, false);
        return;
      case "Await":
        if (!(this.opts.topLevelAwait && this.u.scopeType === ScopeType.Module)) {
          if (!this.isFunctionLike()) this.error("'await' outside function", e);
          if (this.u.scopeType !== ScopeType.AsyncFunction && this.u.scopeType !== ScopeType.Comprehension) this.error("'await' outside async function", e);
        }
        this.visitExpr(e.value);
        this.emit(Op.GET_AWAITABLE, AwaitWhere.Plain, pos);
        this.loadConst(null, pos);
        this.addYieldFrom(pos, true);
        return;
      case "Compare":
        return this.compileCompare(e);
      case "Call":
        return this.compileCall(e);
      case "Constant":
        this.loadConst(e.value, pos);
        return;
      case "JoinedStr":
        return this.compileJoinedStr(e);
      case "FormattedValue": {
        this.visitExpr(e.value);
        let oparg: number = FormatValueFlag.ConvNone;
        if (e.conversion === 115) oparg = FormatValueFlag.ConvStr;
        else if (e.conversion === 114) oparg = FormatValueFlag.ConvRepr;
        else if (e.conversion === 97) oparg = FormatValueFlag.ConvAscii;
        if (e.format_spec) {
          this.visitExpr(e.format_spec);
          oparg |= FormatValueFlag.HaveSpec;
        }
        this.emit(Op.FORMAT_VALUE, oparg, pos);
        return;
      }
      case "Attribute":
        if (e.ctx === "Load" && this.loadSuperAttr(e, false)) return;
        this.visitExpr(e.value);
        {
          const apos = attrPos(pos, e);
          if (e.ctx === "Load") this.emit(Op.LOAD_ATTR, this.u.addName(mangle(this.u.privateName, e.attr)) << 1, apos);
          else if (e.ctx === "Store") {
            this.forbiddenName(e.attr, "Store", pos);
            this.emitName(Op.STORE_ATTR, e.attr, apos);
          } else this.emitName(Op.DELETE_ATTR, e.attr, apos);
        }
        return;
      case "Subscript":
        return this.compileSubscript(e);
      case "Starred":
        if (e.ctx === "Store") this.error("starred assignment target must be in a list or tuple", e);
        this.error("can't use starred expression here", e);
      // falls through (error throws)
      case "Slice": {
        const n = this.compileSliceParts(e);
        this.emit(Op.BUILD_SLICE, n, pos);
        return;
      }
      case "Name":
        this.nameOp(e.id, e.ctx, pos);
        return;
      case "List":
        if (e.ctx === "Store") return this.assignmentHelper(e.elts, pos);
        if (e.ctx === "Del") {
          for (const x of e.elts) this.visitExpr(x);
          return;
        }
        return this.starunpackHelper(e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, false, pos);
      case "Tuple":
        if (e.ctx === "Store") return this.assignmentHelper(e.elts, pos);
        if (e.ctx === "Del") {
          for (const x of e.elts) this.visitExpr(x);
          return;
        }
        return this.starunpackHelper(e.elts, 0, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true, pos);
    }
  }

  addYield(pos: Pos): void {
    if (this.u.ste.generator && this.u.ste.coroutine) this.emit(Op.CALL_INTRINSIC_1, Intrinsic1.AsyncGenWrap, pos);
    this.emit(Op.YIELD_VALUE, 0, pos);
  }

  /** Emits lower/upper (None when absent) and step if present; returns the item count. */
  private compileSliceParts(s: ast.Slice): number {
    let n = 2;
    if (s.lower) this.visitExpr(s.lower);
    else this.loadConst(null);
    if (s.upper) this.visitExpr(s.upper);
    else this.loadConst(null);
    if (s.step) {
      n++;
      this.visitExpr(s.step);
    }
    return n;
  }

  private compileSubscript(e: ast.Subscript): void {
    const pos = this.pos;
    const ctx = e.ctx;
    if (ctx === "Load") {
      this.checkSubscripter(e.value);
      this.checkIndex(e.value, e.slice);
    }
    this.visitExpr(e.value);
    if (e.slice._type === "Slice" && e.slice.step === null && ctx !== "Del") {
      this.compileSliceParts(e.slice);
      this.emit(ctx === "Load" ? Op.BINARY_SLICE : Op.STORE_SLICE, 0, pos);
      return;
    }
    this.visitExpr(e.slice);
    this.emit(ctx === "Load" ? Op.BINARY_SUBSCR : ctx === "Store" ? Op.STORE_SUBSCR : Op.DELETE_SUBSCR, 0, pos);
  }

  /** `{1, 2}[0]`: SyntaxWarning for subscripting a literal that is never subscriptable. */
  private checkSubscripter(e: ast.Expr): void {
    switch (e._type) {
      case "Constant": {
        const v = e.value as ConstValue;
        const notSubscriptable = v === null || v === EllipsisConst || typeof v === "bigint" || typeof v === "number" || v instanceof ComplexConst || v instanceof ConstFrozenset || typeof v === "boolean";
        if (!notSubscriptable) return;
        break;
      }
      case "Set":
      case "SetComp":
      case "GeneratorExp":
      case "Lambda":
        break;
      default:
        return;
    }
    this.warn(`'${inferTypeName(e)}' object is not subscriptable; perhaps you missed a comma?`, e.lineno);
  }

  private compileCompare(e: ast.Compare): void {
    const pos = this.pos;
    this.checkCompare(e);
    this.visitExpr(e.left);
    const n = e.ops.length - 1;
    if (n === 0) {
      this.visitExpr(e.comparators[0]);
      this.addCompare(e.ops[0], pos);
      return;
    }
    const cleanup = this.newLabel();
    for (let i = 0; i < n; i++) {
      this.visitExpr(e.comparators[i]);
      this.emit(Op.SWAP, 2, pos);
      this.emit(Op.COPY, 2, pos);
      this.addCompare(e.ops[i], pos);
      this.emit(Op.COPY, 1, pos);
      this.emitJump(Op.POP_JUMP_IF_FALSE, cleanup, pos);
      this.u.lastTerminates = false;
      this.emit(Op.POP_TOP, 0, pos);
    }
    this.visitExpr(e.comparators[n]);
    this.addCompare(e.ops[n], pos);
    const end = this.newLabel();
    this.emitJump(Op.JUMP, end, NO_POS);
    this.useLabel(cleanup);
    this.emit(Op.SWAP, 2, pos);
    this.emit(Op.POP_TOP, 0, pos);
    this.useLabel(end);
  }

  private compileJoinedStr(e: ast.JoinedStr): void {
    const pos = this.pos;
    const n = e.values.length;
    if (n > STACK_USE_GUIDELINE) {
      this.loadConst("", pos);
      this.emit(Op.LOAD_ATTR, (this.u.addName("join") << 1) | 1, pos);
      this.emit(Op.BUILD_LIST, 0, pos);
      for (const v of e.values) {
        this.visitExpr(v);
        this.emit(Op.LIST_APPEND, 1, pos);
      }
      this.emit(Op.CALL, 1, pos);
      return;
    }
    for (const v of e.values) this.visitExpr(v);
    if (n !== 1) this.emit(Op.BUILD_STRING, n, pos);
  }

  private allConst(elts: readonly (ast.Expr | null)[], begin: number, end: number): boolean {
    for (let i = begin; i < end; i++) {
      const x = elts[i];
      if (!x || x._type !== "Constant") return false;
    }
    return true;
  }

  starunpackHelper(elts: readonly ast.Expr[], pushed: number, build: Op, add: Op, extend: Op, tuple: boolean, pos: Pos): void {
    const n = elts.length;
    if (n > 2 && this.allConst(elts, 0, n)) {
      const items = elts.map((x) => (x as ast.Constant).value);
      if (tuple && !pushed) {
        this.loadConst(new ConstTuple(items), pos);
      } else {
        this.emit(build, pushed, pos);
        this.loadConst(add === Op.SET_ADD ? frozensetOf(items) : new ConstTuple(items), pos);
        this.emit(extend, 1, pos);
        if (tuple) this.emit(Op.CALL_INTRINSIC_1, Intrinsic1.ListToTuple, pos);
      }
      return;
    }
    const big = n + pushed > STACK_USE_GUIDELINE;
    const seenStar = elts.some((x) => x._type === "Starred");
    if (!seenStar && !big) {
      for (const x of elts) this.visitExpr(x);
      this.emit(tuple ? Op.BUILD_TUPLE : build, n + pushed, pos);
      return;
    }
    let built = false;
    if (big) {
      this.emit(build, pushed, pos);
      built = true;
    }
    for (let i = 0; i < n; i++) {
      const x = elts[i];
      if (x._type === "Starred") {
        if (!built) {
          this.emit(build, i + pushed, pos);
          built = true;
        }
        this.visitExpr(x.value);
        this.emit(extend, 1, pos);
      } else {
        this.visitExpr(x);
        if (built) this.emit(add, 1, pos);
      }
    }
    if (tuple) this.emit(Op.CALL_INTRINSIC_1, Intrinsic1.ListToTuple, pos);
  }

  private unpackHelper(elts: readonly ast.Expr[], pos: Pos): void {
    const n = elts.length;
    let seenStar = false;
    for (let i = 0; i < n; i++) {
      const elt = elts[i];
      if (elt._type === "Starred" && !seenStar) {
        if (i >= 1 << 8 || n - i - 1 >= 0x7fffffff >> 8) this.error("too many expressions in star-unpacking assignment", elt);
        this.emit(Op.UNPACK_EX, i + ((n - i - 1) << 8), pos);
        seenStar = true;
      } else if (elt._type === "Starred") {
        this.error("multiple starred expressions in assignment", elt);
      }
    }
    if (!seenStar) this.emit(Op.UNPACK_SEQUENCE, n, pos);
  }

  assignmentHelper(elts: readonly ast.Expr[], pos: Pos): void {
    this.unpackHelper(elts, pos);
    for (const elt of elts) this.visitExpr(elt._type === "Starred" ? elt.value : elt);
  }

  private subdict(e: ast.Dict, begin: number, end: number, pos: Pos): void {
    const n = end - begin;
    const big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big && this.allConst(e.keys, begin, end)) {
      for (let i = begin; i < end; i++) this.visitExpr(e.values[i]);
      const keys: ConstValue[] = [];
      for (let i = begin; i < end; i++) keys.push((e.keys[i] as ast.Constant).value);
      this.loadConst(new ConstTuple(keys), pos);
      this.emit(Op.BUILD_CONST_KEY_MAP, n, pos);
      return;
    }
    if (big) this.emit(Op.BUILD_MAP, 0, pos);
    for (let i = begin; i < end; i++) {
      this.visitExpr(e.keys[i] as ast.Expr);
      this.visitExpr(e.values[i]);
      if (big) this.emit(Op.MAP_ADD, 1, pos);
    }
    if (!big) this.emit(Op.BUILD_MAP, n, pos);
  }

  private compileDict(e: ast.Dict): void {
    const pos = this.pos;
    const n = e.values.length;
    let haveDict = false;
    let elements = 0;
    for (let i = 0; i < n; i++) {
      const isUnpacking = !e.keys[i];
      if (isUnpacking) {
        if (elements) {
          this.subdict(e, i - elements, i, pos);
          if (haveDict) this.emit(Op.DICT_UPDATE, 1, pos);
          haveDict = true;
          elements = 0;
        }
        if (!haveDict) {
          this.emit(Op.BUILD_MAP, 0, pos);
          haveDict = true;
        }
        this.visitExpr(e.values[i]);
        this.emit(Op.DICT_UPDATE, 1, pos);
      } else if (elements * 2 > STACK_USE_GUIDELINE) {
        this.subdict(e, i - elements, i + 1, pos);
        if (haveDict) this.emit(Op.DICT_UPDATE, 1, pos);
        haveDict = true;
        elements = 0;
      } else {
        elements++;
      }
    }
    if (elements) {
      this.subdict(e, n - elements, n, pos);
      if (haveDict) this.emit(Op.DICT_UPDATE, 1, pos);
      haveDict = true;
    }
    if (!haveDict) this.emit(Op.BUILD_MAP, 0, pos);
  }

  // ---- calls ----

  private validateKeywords(keywords: readonly ast.Keyword[]): void {
    for (let i = 0; i < keywords.length; i++) {
      const key = keywords[i].arg;
      if (key === null) continue;
      this.forbiddenName(key, "Store", keywords[i]);
      for (let j = i + 1; j < keywords.length; j++) {
        if (keywords[j].arg === key) this.error(`keyword argument repeated: ${key}`, keywords[j]);
      }
    }
  }

  /** `super().attr` / `super(C, self).attr` without building a super object (3.12's LOAD_SUPER_ATTR). */
  private canOptimizeSuperCall(attr: ast.Attribute): boolean {
    const e = attr.value;
    if (e._type !== "Call" || e.func._type !== "Name" || e.func.id !== "super" || mangle(this.u.privateName, attr.attr) === "__class__" || e.keywords.length !== 0) return false;
    const nargs = e.args.length;
    if (this.u.ste.scopeOf("super") !== Scope.GlobalImplicit) return false;
    if (nargs === 2) return !e.args.some((a) => a._type === "Starred");
    if (nargs !== 0) return false;
    // Zero-argument form: needs __class__ and a first argument.
    if (this.u.scopeType !== ScopeType.Function && this.u.scopeType !== ScopeType.AsyncFunction) return false;
    const scope = this.u.ste.scopeOf("__class__");
    if (scope !== Scope.Free && scope !== Scope.Cell) return false;
    if (this.u.varnames.length === 0 || this.u.argcount + this.u.kwonlyargcount + (this.u.ste.varargs ? 1 : 0) === 0) return false;
    return true;
  }

  private loadArgsForSuper(e: ast.Call): void {
    const pos = posOf(e.func);
    this.nameOp("super", "Load", pos);
    if (e.args.length === 2) {
      this.visitExpr(e.args[0]);
      this.visitExpr(e.args[1]);
    } else {
      this.nameOp("__class__", "Load", pos);
      this.emit(Op.LOAD_FAST, 0, pos);
    }
  }

  /** Emits LOAD_SUPER_ATTR for `super().x` when possible; returns false when the general path must be used. */
  private loadSuperAttr(attr: ast.Attribute, method: boolean): boolean {
    if (!this.canOptimizeSuperCall(attr)) return false;
    const call = attr.value as ast.Call;
    this.loadArgsForSuper(call);
    const oparg = (this.u.addName(mangle(this.u.privateName, attr.attr)) << 2) | (call.args.length === 2 ? 2 : 0) | (method ? 1 : 0);
    this.emit(Op.LOAD_SUPER_ATTR, oparg, attrPos(posOf(attr), attr));
    return true;
  }

  private compileCall(e: ast.Call): void {
    this.validateKeywords(e.keywords);
    if (this.maybeOptimizeMethodCall(e)) return;
    const func = e.func;
    this.checkCaller(func);
    const fpos = posOf(func);
    // PUSH_NULL + LOAD_GLOBAL fold into LOAD_GLOBAL's NULL bit.
    if (func._type === "Name") {
      const stream = this.u.stream;
      this.emit(Op.PUSH_NULL, 0, fpos);
      const before = stream.length;
      this.nameOp(func.id, "Load", fpos);
      const last = stream[stream.length - 1] as Instr;
      if (stream.length === before + 1 && last.op === Op.LOAD_GLOBAL) {
        // The NULL travels in LOAD_GLOBAL's low bit instead (cheap: the PUSH_NULL is second to last).
        last.arg |= 1;
        stream.splice(before - 1, 1);
      }
    } else {
      this.emit(Op.PUSH_NULL, 0, fpos);
      this.visitExpr(func);
    }
    this.callHelper(posOf(e), 0, e.args, e.keywords);
  }

  private maybeOptimizeMethodCall(e: ast.Call): boolean {
    const meth = e.func;
    const args = e.args;
    const kwds = e.keywords;
    if (meth._type !== "Attribute" || meth.ctx !== "Load" || args.length >= STACK_USE_GUIDELINE) return false;
    if (args.some((a) => a._type === "Starred")) return false;
    if (kwds.some((k) => k.arg === null)) return false;
    if (kwds.length >= STACK_USE_GUIDELINE / 2) return false;
    const pos = attrPos(posOf(meth), meth);
    if (!this.loadSuperAttr(meth, true)) {
      this.visitExpr(meth.value);
      this.emit(Op.LOAD_ATTR, (this.u.addName(mangle(this.u.privateName, meth.attr)) << 1) | 1, pos);
    }
    for (const a of args) this.visitExpr(a);
    if (kwds.length > 0) {
      for (const k of kwds) this.visitExpr(k.value);
      this.loadKwNames(kwds, posOf(e));
    }
    this.emit(Op.CALL, args.length + kwds.length, posOf(e));
    return true;
  }

  private loadKwNames(kwds: readonly ast.Keyword[], pos: Pos): void {
    this.emit(Op.KW_NAMES, this.u.addConst(new ConstTuple(kwds.map((k) => k.arg as string))), pos);
  }

  /** Arguments after the callable (and `n` already-pushed ones): CALL, or CALL_FUNCTION_EX for star and double-star forms. */
  callHelper(pos: Pos, n: number, args: readonly ast.Expr[], keywords: readonly ast.Keyword[]): void {
    this.validateKeywords(keywords);
    const nelts = args.length;
    const nkw = keywords.length;
    const simple = nelts + nkw * 2 <= STACK_USE_GUIDELINE && !args.some((a) => a._type === "Starred") && !keywords.some((k) => k.arg === null);
    if (simple) {
      for (const a of args) this.visitExpr(a);
      if (nkw > 0) {
        for (const k of keywords) this.visitExpr(k.value);
        this.loadKwNames(keywords, pos);
      }
      this.emit(Op.CALL, n + nelts + nkw, pos);
      return;
    }
    if (n === 0 && nelts === 1 && args[0]._type === "Starred") {
      this.visitExpr((args[0] as ast.Starred).value);
    } else {
      this.starunpackHelper(args, n, Op.BUILD_LIST, Op.LIST_APPEND, Op.LIST_EXTEND, true, pos);
    }
    if (nkw > 0) {
      let haveDict = false;
      let nseen = 0;
      for (let i = 0; i < nkw; i++) {
        const kw = keywords[i];
        if (kw.arg === null) {
          if (nseen) {
            this.subkwargs(keywords, i - nseen, i, pos);
            if (haveDict) this.emit(Op.DICT_MERGE, 1, pos);
            haveDict = true;
            nseen = 0;
          }
          if (!haveDict) {
            this.emit(Op.BUILD_MAP, 0, pos);
            haveDict = true;
          }
          this.visitExpr(kw.value);
          this.emit(Op.DICT_MERGE, 1, pos);
        } else {
          nseen++;
        }
      }
      if (nseen) {
        this.subkwargs(keywords, nkw - nseen, nkw, pos);
        if (haveDict) this.emit(Op.DICT_MERGE, 1, pos);
      }
    }
    this.emit(Op.CALL_FUNCTION_EX, nkw > 0 ? 1 : 0, pos);
  }

  private subkwargs(keywords: readonly ast.Keyword[], begin: number, end: number, pos: Pos): void {
    const n = end - begin;
    const big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
      for (let i = begin; i < end; i++) this.visitExpr(keywords[i].value);
      this.loadConst(new ConstTuple(keywords.slice(begin, end).map((k) => k.arg as string)), pos);
      this.emit(Op.BUILD_CONST_KEY_MAP, n, pos);
      return;
    }
    if (big) this.emit(Op.BUILD_MAP, 0, pos);
    for (let i = begin; i < end; i++) {
      this.loadConst(keywords[i].arg as string, pos);
      this.visitExpr(keywords[i].value);
      if (big) this.emit(Op.MAP_ADD, 1, pos);
    }
    if (!big) this.emit(Op.BUILD_MAP, n, pos);
  }

  // ---- lambda ----

  private compileLambda(e: ast.Lambda): void {
    const pos = posOf(e);
    this.checkDebugArgs(e.args);
    const funcflags = this.visitDefaults(e.args, pos);
    this.enterScope("<lambda>", ScopeType.Lambda, e, e.lineno);
    this.u.addConst(null);
    this.u.argcount = e.args.args.length + e.args.posonlyargs.length;
    this.u.posonlyargcount = e.args.posonlyargs.length;
    this.u.kwonlyargcount = e.args.kwonlyargs.length;
    // CPython 3.12 gives generator lambdas no PEP 479 handler (a StopIteration raised inside escapes as is).
    this.visitExpr(e.body);
    this.emit(Op.RETURN_VALUE, 0, posOf(e.body));
    const co = this.assembleUnit();
    this.exitScope();
    this.makeClosure(co, funcflags, pos);
  }

  // ---- comprehensions ----

  private compileComprehension(e: ast.GeneratorExp | ast.ListComp | ast.SetComp | ast.DictComp, name: string, generators: readonly ast.Comprehension[], elt: ast.Expr, val: ast.Expr | null): void {
    const pos = posOf(e);
    const entry = this.st.lookup(e);
    const isInlined = entry.compInlined;
    const type = e._type;
    const outermost = generators[0];
    let state: InlineState | null = null;
    if (isInlined) {
      this.visitExpr(outermost.iter);
      this.emit(outermost.is_async ? Op.GET_AITER : Op.GET_ITER, 0, pos);
      state = this.pushInlinedComprehensionState(pos, entry);
    } else {
      this.enterScope(name, ScopeType.Comprehension, e, e.lineno);
    }
    const isAsyncGenerator = isInlined ? entry.coroutine : this.u.ste.coroutine;
    if (isAsyncGenerator && type !== "GeneratorExp" && !this.isAsyncScope(isInlined)) {
      this.error("asynchronous comprehension outside of an asynchronous function", e);
    }
    const body = (): void => {
      if (type !== "GeneratorExp") {
        const op = type === "ListComp" ? Op.BUILD_LIST : type === "SetComp" ? Op.BUILD_SET : Op.BUILD_MAP;
        this.emit(op, 0, pos);
        if (isInlined) this.emit(Op.SWAP, 2, pos);
      }
      this.comprehensionGenerator(pos, generators, 0, 0, elt, val, type, isInlined);
    };
    if (isInlined) {
      body();
      this.popInlinedComprehensionState(pos, state as InlineState);
      return;
    }
    if (type === "GeneratorExp") {
      this.withStopIterationHandler(body);
    } else {
      body();
      this.emit(Op.RETURN_VALUE, 0, pos);
    }
    this.u.argcount = 1;
    const co = this.assembleUnit();
    this.exitScope();
    this.makeClosure(co, 0, pos);
    this.visitExpr(outermost.iter);
    this.emit(outermost.is_async ? Op.GET_AITER : Op.GET_ITER, 0, pos);
    this.emit(Op.CALL, 0, pos);
    if (isAsyncGenerator && type !== "GeneratorExp") {
      this.emit(Op.GET_AWAITABLE, AwaitWhere.Plain, pos);
      this.loadConst(null, pos);
      this.addYieldFrom(pos, true);
    }
  }

  private isAsyncScope(isInlined: boolean): boolean {
    // For a non-inlined comprehension the current unit is the comprehension itself; look at its parent.
    const scopeUnit = isInlined ? this.u : this.stack[this.stack.length - 1];
    const t = scopeUnit?.scopeType;
    if (!isInlined && t === undefined) return false;
    if (t === ScopeType.AsyncFunction || t === ScopeType.Comprehension) return true;
    return this.opts.topLevelAwait && t === ScopeType.Module;
  }

  private comprehensionGenerator(pos: Pos, gens: readonly ast.Comprehension[], index: number, depth: number, elt: ast.Expr, val: ast.Expr | null, type: string, iterOnStack: boolean): void {
    if (gens[index].is_async) this.asyncComprehensionGenerator(pos, gens, index, depth, elt, val, type, iterOnStack);
    else this.syncComprehensionGenerator(pos, gens, index, depth, elt, val, type, iterOnStack);
  }

  private syncComprehensionGenerator(pos: Pos, gens: readonly ast.Comprehension[], index: number, depth: number, elt: ast.Expr, val: ast.Expr | null, type: string, iterOnStack: boolean): void {
    let start: Label | null = this.newLabel();
    const ifCleanup = this.newLabel();
    const anchor = this.newLabel();
    const gen = gens[index];
    if (!iterOnStack) {
      if (index === 0) {
        this.emit(Op.LOAD_FAST, 0, pos);
      } else {
        const it = gen.iter;
        const elts = it._type === "List" || it._type === "Tuple" ? it.elts : null;
        if (elts !== null && elts.length === 1 && elts[0]._type !== "Starred") {
          // `for y in [f(x)]`: just bind y.
          this.visitExpr(elts[0]);
          start = null;
        } else {
          this.visitExpr(it);
          this.emit(Op.GET_ITER, 0, pos);
        }
      }
    }
    if (start !== null) {
      depth++;
      this.useLabel(start);
      this.emitJump(Op.FOR_ITER, anchor, posOf(gen.iter));
      this.u.lastTerminates = false;
    }
    this.visitExpr(gen.target);
    for (const cond of gen.ifs) this.jumpIf(cond, ifCleanup, false, pos);
    let eltPos = posOf(elt);
    if (index + 1 < gens.length) {
      this.comprehensionGenerator(pos, gens, index + 1, depth, elt, val, type, false);
    } else {
      eltPos = this.comprehensionElement(elt, val, type, depth);
    }
    this.useLabel(ifCleanup);
    if (start !== null) {
      this.emitJump(Op.JUMP, start, eltPos);
      this.useLabel(anchor);
    }
  }

  /** The innermost action of a comprehension: yield / append / add / store. */
  private comprehensionElement(elt: ast.Expr, val: ast.Expr | null, type: string, depth: number): Pos {
    let eltPos = posOf(elt);
    switch (type) {
      case "GeneratorExp":
        this.visitExpr(elt);
        this.addYield(eltPos);
        this.emit(Op.POP_TOP, 0, eltPos);
        break;
      case "ListComp":
        this.visitExpr(elt);
        this.emit(Op.LIST_APPEND, depth + 1, eltPos);
        break;
      case "SetComp":
        this.visitExpr(elt);
        this.emit(Op.SET_ADD, depth + 1, eltPos);
        break;
      default: {
        const v = val as ast.Expr;
        this.visitExpr(elt);
        this.visitExpr(v);
        eltPos = [elt.lineno, v.end_lineno, elt.col_offset, v.end_col_offset];
        this.emit(Op.MAP_ADD, depth + 1, eltPos);
        break;
      }
    }
    return eltPos;
  }

  private asyncComprehensionGenerator(pos: Pos, gens: readonly ast.Comprehension[], index: number, depth: number, elt: ast.Expr, val: ast.Expr | null, type: string, iterOnStack: boolean): void {
    const start = this.newLabel();
    const except = this.newLabel();
    const ifCleanup = this.newLabel();
    const gen = gens[index];
    if (!iterOnStack) {
      if (index === 0) {
        this.emit(Op.LOAD_FAST, 0, pos);
      } else {
        this.visitExpr(gen.iter);
        this.emit(Op.GET_AITER, 0, pos);
      }
    }
    this.useLabel(start);
    this.pushFBlock(FBlock.AsyncComprehensionGenerator, start, null, null, pos);
    this.setup(Op.SETUP_FINALLY, except, pos);
    this.emit(Op.GET_ANEXT, 0, pos);
    this.loadConst(null, pos);
    this.addYieldFrom(pos, true);
    this.popBlock();
    this.visitExpr(gen.target);
    for (const cond of gen.ifs) this.jumpIf(cond, ifCleanup, false, pos);
    depth++;
    let eltPos = posOf(elt);
    if (index + 1 < gens.length) this.comprehensionGenerator(pos, gens, index + 1, depth, elt, val, type, false);
    else eltPos = this.comprehensionElement(elt, val, type, depth);
    this.useLabel(ifCleanup);
    this.emitJump(Op.JUMP, start, eltPos);
    this.popFBlock(FBlock.AsyncComprehensionGenerator);
    this.useLabel(except);
    this.emit(Op.END_ASYNC_FOR, 0, pos);
  }

  private pushInlinedComprehensionState(pos: Pos, entry: SymbolTableEntry): InlineState {
    const u = this.u;
    const inClassBlock = u.ste.type === BlockType.Class && !u.inInlinedComp;
    u.inInlinedComp++;
    const state: InlineState = { pushedLocals: [], tempSymbols: new Map(), fastHidden: new Map(), cleanup: null, end: null };
    for (const [k, symbol] of entry.symbols) {
      const scope = (symbol >> SCOPE_OFFSET) & 7;
      const outv = u.ste.symbols.get(k) ?? 0;
      const outsc = (outv >> SCOPE_OFFSET) & 7;
      if (scope !== outsc && !(scope === Scope.Cell && outsc === Scope.Free) && scope !== Scope.Free) {
        state.tempSymbols.set(k, u.ste.symbols.get(k));
        u.ste.symbols.set(k, symbol);
      }
      if ((symbol & DEF_LOCAL && !(symbol & DEF_NONLOCAL)) || inClassBlock) {
        if (!u.ste.isFunctionLike()) {
          state.fastHidden.set(k, u.fastHidden.has(k));
          u.fastHidden.add(k);
        }
        this.emit(Op.LOAD_FAST_AND_CLEAR, u.addVar(k), pos);
        if (scope === Scope.Cell) {
          if (outsc === Scope.Free) this.emitDeref(Op.MAKE_CELL, k, true, pos);
          else this.emitDeref(Op.MAKE_CELL, k, false, pos);
        }
        state.pushedLocals.push(k);
      }
    }
    if (state.pushedLocals.length > 0) {
      this.emit(Op.SWAP, state.pushedLocals.length + 1, pos);
      state.cleanup = this.newLabel();
      state.end = this.newLabel();
      this.setup(Op.SETUP_FINALLY, state.cleanup, pos);
    }
    return state;
  }

  private restoreInlinedLocals(pos: Pos, state: InlineState): void {
    const n = state.pushedLocals.length;
    this.emit(Op.SWAP, n + 1, pos);
    for (let i = n - 1; i >= 0; i--) this.emit(Op.STORE_FAST_MAYBE_NULL, this.u.addVar(state.pushedLocals[i]), pos);
  }

  private popInlinedComprehensionState(pos: Pos, state: InlineState): void {
    const u = this.u;
    u.inInlinedComp--;
    for (const [k, v] of state.tempSymbols) {
      if (v === undefined) u.ste.symbols.delete(k);
      else u.ste.symbols.set(k, v);
    }
    if (state.pushedLocals.length > 0) {
      this.popBlock();
      this.emitJump(Op.JUMP_NO_INTERRUPT, state.end as Label, NO_POS);
      this.useLabel(state.cleanup as Label);
      this.emit(Op.SWAP, 2, NO_POS);
      this.emit(Op.POP_TOP, 0, NO_POS);
      this.restoreInlinedLocals(pos, state);
      this.emit(Op.RERAISE, 0, NO_POS);
      this.useLabel(state.end as Label);
      this.restoreInlinedLocals(pos, state);
    }
    for (const [k, was] of state.fastHidden) if (!was) u.fastHidden.delete(k);
  }
}

interface InlineState {
  pushedLocals: string[];
  tempSymbols: Map<string, number | undefined>;
  fastHidden: Map<string, boolean>;
  cleanup: Label | null;
  end: Label | null;
}

function frozensetOf(items: readonly ConstValue[]): ConstFrozenset {
  const seen = new Set<string>();
  const out: ConstValue[] = [];
  for (const it of items) {
    const k = constKey(it);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(it);
    }
  }
  return new ConstFrozenset(out);
}

/** CPython's update_start_location_to_match_attr: multi-line attribute accesses point at the attribute name. */
function attrPos(pos: Pos, attr: ast.Attribute): Pos {
  if (pos[0] === attr.end_lineno) return pos;
  const len = [...attr.attr].length;
  let col: number;
  let endCol = pos[3];
  if (len <= attr.end_col_offset) col = attr.end_col_offset - len;
  else {
    col = -1;
    endCol = -1;
  }
  const line = attr.end_lineno;
  const endLine = Math.max(line, pos[1]);
  if (line === endLine) endCol = Math.max(col, endCol);
  return [line, endLine, col, endCol];
}
