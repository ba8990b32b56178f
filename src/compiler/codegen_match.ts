// Code generation for `match` statements and every pattern kind (CPython 3.12's compiler_pattern_* family).
import type * as ast from "./ast";
import type { Label, Pos } from "./assembler";
import { constKey, ConstTuple, type ConstValue } from "./code";
import { BinaryOpArg, Op } from "./opcodes";

/** What the pattern compiler needs from the code generator. */
export interface PatternHost {
  emit(op: Op, arg?: number, pos?: Pos): unknown;
  emitJump(op: Op, target: Label, pos?: Pos): unknown;
  useLabel(label: Label): void;
  newLabel(): Label;
  loadConst(v: ConstValue, pos?: Pos): void;
  visitExpr(e: ast.Expr): void;
  visitStmts(stmts: readonly ast.Stmt[]): void;
  nameOp(name: string, ctx: ast.ExprContext, pos?: Pos): void;
  jumpIf(e: ast.Expr, target: Label, cond: boolean, pos: Pos): void;
  addCompare(op: ast.CmpOp, pos: Pos): void;
  forbiddenName(name: string, ctx: ast.ExprContext, pos: Pos): void;
  error(msg: string, loc: Pos): never;
  u: { lastTerminates: boolean };
}

interface PatternContext {
  stores: string[];
  allowIrrefutable: boolean;
  failPop: Label[];
  onTop: number;
}

type Loc = { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number };
function posOf(n: Loc): Pos {
  return [n.lineno, n.end_lineno, n.col_offset, n.end_col_offset];
}
const NO_POS: Pos = [-1, -1, -1, -1];

function isWildcard(p: ast.Pattern): boolean {
  return p._type === "MatchAs" && p.pattern === null && p.name === null;
}
function isWildcardStar(p: ast.Pattern): boolean {
  return p._type === "MatchStar" && p.name === null;
}

/** Python's repr() of a mapping-pattern key, for the duplicate-key message. */
function keyRepr(v: ConstValue): string {
  if (typeof v === "string") return `'${v}'`;
  if (typeof v === "bigint") return v.toString();
  if (v === null) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  return String(v);
}

class MatchCompiler {
  constructor(private readonly c: PatternHost) {}

  private ensureFailPop(pc: PatternContext, n: number): void {
    while (pc.failPop.length < n + 1) pc.failPop.push(this.c.newLabel());
  }

  private jumpToFailPop(pc: PatternContext, pos: Pos, op: Op): void {
    const pops = pc.onTop + pc.stores.length;
    this.ensureFailPop(pc, pops);
    this.c.emitJump(op, pc.failPop[pops], pos);
    if (op !== Op.JUMP) this.c.u.lastTerminates = false;
  }

  private emitAndResetFailPop(pc: PatternContext, pos: Pos): void {
    if (pc.failPop.length === 0) return;
    for (let i = pc.failPop.length - 1; i > 0; i--) {
      this.c.useLabel(pc.failPop[i]);
      this.c.emit(Op.POP_TOP, 0, pos);
    }
    this.c.useLabel(pc.failPop[0]);
    pc.failPop = [];
  }

  private rotate(pos: Pos, count: number): void {
    while (count > 1) this.c.emit(Op.SWAP, count--, pos);
  }

  private storeName(pos: Pos, name: string | null, pc: PatternContext): void {
    if (name === null) {
      this.c.emit(Op.POP_TOP, 0, pos);
      return;
    }
    this.c.forbiddenName(name, "Store", pos);
    if (pc.stores.includes(name)) this.c.error(`multiple assignments to name '${name}' in pattern`, pos);
    this.rotate(pos, pc.onTop + pc.stores.length + 1);
    pc.stores.push(name);
  }

  private unpackHelper(pos: Pos, elts: readonly ast.Pattern[]): void {
    const n = elts.length;
    let seenStar = false;
    for (let i = 0; i < n; i++) {
      const elt = elts[i];
      if (elt._type === "MatchStar" && !seenStar) {
        if (i >= 1 << 8) this.c.error("too many expressions in star-unpacking sequence pattern", pos);
        this.c.emit(Op.UNPACK_EX, i + ((n - i - 1) << 8), pos);
        seenStar = true;
      } else if (elt._type === "MatchStar") {
        this.c.error("multiple starred expressions in sequence pattern", pos);
      }
    }
    if (!seenStar) this.c.emit(Op.UNPACK_SEQUENCE, n, pos);
  }

