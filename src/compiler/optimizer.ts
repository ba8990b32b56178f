// AST-level constant folding, as CPython 3.12's Python/ast_opt.c does it (same operations, same size limits). Mutates the AST.
import type * as ast from "./ast";
import { BytesConst, ComplexConst, type ConstantValue } from "./ast";
import { CO_FUTURE_ANNOTATIONS, ConstFrozenset, ConstTuple, constKey, type ConstValue } from "./code";

const MAX_INT_SIZE = 128n; // bits
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;
const MAX_TOTAL_ITEMS = 1024;

type AnyConst = ConstValue;
const NOFOLD = Symbol("nofold");
type Folded = AnyConst | typeof NOFOLD;

export interface OptimizeState {
  optimize: number;
  futureFeatures: number;
}

function bitLength(n: bigint): bigint {
  if (n < 0n) n = -n;
  return BigInt(n.toString(2).length) * (n === 0n ? 0n : 1n);
}

function asInt(v: AnyConst): bigint | null {
  if (typeof v === "bigint") return v;
  if (typeof v === "boolean") return v ? 1n : 0n;
  return null;
}

function asFloat(v: AnyConst): number | null {
  if (typeof v === "number") return v;
  const i = asInt(v);
  if (i === null) return null;
  const f = Number(i);
  return Number.isFinite(f) ? f : null;
}

function floorDivInt(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}
function modInt(a: bigint, b: bigint): bigint {
  const m = a % b;
  return m !== 0n && (m < 0n) !== (b < 0n) ? m + b : m;
}

/** CPython's float_divmod. */
function floatDivmod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 ? -0.0 : 0.0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = vx / wx < 0 ? -0.0 : 0.0;
  }
  return [floordiv, mod];
}

function seqLen(v: AnyConst): number | null {
  if (typeof v === "string") return [...v].length;
  if (v instanceof BytesConst) return v.value.length;
  if (v instanceof ConstTuple) return v.items.length;
  return null;
}

function repeat(v: AnyConst, n: bigint): Folded {
  const size = seqLen(v);
  if (size === null) return NOFOLD;
  const limit = typeof v === "string" || v instanceof BytesConst ? MAX_STR_SIZE : MAX_COLLECTION_SIZE;
  if (n > 0n && size > 0 && BigInt(size) * n > BigInt(limit)) return NOFOLD;
  const count = n > 0n ? Number(n) : 0;
  if (typeof v === "string") return v.repeat(count);
  if (v instanceof BytesConst) {
    const out = new Uint8Array(v.value.length * count);
    for (let i = 0; i < count; i++) out.set(v.value, i * v.value.length);
    return new BytesConst(out);
  }
  const items: ConstValue[] = [];
  for (let i = 0; i < count; i++) items.push(...(v as ConstTuple).items);
  return new ConstTuple(items);
}

