// The binder: builds CPython 3.12's symbol tables (scopes, cells, free variables, PEP 709 inlining) and raises its SyntaxErrors.
import type * as ast from "./ast";
import { CO_FUTURE_ANNOTATIONS } from "./code";
import { PySyntaxError } from "./errors";

// Symbol flags (CPython's symtable.h values).
export const DEF_GLOBAL = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 4;
export const DEF_NONLOCAL = 8;
export const USE = 16;
export const DEF_FREE = 32;
export const DEF_FREE_CLASS = 64;
export const DEF_IMPORT = 128;
export const DEF_ANNOT = 256;
export const DEF_COMP_ITER = 512;
export const DEF_TYPE_PARAM = 1024;
export const DEF_COMP_CELL = 2048;
export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
export const SCOPE_OFFSET = 12;
export const SCOPE_MASK = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL;

/** Resolved scope of a name (CPython's values). */
export enum Scope {
  Unknown = 0,
  Local = 1,
  GlobalExplicit = 2,
  GlobalImplicit = 3,
  Free = 4,
  Cell = 5,
}

export enum BlockType {
  Function = "function",
  Class = "class",
  Module = "module",
  Annotation = "annotation",
  TypeVarBound = "TypeVar bound",
  TypeAlias = "type alias",
  TypeParam = "type parameters",
}

export enum ComprehensionKind {
  None = 0,
  List = 1,
  Dict = 2,
  Set = 3,
  Generator = 4,
}

type Loc = { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number };

/** One scope: CPython's PySTEntryObject. */
export class SymbolTableEntry {
  readonly symbols = new Map<string, number>();
  /** Parameter names in definition order (plus comprehension's ".0"). */
  readonly varnames: string[] = [];
  readonly children: SymbolTableEntry[] = [];
  /** Where each global/nonlocal directive for a name was (for error locations). */
  readonly directives = new Map<string, Loc>();
  nested = false;
  generator = false;
  coroutine = false;
  comprehension = ComprehensionKind.None;
  compInlined = false;
  varargs = false;
  varkeywords = false;
  returnsValue = false;
  needsClassClosure = false;
  needsClassdict = false;
  canSeeClassScope = false;
  childFree = false;
  free = false;
  compIterTarget = false;
  compIterExpr = 0;
  /** Private-name mangling class name in effect for this block (null outside classes). */
  mangledPrivate: string | null = null;

  constructor(
    readonly name: string,
    readonly type: BlockType,
    /** The AST node that opened the block (used as the key for codegen lookups). */
    readonly node: object,
    readonly loc: Loc,
  ) {}

  isFunctionLike(): boolean {
    return this.type === BlockType.Function || this.type === BlockType.Annotation || this.type === BlockType.TypeVarBound || this.type === BlockType.TypeAlias || this.type === BlockType.TypeParam;
  }

  flagsOf(name: string): number {
    return this.symbols.get(name) ?? 0;
  }

  scopeOf(name: string): Scope {
    return ((this.flagsOf(name) >> SCOPE_OFFSET) & 7) as Scope;
  }
}

export class SymbolTable {
  /** Every block by the AST node that opened it (Module/Expression/Interactive, FunctionDef, Lambda, comprehension ...). */
  readonly blocks = new Map<object, SymbolTableEntry>();
  /** Type-parameter blocks are keyed by the type_params array of their definition. */
  constructor(
    readonly top: SymbolTableEntry,
    readonly future: number,
  ) {}

  lookup(node: object): SymbolTableEntry {
    const e = this.blocks.get(node);
    if (e === undefined) throw new Error("compiler bug: no symbol table entry for node");
    return e;
  }
}

/** Private name mangling (CPython's _Py_Mangle). */
export function mangle(privateName: string | null, name: string): string {
  if (privateName === null || !name.startsWith("__")) return name;
  if (name.endsWith("__") || name.includes(".")) return name;
  const stripped = privateName.replace(/^_+/, "");
  if (stripped === "") return name;
  return "_" + stripped + name;
}

function locOf(n: Loc): Loc {
  return { lineno: n.lineno, col_offset: n.col_offset, end_lineno: n.end_lineno, end_col_offset: n.end_col_offset };
}

/** Builds a symbol table for a module; throws PySyntaxError with CPython's message and location. */
export function buildSymbolTable(mod: ast.Mod, filename: string, future: number, source?: string | null): SymbolTable {
  return new Builder(filename, future, source ?? null).run(mod);
}

/** Line `lineno` (1-based, with its newline) of the source, as CPython puts in SyntaxError.text. */
function sourceLine(source: string, lineno: number): string | null {
  let start = 0;
  for (let n = 1; n < lineno; n++) {
    const nl = source.indexOf("\n", start);
    if (nl < 0) return null;
    start = nl + 1;
  }
  if (start >= source.length && lineno > 1) return null;
  const nl = source.indexOf("\n", start);
  return nl < 0 ? source.slice(start) : source.slice(start, nl + 1);
}