  private sequenceUnpack(pos: Pos, patterns: readonly ast.Pattern[], pc: PatternContext): void {
    this.unpackHelper(pos, patterns);
    const size = patterns.length;
    pc.onTop += size;
    for (const p of patterns) {
      pc.onTop--;
      this.subpattern(p, pc);
    }
  }

  private sequenceSubscr(pos: Pos, patterns: readonly ast.Pattern[], star: number, pc: PatternContext): void {
    pc.onTop++;
    const size = patterns.length;
    for (let i = 0; i < size; i++) {
      const p = patterns[i];
      if (isWildcard(p) || i === star) continue;
      this.c.emit(Op.COPY, 1, pos);
      if (i < star) {
        this.c.loadConst(BigInt(i), pos);
      } else {
        this.c.emit(Op.GET_LEN, 0, pos);
        this.c.loadConst(BigInt(size - i), pos);
        this.c.emit(Op.BINARY_OP, BinaryOpArg.Subtract, pos);
      }
      this.c.emit(Op.BINARY_SUBSCR, 0, pos);
      this.subpattern(p, pc);
    }
    pc.onTop--;
    this.c.emit(Op.POP_TOP, 0, pos);
  }

  private subpattern(p: ast.Pattern, pc: PatternContext): void {
    const allow = pc.allowIrrefutable;
    pc.allowIrrefutable = true;
    this.pattern(p, pc);
    pc.allowIrrefutable = allow;
  }

  pattern(p: ast.Pattern, pc: PatternContext): void {
    const pos = posOf(p);
    switch (p._type) {
      case "MatchValue": {
        const v = p.value;
        if (v._type !== "Constant" && v._type !== "Attribute") this.c.error("patterns may only match literals and attribute lookups", pos);
        this.c.visitExpr(v);
        this.c.addCompare("Eq", pos);
        this.jumpToFailPop(pc, pos, Op.POP_JUMP_IF_FALSE);
        return;
      }
      case "MatchSingleton":
        this.c.loadConst(p.value, pos);
        this.c.addCompare("Is", pos);
        this.jumpToFailPop(pc, pos, Op.POP_JUMP_IF_FALSE);
        return;
      case "MatchSequence":
        return this.sequence(p, pc);
      case "MatchMapping":
        return this.mapping(p, pc);
      case "MatchClass":
        return this.classPattern(p, pc);
      case "MatchStar":
        this.storeName(pos, p.name, pc);
        return;
      case "MatchAs":
        if (p.pattern === null) {
          if (!pc.allowIrrefutable) {
            if (p.name) this.c.error(`name capture '${p.name}' makes remaining patterns unreachable`, pos);
            this.c.error("wildcard makes remaining patterns unreachable", pos);
          }
          this.storeName(pos, p.name, pc);
          return;
        }
        pc.onTop++;
        this.c.emit(Op.COPY, 1, pos);
        this.pattern(p.pattern, pc);
        pc.onTop--;
        this.storeName(pos, p.name, pc);
        return;
      case "MatchOr":
        return this.or(p, pc);
    }
  }

  private sequence(p: ast.MatchSequence, pc: PatternContext): void {
    const pos = posOf(p);
    const patterns = p.patterns;
    const size = patterns.length;
    let star = -1;
    let onlyWildcard = true;
    let starWildcard = false;
    for (let i = 0; i < size; i++) {
      const q = patterns[i];
      if (q._type === "MatchStar") {
        if (star >= 0) this.c.error("multiple starred names in sequence pattern", pos);
        starWildcard = isWildcardStar(q);
        onlyWildcard = onlyWildcard && starWildcard;
        star = i;
        continue;
      }
      onlyWildcard = onlyWildcard && isWildcard(q);
    }
    pc.onTop++;
    this.c.emit(Op.MATCH_SEQUENCE, 0, pos);
    this.jumpToFailPop(pc, pos, Op.POP_JUMP_IF_FALSE);
    if (star < 0) {
      this.c.emit(Op.GET_LEN, 0, pos);
      this.c.loadConst(BigInt(size), pos);
      this.c.addCompare("Eq", pos);
      this.jumpToFailPop(pc, pos, Op.POP_JUMP_IF_FALSE);
    } else if (size > 1) {
      this.c.emit(Op.GET_LEN, 0, pos);
      this.c.loadConst(BigInt(size - 1), pos);
      this.c.addCompare("GtE", pos);
      this.jumpToFailPop(pc, pos, Op.POP_JUMP_IF_FALSE);
    }
    pc.onTop--;
    if (onlyWildcard) this.c.emit(Op.POP_TOP, 0, pos);
    else if (starWildcard) this.sequenceSubscr(pos, patterns, star, pc);
    else this.sequenceUnpack(pos, patterns, pc);
  }