function foldBinop(op: ast.Operator, l: AnyConst, r: AnyConst): Folded {
  const li = asInt(l);
  const ri = asInt(r);
  if (li !== null && ri !== null) {
    switch (op) {
      case "Add":
        return li + ri;
      case "Sub":
        return li - ri;
      case "Mult":
        if (li !== 0n && ri !== 0n && bitLength(li) + bitLength(ri) > MAX_INT_SIZE) return NOFOLD;
        return li * ri;
      case "FloorDiv":
        return ri === 0n ? NOFOLD : floorDivInt(li, ri);
      case "Mod":
        return ri === 0n ? NOFOLD : modInt(li, ri);
      case "Pow":
        if (ri < 0n) return NOFOLD;
        if (li !== 0n && ri > 0n && bitLength(li) > MAX_INT_SIZE / ri) return NOFOLD;
        return li ** ri;
      case "LShift":
        if (ri < 0n) return NOFOLD;
        if (li !== 0n && ri !== 0n && (ri > MAX_INT_SIZE || bitLength(li) > MAX_INT_SIZE - ri)) return NOFOLD;
        return li << ri;
      case "RShift":
        return ri < 0n ? NOFOLD : li >> ri;
      case "BitAnd":
        return typeof l === "boolean" && typeof r === "boolean" ? l && r : li & ri;
      case "BitOr":
        return typeof l === "boolean" && typeof r === "boolean" ? l || r : li | ri;
      case "BitXor":
        return typeof l === "boolean" && typeof r === "boolean" ? l !== r : li ^ ri;
      case "Div": {
        if (ri === 0n) return NOFOLD;
        const lim = 1n << 53n;
        if (li >= lim || li <= -lim || ri >= lim || ri <= -lim) return NOFOLD;
        return Number(li) / Number(ri);
      }
      default:
        return NOFOLD;
    }
  }
  if (l instanceof ComplexConst || r instanceof ComplexConst) {
    const lc = toComplex(l);
    const rc = toComplex(r);
    if (!lc || !rc) return NOFOLD;
    if (op === "Add") return new ComplexConst(lc[0] + rc[0], lc[1] + rc[1]);
    if (op === "Sub") return new ComplexConst(lc[0] - rc[0], lc[1] - rc[1]);
    return NOFOLD;
  }
  const lf = asFloat(l);
  const rf = asFloat(r);
  if (lf !== null && rf !== null && (typeof l === "number" || typeof r === "number")) {
    switch (op) {
      case "Add":
        return lf + rf;
      case "Sub":
        return lf - rf;
      case "Mult":
        return lf * rf;
      case "Div":
        return rf === 0 ? NOFOLD : lf / rf;
      case "FloorDiv":
        return rf === 0 ? NOFOLD : floatDivmod(lf, rf)[0];
      case "Mod":
        return rf === 0 ? NOFOLD : floatDivmod(lf, rf)[1];
      default:
        return NOFOLD;
    }
  }
  if (op === "Add") {
    if (typeof l === "string" && typeof r === "string") return l + r;
    if (l instanceof BytesConst && r instanceof BytesConst) {
      const out = new Uint8Array(l.value.length + r.value.length);
      out.set(l.value);
      out.set(r.value, l.value.length);
      return new BytesConst(out);
    }
    if (l instanceof ConstTuple && r instanceof ConstTuple) return new ConstTuple([...l.items, ...r.items]);
    return NOFOLD;
  }
  if (op === "Mult") {
    if (ri !== null) return repeat(l, ri);
    if (li !== null) return repeat(r, li);
  }
  return NOFOLD;
}

/** `"abc"[1]`, `b"ab"[0]`, `(1, 2)[-1]`: constant indexing with an int (CPython's fold_subscr; errors are left to run time). */
function foldSubscript(v: AnyConst, index: AnyConst): Folded {
  const i = asInt(index);
  if (i === null) return NOFOLD;
  const pick = <T>(items: ArrayLike<T>): T | typeof NOFOLD => {
    const n = BigInt(items.length);
    const k = i < 0n ? i + n : i;
    return k < 0n || k >= n ? NOFOLD : items[Number(k)];
  };
  if (typeof v === "string") return pick(Array.from(v));
  if (v instanceof BytesConst) {
    const b = pick(v.value);
    return b === NOFOLD ? NOFOLD : BigInt(b);
  }
  if (v instanceof ConstTuple) return pick(v.items);
  return NOFOLD;
}

function toComplex(v: AnyConst): [number, number] | null {
  if (v instanceof ComplexConst) return [v.real, v.imag];
  const f = asFloat(v);
  return f === null ? null : [f, 0];
}

function foldUnary(op: ast.UnaryOpKind, v: AnyConst): Folded {
  const i = asInt(v);
  switch (op) {
    case "USub":
      if (i !== null) return -i;
      if (typeof v === "number") return -v;
      if (v instanceof ComplexConst) return new ComplexConst(-v.real, -v.imag);
      return NOFOLD;
    case "UAdd":
      if (i !== null) return i;
      if (typeof v === "number") return v;
      if (v instanceof ComplexConst) return v;
      return NOFOLD;
    case "Invert":
      return i !== null ? ~i : NOFOLD;
    case "Not": {
      const t = truthOf(v);
      return t === null ? NOFOLD : !t;
    }
  }
}