/** A SyntaxError at an AST location (offsets are col_offset + 1, as CPython's symtable and compiler report them). */
export function syntaxErrorAt(filename: string, msg: string, loc: Loc, source: string | null): PySyntaxError {
  const text = source !== null && loc.lineno >= 1 ? sourceLine(source, loc.lineno) : null;
  return new PySyntaxError("SyntaxError", msg, filename, loc.lineno, loc.col_offset + 1, text, loc.end_lineno, loc.end_col_offset + 1);
}

const NO_LOC: Loc = { lineno: 0, col_offset: 0, end_lineno: 0, end_col_offset: 0 };

class Builder {
  private stack: SymbolTableEntry[] = [];
  private cur!: SymbolTableEntry;
  private table!: SymbolTable;
  private globalEntry!: SymbolTableEntry;
  private privateName: string | null = null;

  constructor(
    private readonly filename: string,
    private readonly future: number,
    private readonly lines: string | null,
  ) {}

  private error(msg: string, loc: Loc): never {
    throw syntaxErrorAt(this.filename, msg, loc, this.lines);
  }

  run(mod: ast.Mod): SymbolTable {
    const top = new SymbolTableEntry("top", BlockType.Module, mod, NO_LOC);
    this.table = new SymbolTable(top, this.future);
    this.table.blocks.set(mod, top);
    this.globalEntry = top;
    this.stack.push(top);
    this.cur = top;
    switch (mod._type) {
      case "Module":
      case "Interactive":
        for (const s of mod.body) this.visitStmt(s);
        break;
      case "Expression":
        this.visitExpr(mod.body);
        break;
      case "FunctionType":
        for (const e of mod.argtypes) this.visitExpr(e);
        this.visitExpr(mod.returns);
        break;
    }
    this.stack.pop();
    analyze(top, this);
    return this.table;
  }

  // ---- blocks ----

  private enterBlock(name: string, type: BlockType, node: object, loc: Loc): void {
    const prev = this.cur;
    const e = new SymbolTableEntry(name, type, node, loc);
    e.mangledPrivate = this.privateName;
    if (prev.isFunctionLike() || prev.nested) e.nested = true;
    // Annotation blocks of a class see the class scope like PEP 695 scopes do (only with future annotations; never run).
    if (type === BlockType.Annotation) e.nested = prev.nested || prev.isFunctionLike();
    this.table.blocks.set(node, e);
    // Annotation blocks (future annotations) only catch errors at visit time: CPython 3.12 leaves them out of the
    // analysis, so names used only in string annotations create no cells, frees or symbols.
    if (type !== BlockType.Annotation) prev.children.push(e);
    this.stack.push(e);
    this.cur = e;
  }

  private exitBlock(): void {
    this.stack.pop();
    this.cur = this.stack[this.stack.length - 1];
  }

  // ---- definitions ----

  private addDef(name: string, flag: number, loc: Loc): void {
    this.addDefHelper(name, flag, this.cur, loc);
  }

  addDefHelper(name: string, flag: number, ste: SymbolTableEntry, loc: Loc): void {
    const mangled = mangle(ste === this.cur ? this.privateName : ste.mangledPrivate, name);
    let val = ste.symbols.get(mangled);
    if (val !== undefined) {
      if (flag & DEF_PARAM && val & DEF_PARAM) this.error(`duplicate argument '${name}' in function definition`, loc);
      if (flag & DEF_TYPE_PARAM && val & DEF_TYPE_PARAM) this.error(`duplicate type parameter '${name}'`, loc);
      val |= flag;
    } else {
      val = flag;
    }
    if (ste.compIterTarget) {
      if (val & (DEF_GLOBAL | DEF_NONLOCAL)) this.error(`comprehension inner loop cannot rebind assignment expression target '${name}'`, loc);
      val |= DEF_COMP_ITER;
    }
    ste.symbols.set(mangled, val);
    if (flag & DEF_PARAM) {
      ste.varnames.push(mangled);
    } else if (flag & DEF_GLOBAL) {
      let g = flag;
      const old = this.globalEntry.symbols.get(mangled);
      if (old !== undefined) g |= old;
      this.globalEntry.symbols.set(mangled, g);
    }
  }

  private lookup(name: string): number {
    return this.cur.symbols.get(mangle(this.privateName, name)) ?? 0;
  }

  private recordDirective(name: string, loc: Loc): void {
    const mangled = mangle(this.privateName, name);
    if (!this.cur.directives.has(mangled)) this.cur.directives.set(mangled, loc);
  }

  // ---- statements ----

  private visitStmts(body: readonly ast.Stmt[]): void {
    for (const s of body) this.visitStmt(s);
  }

  private visitExprs(exprs: readonly (ast.Expr | null)[]): void {
    for (const e of exprs) if (e) this.visitExpr(e);
  }