  private mapping(p: ast.MatchMapping, pc: PatternContext): void {
    const pos = posOf(p);
    const keys = p.keys;
    let size = keys.length;
    if (size !== p.patterns.length) this.c.error(`keys (${size}) / patterns (${p.patterns.length}) length mismatch in mapping pattern`, pos);
    const starTarget = p.rest;
    pc.onTop++;
    this.c.emit(Op.MATCH_MAPPING, 0, pos);
    this.jumpToFailPop(pc, pos, Op.POP_JUMP_IF_FALSE);
    if (!size && !starTarget) {
      pc.onTop--;
      this.c.emit(Op.POP_TOP, 0, pos);
      return;
    }
    if (size) {
      this.c.emit(Op.GET_LEN, 0, pos);
      this.c.loadConst(BigInt(size), pos);
      this.c.addCompare("GtE", pos);
      this.jumpToFailPop(pc, pos, Op.POP_JUMP_IF_FALSE);
    }
    const seen = new Set<string>();
    for (let i = 0; i < size; i++) {
      const key = keys[i] as ast.Expr | null;
      if (!key) this.c.error("can't use NULL keys in MatchMapping (set 'rest' parameter instead)", posOf(p.patterns[i]));
      if (key._type === "Constant") {
        const k = constKey(key.value);
        if (seen.has(k)) this.c.error(`mapping pattern checks duplicate key (${keyRepr(key.value)})`, pos);
        seen.add(k);
      } else if (key._type !== "Attribute") {
        this.c.error("mapping pattern keys may only match literals and attribute lookups", pos);
      }
      this.c.visitExpr(key);
    }
    this.c.emit(Op.BUILD_TUPLE, size, pos);
    this.c.emit(Op.MATCH_KEYS, 0, pos);
    pc.onTop += 2;
    this.c.emit(Op.COPY, 1, pos);
    this.c.loadConst(null, pos);
    this.c.emit(Op.IS_OP, 1, pos);
    this.jumpToFailPop(pc, pos, Op.POP_JUMP_IF_FALSE);
    this.c.emit(Op.UNPACK_SEQUENCE, size, pos);
    pc.onTop += size - 1;
    for (let i = 0; i < size; i++) {
      pc.onTop--;
      this.subpattern(p.patterns[i], pc);
    }
    pc.onTop -= 2;
    if (starTarget) {
      this.c.emit(Op.BUILD_MAP, 0, pos);
      this.c.emit(Op.SWAP, 3, pos);
      this.c.emit(Op.DICT_UPDATE, 2, pos);
      this.c.emit(Op.UNPACK_SEQUENCE, size, pos);
      while (size) {
        this.c.emit(Op.COPY, 1 + size--, pos);
        this.c.emit(Op.SWAP, 2, pos);
        this.c.emit(Op.DELETE_SUBSCR, 0, pos);
      }
      this.storeName(pos, starTarget, pc);
    } else {
      this.c.emit(Op.POP_TOP, 0, pos);
      this.c.emit(Op.POP_TOP, 0, pos);
    }
  }

  private classPattern(p: ast.MatchClass, pc: PatternContext): void {
    const pos = posOf(p);
    const nargs = p.patterns.length;
    const nattrs = p.kwd_attrs.length;
    if (nattrs !== p.kwd_patterns.length) this.c.error(`kwd_attrs (${nattrs}) / kwd_patterns (${p.kwd_patterns.length}) length mismatch in class pattern`, pos);
    for (let i = 0; i < nattrs; i++) {
      const attr = p.kwd_attrs[i];
      this.c.forbiddenName(attr, "Store", posOf(p.kwd_patterns[i]));
      for (let j = i + 1; j < nattrs; j++) {
        if (p.kwd_attrs[j] === attr) this.c.error(`attribute name repeated in class pattern: ${attr}`, posOf(p.kwd_patterns[j]));
      }
    }
    this.c.visitExpr(p.cls);
    this.c.loadConst(new ConstTuple(p.kwd_attrs), pos);
    this.c.emit(Op.MATCH_CLASS, nargs, pos);
    this.c.emit(Op.COPY, 1, pos);
    this.c.loadConst(null, pos);
    this.c.emit(Op.IS_OP, 1, pos);
    pc.onTop++;
    this.jumpToFailPop(pc, pos, Op.POP_JUMP_IF_FALSE);
    this.c.emit(Op.UNPACK_SEQUENCE, nargs + nattrs, pos);
    pc.onTop += nargs + nattrs - 1;
    for (let i = 0; i < nargs + nattrs; i++) {
      pc.onTop--;
      const q = i < nargs ? p.patterns[i] : p.kwd_patterns[i - nargs];
      if (isWildcard(q)) {
        this.c.emit(Op.POP_TOP, 0, pos);
        continue;
      }
      this.subpattern(q, pc);
    }
  }