/** Truth value of a constant (null for kinds without a constant truth, e.g. code objects). */
function truthOf(v: AnyConst): boolean | null {
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

function isConst(e: ast.Expr): e is ast.Constant {
  return e._type === "Constant";
}

function makeConst(node: ast.Expr, value: ConstValue): ast.Constant {
  const c = node as unknown as ast.Constant & Record<string, unknown>;
  for (const k of Object.keys(c)) if (!["lineno", "col_offset", "end_lineno", "end_col_offset"].includes(k)) delete c[k];
  c._type = "Constant";
  c.value = value as ConstantValue;
  c.kind = null;
  return c;
}

function totalItems(v: ConstValue): number {
  let n = 1;
  if (v instanceof ConstTuple || v instanceof ConstFrozenset) for (const x of v.items) n += totalItems(x);
  return n;
}

class Optimizer {
  constructor(private readonly state: OptimizeState) {}

  private get futureAnnotations(): boolean {
    return (this.state.futureFeatures & CO_FUTURE_ANNOTATIONS) !== 0;
  }

  mod(m: ast.Mod): void {
    switch (m._type) {
      case "Module":
      case "Interactive":
        this.stmts(m.body);
        break;
      case "Expression":
        m.body = this.expr(m.body);
        break;
      case "FunctionType":
        break;
    }
  }

  private stmts(body: ast.Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  private exprs(list: (ast.Expr | null)[]): void {
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      if (e) list[i] = this.expr(e);
    }
  }

  private annotation(e: ast.Expr | null): ast.Expr | null {
    if (e === null || this.futureAnnotations) return e;
    return this.expr(e);
  }

  private args(a: ast.Arguments): void {
    for (const arg of [...a.posonlyargs, ...a.args, ...a.kwonlyargs]) arg.annotation = this.annotation(arg.annotation);
    if (a.vararg) a.vararg.annotation = this.annotation(a.vararg.annotation);
    if (a.kwarg) a.kwarg.annotation = this.annotation(a.kwarg.annotation);
    this.exprs(a.defaults);
    this.exprs(a.kw_defaults as (ast.Expr | null)[]);
  }

  private stmt(s: ast.Stmt): void {
    switch (s._type) {
      case "FunctionDef":
      case "AsyncFunctionDef":
        this.args(s.args);
        this.stmts(s.body);
        this.exprs(s.decorator_list);
        s.returns = this.annotation(s.returns);
        this.typeParams(s.type_params);
        break;
      case "ClassDef":
        this.exprs(s.bases);
        for (const k of s.keywords) k.value = this.expr(k.value);
        this.stmts(s.body);
        this.exprs(s.decorator_list);
        this.typeParams(s.type_params);
        break;
      case "Return":
        if (s.value) s.value = this.expr(s.value);
        break;
      case "Delete":
        this.exprs(s.targets);
        break;
      case "Assign":
        this.exprs(s.targets);
        s.value = this.expr(s.value);
        break;
      case "AugAssign":
        s.target = this.expr(s.target);
        s.value = this.expr(s.value);
        break;
      case "AnnAssign":
        s.target = this.expr(s.target);
        s.annotation = this.annotation(s.annotation) as ast.Expr;
        if (s.value) s.value = this.expr(s.value);
        break;
      case "TypeAlias":
        s.name = this.expr(s.name);
        this.typeParams(s.type_params);
        s.value = this.expr(s.value);
        break;
      case "For":
      case "AsyncFor":
        s.target = this.expr(s.target);
        s.iter = this.iter(this.expr(s.iter));
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case "While":
      case "If":
        s.test = this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        break;
      case "With":
      case "AsyncWith":
        for (const it of s.items) {
          it.context_expr = this.expr(it.context_expr);
          if (it.optional_vars) it.optional_vars = this.expr(it.optional_vars);
        }
        this.stmts(s.body);
        break;
      case "Raise":
        if (s.exc) s.exc = this.expr(s.exc);
        if (s.cause) s.cause = this.expr(s.cause);
        break;
      case "Try":
      case "TryStar":
        this.stmts(s.body);
        for (const h of s.handlers) {
          if (h.type) h.type = this.expr(h.type);
          this.stmts(h.body);
        }
        this.stmts(s.orelse);
        this.stmts(s.finalbody);
        break;
      case "Assert":
        s.test = this.expr(s.test);
        if (s.msg) s.msg = this.expr(s.msg);
        break;
      case "Expr":
        s.value = this.expr(s.value);
        break;
      case "Match":
        s.subject = this.expr(s.subject);
        for (const c of s.cases) {
          this.pattern(c.pattern);
          if (c.guard) c.guard = this.expr(c.guard);
          this.stmts(c.body);
        }
        break;
      default:
        break;
    }
  }

  private typeParams(tps: ast.TypeParam[]): void {
    for (const tp of tps) if (tp._type === "TypeVar" && tp.bound) tp.bound = this.expr(tp.bound);
  }

  private pattern(p: ast.Pattern): void {
    switch (p._type) {
      case "MatchValue":
        p.value = this.expr(p.value);
        break;
      case "MatchSequence":
        for (const q of p.patterns) this.pattern(q);
        break;
      case "MatchMapping":
        this.exprs(p.keys);
        for (const q of p.patterns) this.pattern(q);
        break;
      case "MatchClass":
        p.cls = this.expr(p.cls);
        for (const q of p.patterns) this.pattern(q);
        for (const q of p.kwd_patterns) this.pattern(q);
        break;
      case "MatchAs":
        if (p.pattern) this.pattern(p.pattern);
        break;
      case "MatchOr":
        for (const q of p.patterns) this.pattern(q);
        break;
      default:
        break;
    }
  }

  /** `for x in [..]` / `in {..}`: a list becomes a tuple, a set of constants a frozenset. */
  private iter(e: ast.Expr): ast.Expr {
    if (e._type === "List") {
      const t = { ...e, _type: "Tuple" } as unknown as ast.Tuple;
      return this.foldTuple(t);
    }
    if (e._type === "Set") {
      if (e.elts.length > 0 && e.elts.every(isConst)) {
        const items = (e.elts as ast.Constant[]).map((c) => c.value as ConstValue);
        return makeConst(e, frozenset(items));
      }
    }
    return e;
  }

  private foldTuple(t: ast.Tuple): ast.Expr {
    if (t.ctx !== "Load" || !t.elts.every(isConst)) return t;
    const items = (t.elts as ast.Constant[]).map((c) => c.value as ConstValue);
    const v = new ConstTuple(items);
    if (totalItems(v) > MAX_TOTAL_ITEMS + 1 && false) return t;
    return makeConst(t, v);
  }

  private comprehensions(gens: ast.Comprehension[]): void {
    for (const g of gens) {
      g.target = this.expr(g.target);
      g.iter = this.iter(this.expr(g.iter));
      this.exprs(g.ifs);
    }
  }

  expr(e: ast.Expr): ast.Expr {
    switch (e._type) {
      case "BoolOp":
        this.exprs(e.values);
        return e;
      case "BinOp": {
        e.left = this.expr(e.left);
        e.right = this.expr(e.right);
        if (isConst(e.left) && isConst(e.right)) {
          const v = foldBinop(e.op, e.left.value as ConstValue, e.right.value as ConstValue);
          if (v !== NOFOLD) return makeConst(e, v);
        }
        if (e.op === "Mod" && isConst(e.left) && typeof e.left.value === "string" && e.right._type === "Tuple" && !e.right.elts.some((x) => x._type === "Starred")) {
          return optimizeFormat(e, e.left.value, e.right.elts);
        }
        return e;
      }
      case "UnaryOp": {
        e.operand = this.expr(e.operand);
        if (e.op === "Not" && e.operand._type === "Compare" && e.operand.ops.length === 1) {
          const inv: Partial<Record<ast.CmpOp, ast.CmpOp>> = { Is: "IsNot", IsNot: "Is", In: "NotIn", NotIn: "In" };
          const op = inv[e.operand.ops[0]];
          if (op) {
            const cmp = e.operand;
            cmp.ops = [op];
            const c = e as unknown as Record<string, unknown>;
            for (const k of Object.keys(c)) delete c[k];
            Object.assign(c, cmp, { lineno: e.lineno, col_offset: e.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset });
            return e;
          }
        }
        if (isConst(e.operand)) {
          const v = foldUnary(e.op, e.operand.value as ConstValue);
          if (v !== NOFOLD) return makeConst(e, v);
        }
        return e;
      }
      case "Lambda":
        this.args(e.args);
        e.body = this.expr(e.body);
        return e;
      case "IfExp":
        e.test = this.expr(e.test);
        e.body = this.expr(e.body);
        e.orelse = this.expr(e.orelse);
        return e;
      case "Dict":
        this.exprs(e.keys);
        this.exprs(e.values);
        return e;
      case "Set":
        this.exprs(e.elts);
        return e;
      case "ListComp":
      case "SetComp":
      case "GeneratorExp":
        e.elt = this.expr(e.elt);
        this.comprehensions(e.generators);
        return e;
      case "DictComp":
        e.key = this.expr(e.key);
        e.value = this.expr(e.value);
        this.comprehensions(e.generators);
        return e;
      case "Await":
      case "YieldFrom":
        e.value = this.expr(e.value);
        return e;
      case "Yield":
        if (e.value) e.value = this.expr(e.value);
        return e;
      case "Compare": {
        e.left = this.expr(e.left);
        this.exprs(e.comparators);
        const last = e.ops.length - 1;
        const op = e.ops[last];
        if (op === "In" || op === "NotIn") e.comparators[last] = this.iter(e.comparators[last]);
        return e;
      }
      case "Call":
        e.func = this.expr(e.func);
        this.exprs(e.args);
        for (const k of e.keywords) k.value = this.expr(k.value);
        return e;
      case "FormattedValue":
        e.value = this.expr(e.value);
        if (e.format_spec) e.format_spec = this.expr(e.format_spec);
        return e;
      case "JoinedStr":
        this.exprs(e.values);
        return e;
      case "Attribute":
        e.value = this.expr(e.value);
        return e;
      case "Subscript": {
        e.value = this.expr(e.value);
        e.slice = this.expr(e.slice);
        if (e.ctx === "Load" && isConst(e.value) && isConst(e.slice)) {
          const v = foldSubscript(e.value.value as ConstValue, e.slice.value as ConstValue);
          if (v !== NOFOLD) return makeConst(e, v);
        }
        return e;
      }
      case "Starred":
        e.value = this.expr(e.value);
        return e;
      case "Slice":
        if (e.lower) e.lower = this.expr(e.lower);
        if (e.upper) e.upper = this.expr(e.upper);
        if (e.step) e.step = this.expr(e.step);
        return e;
      case "List":
        this.exprs(e.elts);
        return e;
      case "Tuple":
        this.exprs(e.elts);
        return this.foldTuple(e);
      case "Name":
        if (e.ctx === "Load" && e.id === "__debug__") return makeConst(e, this.state.optimize === 0);
        return e;
      case "NamedExpr":
        e.value = this.expr(e.value);
        return e;
      case "Constant":
        return e;
    }
  }
}

const NO_LOC = { lineno: -1, col_offset: -1, end_lineno: -1, end_col_offset: -1 };

/** A literal run of a %-format (with %% unescaped), or null when empty; advances pos[0]. */
function formatLiteral(fmt: string, pos: [number]): ast.Constant | null {
  const start = pos[0];
  let p = start;
  let percents = false;
  while (p < fmt.length) {
    if (fmt[p] !== "%") p++;
    else if (p + 1 < fmt.length && fmt[p + 1] === "%") {
      percents = true;
      p += 2;
    } else break;
  }
  pos[0] = p;
  if (p === start) return null;
  let text = fmt.slice(start, p);
  if (percents) text = text.replace(/%%/g, "%");
  return { _type: "Constant", value: text, kind: null, ...NO_LOC };
}

/** One `%[flags][width][.prec]spec` unit as a FormattedValue, or null when it is not %s/%r/%a (CPython's parse_format). */
function formatUnit(fmt: string, pos: [number], arg: ast.Expr): ast.FormattedValue | null {
  let p = pos[0];
  const next = (): string | null => (p < fmt.length ? fmt[p++] : null);
  let ljust = false;
  let ch = next();
  while (ch !== null && "-+ #0".includes(ch)) {
    if (ch === "-") ljust = true;
    ch = next();
  }
  if (ch === null) return null;
  let width = -1;
  let prec = -1;
  // At most two digits of width and of precision (CPython's MAXDIGITS 3 check).
  if (ch >= "0" && ch <= "9") {
    width = 0;
    let digits = 0;
    while (ch !== null && ch >= "0" && ch <= "9") {
      width = width * 10 + (ch.charCodeAt(0) - 48);
      ch = next();
      if (ch === null || ++digits >= 3) return null;
    }
  }
  if (ch === ".") {
    ch = next();
    if (ch === null) return null;
    prec = 0;
    if (ch >= "0" && ch <= "9") {
      let digits = 0;
      while (ch !== null && ch >= "0" && ch <= "9") {
        prec = prec * 10 + (ch.charCodeAt(0) - 48);
        ch = next();
        if (ch === null || ++digits >= 3) return null;
      }
    }
  }
  pos[0] = p;
  if (ch !== "s" && ch !== "r" && ch !== "a") return null;
  let spec = "";
  if (!ljust && width > 0) spec += ">";
  if (width >= 0) spec += String(width);
  if (prec >= 0) spec += "." + String(prec);
  const formatSpec: ast.Constant | null = spec ? { _type: "Constant", value: spec, kind: null, ...NO_LOC } : null;
  return { _type: "FormattedValue", value: arg, conversion: ch.charCodeAt(0), format_spec: formatSpec, lineno: arg.lineno, col_offset: arg.col_offset, end_lineno: arg.end_lineno, end_col_offset: arg.end_col_offset };
}

/** `"%s-%r" % (a, b)` -> an f-string when every unit is %s/%r/%a and the counts match (CPython's optimize_format). */
function optimizeFormat(node: ast.BinOp, fmt: string, elts: readonly ast.Expr[]): ast.Expr {
  const pos: [number] = [0];
  const values: ast.Expr[] = [];
  let cnt = 0;
  for (;;) {
    const lit = formatLiteral(fmt, pos);
    if (lit) values.push(lit);
    if (pos[0] >= fmt.length) break;
    if (cnt >= elts.length) return node;
    pos[0]++;
    const unit = formatUnit(fmt, pos, elts[cnt]);
    cnt++;
    if (!unit) return node;
    values.push(unit);
  }
  if (cnt < elts.length) return node;
  const j = node as unknown as Record<string, unknown>;
  for (const k of Object.keys(j)) if (!["lineno", "col_offset", "end_lineno", "end_col_offset"].includes(k)) delete j[k];
  j._type = "JoinedStr";
  j.values = values;
  return node as unknown as ast.JoinedStr;
}

function frozenset(items: readonly ConstValue[]): ConstFrozenset {
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

/** Folds constants in place (CPython's _PyAST_Optimize). */
export function optimizeAst(mod: ast.Mod, state: OptimizeState): void {
  new Optimizer(state).mod(mod);
}