  private visitStmt(s: ast.Stmt): void {
    switch (s._type) {
      case "FunctionDef":
      case "AsyncFunctionDef":
        this.visitFunctionDef(s);
        break;
      case "ClassDef":
        this.visitClassDef(s);
        break;
      case "Return":
        if (s.value) {
          this.visitExpr(s.value);
          this.cur.returnsValue = true;
        }
        break;
      case "Delete":
        this.visitExprs(s.targets);
        break;
      case "Assign":
        this.visitExprs(s.targets);
        this.visitExpr(s.value);
        break;
      case "AnnAssign":
        this.visitAnnAssign(s);
        break;
      case "AugAssign":
        this.visitExpr(s.target);
        this.visitExpr(s.value);
        break;
      case "For":
      case "AsyncFor":
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case "While":
      case "If":
        this.visitExpr(s.test);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case "Match":
        this.visitExpr(s.subject);
        for (const c of s.cases) {
          this.visitPattern(c.pattern);
          if (c.guard) this.visitExpr(c.guard);
          this.visitStmts(c.body);
        }
        break;
      case "Raise":
        if (s.exc) {
          this.visitExpr(s.exc);
          if (s.cause) this.visitExpr(s.cause);
        }
        break;
      case "Try":
      case "TryStar":
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        for (const h of s.handlers) {
          if (h.type) this.visitExpr(h.type);
          if (h.name) this.addDef(h.name, DEF_LOCAL, locOf(h));
          this.visitStmts(h.body);
        }
        this.visitStmts(s.finalbody);
        break;
      case "Assert":
        this.visitExpr(s.test);
        if (s.msg) this.visitExpr(s.msg);
        break;
      case "Import":
        for (const a of s.names) this.visitAlias(a);
        break;
      case "ImportFrom":
        for (const a of s.names) this.visitAlias(a);
        break;
      case "Global":
        this.visitGlobalOrNonlocal(s, s.names, DEF_GLOBAL, "global");
        break;
      case "Nonlocal":
        this.visitGlobalOrNonlocal(s, s.names, DEF_NONLOCAL, "nonlocal");
        break;
      case "Expr":
        this.visitExpr(s.value);
        break;
      case "Pass":
      case "Break":
      case "Continue":
        break;
      case "With":
      case "AsyncWith":
        for (const item of s.items) {
          this.visitExpr(item.context_expr);
          if (item.optional_vars) this.visitExpr(item.optional_vars);
        }
        this.visitStmts(s.body);
        break;
      case "TypeAlias":
        this.visitTypeAlias(s);
        break;
    }
  }