  private or(p: ast.MatchOr, pc: PatternContext): void {
    const pos = posOf(p);
    const end = this.c.newLabel();
    const size = p.patterns.length;
    const old: PatternContext = { stores: pc.stores, allowIrrefutable: pc.allowIrrefutable, failPop: pc.failPop, onTop: pc.onTop };
    let control: string[] | null = null;
    for (let i = 0; i < size; i++) {
      const alt = p.patterns[i];
      const apos = posOf(alt);
      pc.stores = [];
      pc.allowIrrefutable = i === size - 1 && old.allowIrrefutable;
      pc.failPop = [];
      pc.onTop = 0;
      this.c.emit(Op.COPY, 1, apos);
      this.pattern(alt, pc);
      const nstores = pc.stores.length;
      if (i === 0) {
        control = pc.stores;
      } else if (nstores !== (control as string[]).length) {
        this.c.error("alternative patterns bind different names", pos);
      } else if (nstores) {
        const ctl = control as string[];
        for (let icontrol = nstores - 1; icontrol >= 0; icontrol--) {
          const name = ctl[icontrol];
          const istores = pc.stores.indexOf(name);
          if (istores < 0) this.c.error("alternative patterns bind different names", pos);
          if (icontrol !== istores) {
            let rotations = istores + 1;
            const rotated = pc.stores.slice(0, rotations);
            pc.stores.splice(0, rotations);
            pc.stores.splice(icontrol - istores, 0, ...rotated);
            while (rotations--) this.rotate(apos, icontrol + 1);
          }
        }
      }
      this.c.emitJump(Op.JUMP, end, apos);
      this.emitAndResetFailPop(pc, apos);
    }
    pc.stores = old.stores;
    pc.allowIrrefutable = old.allowIrrefutable;
    pc.failPop = old.failPop;
    pc.onTop = old.onTop;
    this.c.emit(Op.POP_TOP, 0, pos);
    this.jumpToFailPop(pc, pos, Op.JUMP);
    this.c.useLabel(end);
    const ctl = control as string[];
    const nstores = ctl.length;
    const nrots = nstores + 1 + pc.onTop + pc.stores.length;
    for (let i = 0; i < nstores; i++) {
      this.rotate(pos, nrots);
      const name = ctl[i];
      if (pc.stores.includes(name)) this.c.error(`multiple assignments to name '${name}' in pattern`, pos);
      pc.stores.push(name);
    }
    this.c.emit(Op.POP_TOP, 0, pos);
  }

  compileMatch(s: ast.Match): void {
    const c = this.c;
    c.visitExpr(s.subject);
    const end = c.newLabel();
    const cases = s.cases.length;
    let m = s.cases[cases - 1];
    const hasDefault = isWildcard(m.pattern) && 1 < cases ? 1 : 0;
    const pc: PatternContext = { stores: [], allowIrrefutable: false, failPop: [], onTop: 0 };
    for (let i = 0; i < cases - hasDefault; i++) {
      m = s.cases[i];
      const ppos = posOf(m.pattern);
      if (i !== cases - hasDefault - 1) c.emit(Op.COPY, 1, ppos);
      pc.stores = [];
      pc.allowIrrefutable = m.guard !== null || i === cases - 1;
      pc.failPop = [];
      pc.onTop = 0;
      this.pattern(m.pattern, pc);
      for (const name of pc.stores) c.nameOp(name, "Store", ppos);
      if (m.guard) {
        this.ensureFailPop(pc, 0);
        c.jumpIf(m.guard, pc.failPop[0], false, ppos);
      }
      if (i !== cases - hasDefault - 1) c.emit(Op.POP_TOP, 0, ppos);
      c.visitStmts(m.body);
      c.emitJump(Op.JUMP, end, NO_POS);
      this.emitAndResetFailPop(pc, ppos);
    }
    if (hasDefault) {
      m = s.cases[cases - 1];
      const ppos = posOf(m.pattern);
      if (cases === 1) c.emit(Op.POP_TOP, 0, ppos);
      else c.emit(Op.NOP, 0, ppos);
      if (m.guard) c.jumpIf(m.guard, end, false, ppos);
      c.visitStmts(m.body);
    }
    c.useLabel(end);
  }
}

export function compilePattern(host: PatternHost, s: ast.Match): void {
  new MatchCompiler(host).compileMatch(s);
}