  private visitGlobalOrNonlocal(s: ast.Global | ast.Nonlocal, names: readonly string[], flag: number, word: string): void {
    const loc = locOf(s);
    for (const name of names) {
      const cur = this.lookup(name);
      if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
        let msg: string;
        if (cur & DEF_PARAM) msg = `name '${name}' is parameter and ${word}`;
        else if (cur & USE) msg = `name '${name}' is used prior to ${word} declaration`;
        else if (cur & DEF_ANNOT) msg = `annotated name '${name}' can't be ${word}`;
        else msg = `name '${name}' is assigned to before ${word} declaration`;
        this.error(msg, loc);
      }
      this.addDef(name, flag, loc);
      this.recordDirective(name, loc);
    }
  }

  private visitAnnAssign(s: ast.AnnAssign): void {
    if (s.target._type === "Name") {
      const name = s.target.id;
      const cur = this.lookup(name);
      if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && this.cur !== this.globalEntry && s.simple) {
        this.error(`annotated name '${name}' can't be ${cur & DEF_GLOBAL ? "global" : "nonlocal"}`, locOf(s));
      }
      if (s.simple) this.addDef(name, DEF_ANNOT | DEF_LOCAL, locOf(s.target));
      else if (s.value) this.addDef(name, DEF_LOCAL, locOf(s.target));
    } else {
      this.visitExpr(s.target);
    }
    this.visitAnnotation(s.annotation);
    if (s.value) this.visitExpr(s.value);
  }

  private visitAnnotation(annotation: ast.Expr): void {
    const futureAnnotations = (this.future & CO_FUTURE_ANNOTATIONS) !== 0;
    if (futureAnnotations) this.enterBlock("_annotation", BlockType.Annotation, annotation, locOf(annotation));
    this.visitExpr(annotation);
    if (futureAnnotations) this.exitBlock();
  }

  private visitArgAnnotations(args: readonly ast.Arg[]): void {
    for (const a of args) if (a.annotation) this.visitExpr(a.annotation);
  }

  private visitAnnotations(node: ast.FunctionDef | ast.AsyncFunctionDef, a: ast.Arguments, returns: ast.Expr | null): void {
    const futureAnnotations = (this.future & CO_FUTURE_ANNOTATIONS) !== 0;
    if (futureAnnotations) this.enterBlock("_annotation", BlockType.Annotation, a, locOf(node));
    this.visitArgAnnotations(a.posonlyargs);
    this.visitArgAnnotations(a.args);
    if (a.vararg?.annotation) this.visitExpr(a.vararg.annotation);
    if (a.kwarg?.annotation) this.visitExpr(a.kwarg.annotation);
    this.visitArgAnnotations(a.kwonlyargs);
    if (futureAnnotations) this.exitBlock();
    if (returns) this.visitAnnotation(returns);
  }

  private visitFunctionDef(s: ast.FunctionDef | ast.AsyncFunctionDef): void {
    const loc = locOf(s);
    this.addDef(s.name, DEF_LOCAL, loc);
    this.visitExprs(s.args.defaults);
    this.visitExprs(s.args.kw_defaults);
    this.visitExprs(s.decorator_list);
    const generic = s.type_params.length > 0;
    if (generic) {
      // CPython adds ".defaults" whenever the (always non-NULL) defaults sequence exists, even when empty.
      this.enterTypeParamBlock(s.name, s.type_params, true, hasKwonlyDefaults(s.args), false, loc);
      for (const tp of s.type_params) this.visitTypeParam(tp);
    }
    this.visitAnnotations(s, s.args, s.returns);
    this.enterBlock(s.name, BlockType.Function, s, loc);
    if (s._type === "AsyncFunctionDef") this.cur.coroutine = true;
    this.visitParams(s.args);
    this.visitStmts(s.body);
    this.exitBlock();
    if (generic) this.exitTypeParamBlock();
  }

  private visitClassDef(s: ast.ClassDef): void {
    const loc = locOf(s);
    this.addDef(s.name, DEF_LOCAL, loc);
    this.visitExprs(s.decorator_list);
    const generic = s.type_params.length > 0;
    const savedPrivate = this.privateName;
    if (generic) {
      this.enterTypeParamBlock(s.name, s.type_params, false, false, true, loc);
      this.privateName = s.name;
      this.cur.mangledPrivate = s.name;
      for (const tp of s.type_params) this.visitTypeParam(tp);
    }
    this.visitExprs(s.bases);
    for (const k of s.keywords) this.visitExpr(k.value);
    this.enterBlock(s.name, BlockType.Class, s, loc);
    this.privateName = s.name;
    this.cur.mangledPrivate = s.name;
    if (generic) {
      const tploc = locOf(s.type_params[0]);
      this.addDef("__type_params__", DEF_LOCAL, tploc);
      this.addDef(".type_params", USE, tploc);
    }
    this.visitStmts(s.body);
    this.exitBlock();
    this.privateName = savedPrivate;
    if (generic) this.exitTypeParamBlock();
  }

  private enterTypeParamBlock(name: string, node: object, hasDefaults: boolean, hasKwDefaults: boolean, isClass: boolean, loc: Loc): void {
    const parentType = this.cur.type;
    this.enterBlock(`<generic parameters of ${name}>`, BlockType.TypeParam, node, loc);
    if (parentType === BlockType.Class) {
      this.cur.canSeeClassScope = true;
      this.addDef("__classdict__", USE, loc);
    }
    if (isClass) {
      this.addDef(".type_params", DEF_LOCAL, loc);
      this.addDef(".type_params", USE, loc);
      this.addDef(".generic_base", DEF_LOCAL, loc);
      this.addDef(".generic_base", USE, loc);
    }
    if (hasDefaults) this.addDef(".defaults", DEF_PARAM, loc);
    if (hasKwDefaults) this.addDef(".kwdefaults", DEF_PARAM, loc);
  }

  private exitTypeParamBlock(): void {
    this.exitBlock();
  }

  private visitTypeParam(tp: ast.TypeParam): void {
    const loc = locOf(tp);
    this.addDef(tp.name, DEF_TYPE_PARAM | DEF_LOCAL, loc);
    if (tp._type === "TypeVar" && tp.bound) {
      const inClass = this.cur.canSeeClassScope;
      this.enterBlock(tp.name, BlockType.TypeVarBound, tp, loc);
      this.cur.canSeeClassScope = inClass;
      if (inClass) this.addDef("__classdict__", USE, locOf(tp.bound));
      this.visitExpr(tp.bound);
      this.exitBlock();
    }
  }

  private visitTypeAlias(s: ast.TypeAlias): void {
    this.visitExpr(s.name);
    const name = s.name._type === "Name" ? s.name.id : "<type alias>";
    const inClass = this.cur.type === BlockType.Class;
    const generic = s.type_params.length > 0;
    const loc = locOf(s);
    if (generic) {
      this.enterTypeParamBlock(name, s.type_params, false, false, false, loc);
      for (const tp of s.type_params) this.visitTypeParam(tp);
    }
    this.enterBlock(name, BlockType.TypeAlias, s, loc);
    this.cur.canSeeClassScope = inClass;
    if (inClass) this.addDef("__classdict__", USE, locOf(s.value));
    this.visitExpr(s.value);
    this.exitBlock();
    if (generic) this.exitTypeParamBlock();
  }

  private visitParams(a: ast.Arguments): void {
    for (const p of a.posonlyargs) this.addDef(p.arg, DEF_PARAM, locOf(p));
    for (const p of a.args) this.addDef(p.arg, DEF_PARAM, locOf(p));
    for (const p of a.kwonlyargs) this.addDef(p.arg, DEF_PARAM, locOf(p));
    if (a.vararg) {
      this.addDef(a.vararg.arg, DEF_PARAM, locOf(a.vararg));
      this.cur.varargs = true;
    }
    if (a.kwarg) {
      this.addDef(a.kwarg.arg, DEF_PARAM, locOf(a.kwarg));
      this.cur.varkeywords = true;
    }
  }

  private visitAlias(a: ast.Alias): void {
    const storeName = a.asname ?? a.name.split(".")[0];
    if (storeName === "*") {
      if (this.cur.type !== BlockType.Module) this.error("import * only allowed at module level", locOf(a));
      return;
    }
    this.addDef(storeName, DEF_IMPORT, locOf(a));
  }

  // ---- expressions ----

  private raiseIfAnnotationBlock(what: string, e: Loc): void {
    const t = this.cur.type;
    if (t === BlockType.Annotation) this.error(`${what} cannot be used within an annotation`, e);
    if (t === BlockType.TypeVarBound) this.error(`${what} cannot be used within a TypeVar bound`, e);
    if (t === BlockType.TypeAlias) this.error(`${what} cannot be used within a type alias`, e);
    if (t === BlockType.TypeParam) this.error(`${what} cannot be used within the definition of a generic`, e);
  }

  private raiseIfComprehensionBlock(e: Loc): void {
    const kind = this.cur.comprehension;
    const what = kind === ComprehensionKind.List ? "list comprehension" : kind === ComprehensionKind.Set ? "set comprehension" : kind === ComprehensionKind.Dict ? "dict comprehension" : "generator expression";
    this.error(`'yield' inside ${what}`, e);
  }

  private visitExpr(e: ast.Expr): void {
    switch (e._type) {
      case "NamedExpr":
        this.raiseIfAnnotationBlock("named expression", e);
        this.handleNamedExpr(e);
        break;
      case "BoolOp":
        this.visitExprs(e.values);
        break;
      case "BinOp":
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        break;
      case "UnaryOp":
        this.visitExpr(e.operand);
        break;
      case "Lambda":
        this.visitExprs(e.args.defaults);
        this.visitExprs(e.args.kw_defaults);
        this.enterBlock("lambda", BlockType.Function, e, locOf(e));
        this.visitParams(e.args);
        this.visitExpr(e.body);
        this.exitBlock();
        break;
      case "IfExp":
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        break;
      case "Dict":
        this.visitExprs(e.keys);
        this.visitExprs(e.values);
        break;
      case "Set":
        this.visitExprs(e.elts);
        break;
      case "GeneratorExp":
        this.handleComprehension(e, "genexpr", e.generators, e.elt, null);
        break;
      case "ListComp":
        this.handleComprehension(e, "listcomp", e.generators, e.elt, null);
        break;
      case "SetComp":
        this.handleComprehension(e, "setcomp", e.generators, e.elt, null);
        break;
      case "DictComp":
        this.handleComprehension(e, "dictcomp", e.generators, e.key, e.value);
        break;
      case "Yield":
        this.raiseIfAnnotationBlock("yield expression", e);
        if (e.value) this.visitExpr(e.value);
        this.cur.generator = true;
        if (this.cur.comprehension) this.raiseIfComprehensionBlock(e);
        break;
      case "YieldFrom":
        this.raiseIfAnnotationBlock("yield expression", e);
        this.visitExpr(e.value);
        this.cur.generator = true;
        if (this.cur.comprehension) this.raiseIfComprehensionBlock(e);
        break;
      case "Await":
        this.raiseIfAnnotationBlock("await expression", e);
        this.visitExpr(e.value);
        this.cur.coroutine = true;
        break;
      case "Compare":
        this.visitExpr(e.left);
        this.visitExprs(e.comparators);
        break;
      case "Call":
        this.visitExpr(e.func);
        this.visitExprs(e.args);
        for (const k of e.keywords) this.visitExpr(k.value);
        break;
      case "FormattedValue":
        this.visitExpr(e.value);
        if (e.format_spec) this.visitExpr(e.format_spec);
        break;
      case "JoinedStr":
        this.visitExprs(e.values);
        break;
      case "Constant":
        break;
      case "Attribute":
        this.visitExpr(e.value);
        break;
      case "Subscript":
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        break;
      case "Starred":
        this.visitExpr(e.value);
        break;
      case "Slice":
        if (e.lower) this.visitExpr(e.lower);
        if (e.upper) this.visitExpr(e.upper);
        if (e.step) this.visitExpr(e.step);
        break;
      case "Name":
        this.addDef(e.id, e.ctx === "Load" ? USE : DEF_LOCAL, locOf(e));
        // Zero-argument super() needs the __class__ cell.
        if (e.ctx === "Load" && this.cur.type === BlockType.Function && e.id === "super") this.addDef("__class__", USE, locOf(e));
        break;
      case "List":
      case "Tuple":
        this.visitExprs(e.elts);
        break;
    }
  }

  private handleNamedExpr(e: ast.NamedExpr): void {
    if (this.cur.compIterExpr > 0) this.error("assignment expression cannot be used in a comprehension iterable expression", locOf(e));
    if (this.cur.comprehension) this.extendNamedExprScope(e.target as ast.Name);
    this.visitExpr(e.value);
    this.visitExpr(e.target);
  }

  private extendNamedExprScope(target: ast.Name): void {
    const name = target.id;
    const loc = locOf(target);
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const ste = this.stack[i];
      if (ste.comprehension) {
        if (ste.flagsOf(name) & DEF_COMP_ITER) this.error(`assignment expression cannot rebind comprehension iteration variable '${name}'`, loc);
        continue;
      }
      if (ste.type === BlockType.Function) {
        if (ste.flagsOf(name) & DEF_GLOBAL) this.addDef(name, DEF_GLOBAL, loc);
        else this.addDef(name, DEF_NONLOCAL, loc);
        this.recordDirective(name, loc);
        this.addDefHelper(name, DEF_LOCAL, ste, loc);
        return;
      }
      if (ste.type === BlockType.Module) {
        this.addDef(name, DEF_GLOBAL, loc);
        this.recordDirective(name, loc);
        this.addDefHelper(name, DEF_GLOBAL, ste, loc);
        return;
      }
      switch (ste.type) {
        case BlockType.Class:
          this.error("assignment expression within a comprehension cannot be used in a class body", loc);
        case BlockType.TypeParam:
          this.error("assignment expression within a comprehension cannot be used within the definition of a generic", loc);
        case BlockType.TypeAlias:
          this.error("assignment expression within a comprehension cannot be used in a type alias", loc);
        case BlockType.TypeVarBound:
          this.error("assignment expression within a comprehension cannot be used in a TypeVar bound", loc);
        default:
          break;
      }
    }
    throw new Error("compiler bug: named expression target scope not found");
  }

  private handleComprehension(e: ast.GeneratorExp | ast.ListComp | ast.SetComp | ast.DictComp, scopeName: string, generators: readonly ast.Comprehension[], elt: ast.Expr, value: ast.Expr | null): void {
    const isGenerator = e._type === "GeneratorExp";
    const outermost = generators[0];
    this.cur.compIterExpr++;
    this.visitExpr(outermost.iter);
    this.cur.compIterExpr--;
    this.enterBlock(`<${scopeName}>`, BlockType.Function, e, locOf(e));
    const kinds = { ListComp: ComprehensionKind.List, SetComp: ComprehensionKind.Set, DictComp: ComprehensionKind.Dict, GeneratorExp: ComprehensionKind.Generator };
    this.cur.comprehension = kinds[e._type];
    if (outermost.is_async) this.cur.coroutine = true;
    this.addDef(".0", DEF_PARAM, locOf(e));
    this.cur.compIterTarget = true;
    this.visitExpr(outermost.target);
    this.cur.compIterTarget = false;
    this.visitExprs(outermost.ifs);
    for (let i = 1; i < generators.length; i++) {
      const g = generators[i];
      this.cur.compIterTarget = true;
      this.visitExpr(g.target);
      this.cur.compIterTarget = false;
      this.cur.compIterExpr++;
      this.visitExpr(g.iter);
      this.cur.compIterExpr--;
      this.visitExprs(g.ifs);
      if (g.is_async) this.cur.coroutine = true;
    }
    if (value) this.visitExpr(value);
    this.visitExpr(elt);
    this.cur.generator = isGenerator;
    const isAsync = this.cur.coroutine && !isGenerator;
    this.exitBlock();
    if (isAsync && !this.isAsyncDef() && this.cur.comprehension === ComprehensionKind.None && !this.allowsTopLevelAwait()) {
      this.error("asynchronous comprehension outside of an asynchronous function", locOf(e));
    }
    if (isAsync) this.cur.coroutine = true;
  }

  private isAsyncDef(): boolean {
    const n = this.cur.node as { _type?: string };
    return this.cur.type === BlockType.Function && n._type === "AsyncFunctionDef";
  }

  private allowsTopLevelAwait(): boolean {
    return allowTopLevelAwaitFlag.value && this.cur.type === BlockType.Module;
  }

  // ---- patterns ----

  private visitPattern(p: ast.Pattern): void {
    switch (p._type) {
      case "MatchValue":
        this.visitExpr(p.value);
        break;
      case "MatchSingleton":
        break;
      case "MatchSequence":
        for (const q of p.patterns) this.visitPattern(q);
        break;
      case "MatchStar":
        if (p.name) this.addDef(p.name, DEF_LOCAL, locOf(p));
        break;
      case "MatchMapping":
        this.visitExprs(p.keys);
        for (const q of p.patterns) this.visitPattern(q);
        if (p.rest) this.addDef(p.rest, DEF_LOCAL, locOf(p));
        break;
      case "MatchClass":
        this.visitExpr(p.cls);
        for (const q of p.patterns) this.visitPattern(q);
        for (const q of p.kwd_patterns) this.visitPattern(q);
        break;
      case "MatchAs":
        if (p.pattern) this.visitPattern(p.pattern);
        if (p.name) this.addDef(p.name, DEF_LOCAL, locOf(p));
        break;
      case "MatchOr":
        for (const q of p.patterns) this.visitPattern(q);
        break;
    }
  }

  errorAtDirective(ste: SymbolTableEntry, name: string, msg: string): never {
    this.error(msg, ste.directives.get(name) ?? ste.loc);
  }
}

/** PyCF_ALLOW_TOP_LEVEL_AWAIT for the build in progress (set by compile.ts around buildSymbolTable). */
export const allowTopLevelAwaitFlag = { value: false };

function hasKwonlyDefaults(a: ast.Arguments): boolean {
  return a.kw_defaults.some((d) => d !== null);
}

// ---- analysis (CPython's analyze_block & co) ----

function analyze(top: SymbolTableEntry, b: Builder): void {
  const free = new Set<string>();
  const global = new Set<string>();
  analyzeBlock(top, null, free, global, new Set<string>(), null, b);
}

function analyzeBlock(ste: SymbolTableEntry, bound: Set<string> | null, free: Set<string>, global: Set<string>, typeParams: Set<string>, classEntry: SymbolTableEntry | null, b: Builder): void {
  const local = new Set<string>();
  const scopes = new Map<string, Scope>();
  const newGlobal = new Set<string>();
  const newFree = new Set<string>();
  const newBound = new Set<string>();
  const inlinedCells = new Set<string>();
  const newTypeParams = new Set<string>(typeParams);

  if (ste.type === BlockType.Class) {
    for (const g of global) newGlobal.add(g);
    if (bound) for (const n of bound) newBound.add(n);
  }
  for (const [name, flags] of ste.symbols) analyzeName(ste, scopes, name, flags, bound, local, free, global, newTypeParams, classEntry, b);

  if (ste.type !== BlockType.Class) {
    if (ste.isFunctionLike()) for (const n of local) newBound.add(n);
    if (bound) for (const n of bound) newBound.add(n);
    for (const g of global) newGlobal.add(g);
  } else {
    newBound.add("__class__");
    newBound.add("__classdict__");
  }

  for (const entry of ste.children) {
    let newClassEntry: SymbolTableEntry | null = null;
    if (entry.canSeeClassScope) {
      if (ste.type === BlockType.Class) newClassEntry = ste;
      else if (classEntry) newClassEntry = classEntry;
    }
    const inlineComp = entry.comprehension !== ComprehensionKind.None && !entry.generator;
    const childFree = new Set<string>();
    analyzeChildBlock(entry, newBound, newFree, newGlobal, newTypeParams, newClassEntry, childFree, b);
    if (inlineComp) {
      inlineComprehension(ste, entry, scopes, childFree, inlinedCells);
      entry.compInlined = true;
    }
    for (const n of childFree) newFree.add(n);
    if (entry.free || entry.childFree) ste.childFree = true;
  }

  // Splice the children of inlined comprehensions into our own children list.
  for (let i = ste.children.length - 1; i >= 0; i--) {
    const entry = ste.children[i];
    if (entry.compInlined) ste.children.splice(i, 1, ...entry.children);
  }

  if (ste.isFunctionLike()) analyzeCells(scopes, newFree, inlinedCells);
  else if (ste.type === BlockType.Class) dropClassFree(ste, newFree);
  updateSymbols(ste.symbols, scopes, bound, newFree, inlinedCells, ste.type === BlockType.Class || ste.canSeeClassScope);
  for (const n of newFree) free.add(n);
}

function analyzeChildBlock(entry: SymbolTableEntry, bound: Set<string>, free: Set<string>, global: Set<string>, typeParams: Set<string>, classEntry: SymbolTableEntry | null, childFree: Set<string>, b: Builder): void {
  // Each child gets copies so that its analysis cannot leak into its siblings.
  analyzeBlock(entry, new Set(bound), childFree, new Set(global), new Set(typeParams), classEntry, b);
  void free;
}

function analyzeName(ste: SymbolTableEntry, scopes: Map<string, Scope>, name: string, flags: number, bound: Set<string> | null, local: Set<string>, free: Set<string>, global: Set<string>, typeParams: Set<string>, classEntry: SymbolTableEntry | null, b: Builder): void {
  if (flags & DEF_GLOBAL) {
    if (flags & DEF_NONLOCAL) b.errorAtDirective(ste, name, `name '${name}' is nonlocal and global`);
    scopes.set(name, Scope.GlobalExplicit);
    global.add(name);
    if (bound) bound.delete(name);
    return;
  }
  if (flags & DEF_NONLOCAL) {
    if (!bound) b.errorAtDirective(ste, name, "nonlocal declaration not allowed at module level");
    if (!bound.has(name)) b.errorAtDirective(ste, name, `no binding for nonlocal '${name}' found`);
    if (typeParams.has(name)) b.errorAtDirective(ste, name, `nonlocal binding not allowed for type parameter '${name}'`);
    scopes.set(name, Scope.Free);
    ste.free = true;
    free.add(name);
    return;
  }
  if (flags & DEF_BOUND) {
    scopes.set(name, Scope.Local);
    local.add(name);
    global.delete(name);
    if (flags & DEF_TYPE_PARAM) typeParams.add(name);
    else typeParams.delete(name);
    return;
  }
  if (classEntry !== null) {
    const classFlags = classEntry.flagsOf(name);
    if (classFlags & DEF_GLOBAL) {
      scopes.set(name, Scope.GlobalExplicit);
      return;
    }
    if (classFlags & DEF_BOUND && !(classFlags & DEF_NONLOCAL)) {
      scopes.set(name, Scope.GlobalImplicit);
      return;
    }
  }
  if (bound && bound.has(name)) {
    scopes.set(name, Scope.Free);
    ste.free = true;
    free.add(name);
    return;
  }
  if (global.has(name)) {
    scopes.set(name, Scope.GlobalImplicit);
    return;
  }
  if (ste.nested) ste.free = true;
  scopes.set(name, Scope.GlobalImplicit);
}

function analyzeCells(scopes: Map<string, Scope>, free: Set<string>, inlinedCells: Set<string>): void {
  for (const [name, scope] of scopes) {
    if (scope !== Scope.Local) continue;
    if (!free.has(name) && !inlinedCells.has(name)) continue;
    scopes.set(name, Scope.Cell);
    free.delete(name);
  }
}

function dropClassFree(ste: SymbolTableEntry, free: Set<string>): void {
  if (free.delete("__class__")) ste.needsClassClosure = true;
  if (free.delete("__classdict__")) ste.needsClassdict = true;
}

function updateSymbols(symbols: Map<string, number>, scopes: Map<string, Scope>, bound: Set<string> | null, free: Set<string>, inlinedCells: Set<string>, classFlag: boolean): void {
  for (const [name, flags0] of symbols) {
    let flags = flags0;
    if (inlinedCells.has(name)) flags |= DEF_COMP_CELL;
    const scope = scopes.get(name) ?? Scope.Unknown;
    flags |= scope << SCOPE_OFFSET;
    symbols.set(name, flags);
  }
  for (const name of free) {
    const v = symbols.get(name);
    if (v !== undefined) {
      if (classFlag) symbols.set(name, v | DEF_FREE_CLASS);
      continue;
    }
    if (bound && !bound.has(name)) continue;
    symbols.set(name, Scope.Free << SCOPE_OFFSET);
  }
}

function isFreeInAnyChild(entry: SymbolTableEntry, key: string): boolean {
  for (const child of entry.children) if (child.scopeOf(key) === Scope.Free) return true;
  return false;
}

function inlineComprehension(ste: SymbolTableEntry, comp: SymbolTableEntry, scopes: Map<string, Scope>, compFree: Set<string>, inlinedCells: Set<string>): void {
  let removeDunderClass = false;
  for (const [k, compFlags] of comp.symbols) {
    if (compFlags & DEF_PARAM) continue;
    let scope = ((compFlags >> SCOPE_OFFSET) & 7) as Scope;
    const onlyFlags = compFlags & ((1 << SCOPE_OFFSET) - 1);
    if (scope === Scope.Cell || onlyFlags & DEF_COMP_CELL) inlinedCells.add(k);
    const existing = ste.symbols.get(k);
    if (scope === Scope.Free && ste.type === BlockType.Class && k === "__class__") {
      scope = Scope.GlobalImplicit;
      compFree.delete(k);
      removeDunderClass = true;
    }
    if (existing === undefined) {
      ste.symbols.set(k, onlyFlags);
      scopes.set(k, scope);
    } else if (existing & DEF_BOUND && !isFreeInAnyChild(comp, k) && ste.type !== BlockType.Class) {
      compFree.delete(k);
    }
  }
  comp.free = compFree.size > 0;
  if (removeDunderClass) comp.symbols.delete("__class__");
}
