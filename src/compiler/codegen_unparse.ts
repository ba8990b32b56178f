// Expression unparser for `from __future__ import annotations` (CPython's Python/ast_unparse.c), plus Python reprs of constants.
import type * as ast from "./ast";
import { BytesConst, ComplexConst, EllipsisConst, type ConstantValue } from "./ast";

// Precedence levels (ast_unparse.c's PR_*).
enum Pr {
  Tuple = 0,
  Test,
  Or,
  And,
  Not,
  Cmp,
  Expr,
  Bor = Expr,
  Bxor,
  Band,
  Shift,
  Arith,
  Term,
  Factor,
  Power,
  Await,
  Atom,
}

const BINOP: Record<ast.Operator, [string, Pr]> = {
  Add: [" + ", Pr.Arith], Sub: [" - ", Pr.Arith], Mult: [" * ", Pr.Term], MatMult: [" @ ", Pr.Term], Div: [" / ", Pr.Term],
  Mod: [" % ", Pr.Term], LShift: [" << ", Pr.Shift], RShift: [" >> ", Pr.Shift], BitOr: [" | ", Pr.Bor], BitXor: [" ^ ", Pr.Bxor],
  BitAnd: [" & ", Pr.Band], FloorDiv: [" // ", Pr.Term], Pow: [" ** ", Pr.Power],
};
const CMPOP: Record<ast.CmpOp, string> = {
  Eq: " == ", NotEq: " != ", Lt: " < ", LtE: " <= ", Gt: " > ", GtE: " >= ", Is: " is ", IsNot: " is not ", In: " in ", NotIn: " not in ",
};

/** The annotation string CPython stores under `from __future__ import annotations`. */
export function unparseExpr(e: ast.Expr): string {
  return expr(e, Pr.Test);
}

function paren(cond: boolean, s: string): string {
  return cond ? `(${s})` : s;
}

function expr(e: ast.Expr, level: number): string {
  switch (e._type) {
    case "BoolOp": {
      const pr = e.op === "And" ? Pr.And : Pr.Or;
      return paren(level > pr, e.values.map((v) => expr(v, pr + 1)).join(e.op === "And" ? " and " : " or "));
    }
    case "BinOp": {
      const [op, pr] = BINOP[e.op];
      const rassoc = e.op === "Pow" ? 1 : 0;
      return paren(level > pr, expr(e.left, pr + rassoc) + op + expr(e.right, pr + 1 - rassoc));
    }
    case "UnaryOp": {
      const [op, pr] = e.op === "Not" ? ["not ", Pr.Not] : e.op === "Invert" ? ["~", Pr.Factor] : e.op === "UAdd" ? ["+", Pr.Factor] : ["-", Pr.Factor];
      return paren(level > pr, op + expr(e.operand, pr));
    }
    case "Lambda": {
      const args = argumentsStr(e.args);
      return paren(level > Pr.Test, (args ? `lambda ${args}` : "lambda") + ": " + expr(e.body, Pr.Test));
    }
    case "IfExp":
      return paren(level > Pr.Test, `${expr(e.body, Pr.Test + 1)} if ${expr(e.test, Pr.Test + 1)} else ${expr(e.orelse, Pr.Test)}`);
    case "Dict":
      return "{" + e.values.map((v, i) => {
        const k = e.keys[i];
        return k ? `${expr(k, Pr.Test)}: ${expr(v, Pr.Test)}` : `**${expr(v, Pr.Expr)}`;
      }).join(", ") + "}";
    case "Set":
      return e.elts.length === 0 ? "{*()}" : "{" + e.elts.map((x) => expr(x, Pr.Test)).join(", ") + "}";
    case "ListComp":
      return "[" + expr(e.elt, Pr.Test) + comprehensions(e.generators) + "]";
    case "SetComp":
      return "{" + expr(e.elt, Pr.Test) + comprehensions(e.generators) + "}";
    case "DictComp":
      return "{" + expr(e.key, Pr.Test) + ": " + expr(e.value, Pr.Test) + comprehensions(e.generators) + "}";
    case "GeneratorExp":
      return "(" + expr(e.elt, Pr.Test) + comprehensions(e.generators) + ")";
    case "Yield":
      return e.value ? `(yield ${expr(e.value, Pr.Test)})` : "(yield)";
    case "YieldFrom":
      return `(yield from ${expr(e.value, Pr.Test)})`;
    case "Await":
      return paren(level > Pr.Await, "await " + expr(e.value, Pr.Atom));
    case "Compare": {
      let s = expr(e.left, Pr.Cmp + 1);
      e.ops.forEach((op, i) => (s += CMPOP[op] + expr(e.comparators[i], Pr.Cmp + 1)));
      return paren(level > Pr.Cmp, s);
    }
    case "Call": {
      let s = expr(e.func, Pr.Atom) + "(";
      if (e.args.length === 1 && e.keywords.length === 0 && e.args[0]._type === "GeneratorExp") {
        const g = e.args[0];
        return s + expr(g.elt, Pr.Test) + comprehensions(g.generators) + ")";
      }
      const parts = e.args.map((a) => expr(a, Pr.Test));
      for (const k of e.keywords) parts.push(k.arg === null ? "**" + expr(k.value, Pr.Test) : `${k.arg}=${expr(k.value, Pr.Test)}`);
      s += parts.join(", ");
      return s + ")";
    }
    case "Constant":
      if (e.value === EllipsisConst) return "...";
      return constantRepr(e.value, true);
    case "JoinedStr":
      return "f" + pyStrRepr(fstringBody(e.values, false));
    case "FormattedValue":
      return "f" + pyStrRepr(formattedValue(e));
    case "Attribute": {
      const v = e.value;
      const period = v._type === "Constant" && typeof v.value === "bigint" ? " ." : ".";
      return expr(v, Pr.Atom) + period + e.attr;
    }
    case "Subscript":
      return expr(e.value, Pr.Atom) + "[" + expr(e.slice, Pr.Tuple) + "]";
    case "Starred":
      return "*" + expr(e.value, Pr.Expr);
    case "Name":
      return e.id;
    case "List":
      return "[" + e.elts.map((x) => expr(x, Pr.Test)).join(", ") + "]";
    case "Tuple": {
      if (e.elts.length === 0) return "()";
      const s = e.elts.map((x) => expr(x, Pr.Test)).join(", ") + (e.elts.length === 1 ? "," : "");
      return paren(level > Pr.Tuple, s);
    }
    case "Slice": {
      let s = e.lower ? expr(e.lower, Pr.Test) : "";
      s += ":";
      if (e.upper) s += expr(e.upper, Pr.Test);
      if (e.step) s += ":" + expr(e.step, Pr.Test);
      return s;
    }
    case "NamedExpr":
      return paren(level > Pr.Tuple, expr(e.target, Pr.Atom) + " := " + expr(e.value, Pr.Atom));
  }
}

function comprehensions(gens: readonly ast.Comprehension[]): string {
  let s = "";
  for (const g of gens) {
    s += g.is_async ? " async for " : " for ";
    s += expr(g.target, Pr.Tuple) + " in " + expr(g.iter, Pr.Test + 1);
    for (const c of g.ifs) s += " if " + expr(c, Pr.Test + 1);
  }
  return s;
}

function argumentsStr(a: ast.Arguments): string {
  const parts: string[] = [];
  const positional = [...a.posonlyargs, ...a.args];
  const firstDefault = positional.length - a.defaults.length;
  positional.forEach((arg, i) => {
    let s = arg.arg;
    if (i >= firstDefault) s += "=" + expr(a.defaults[i - firstDefault], Pr.Test);
    parts.push(s);
    if (i + 1 === a.posonlyargs.length) parts.push("/");
  });
  if (a.vararg || a.kwonlyargs.length > 0) parts.push("*" + (a.vararg ? a.vararg.arg : ""));
  a.kwonlyargs.forEach((arg, i) => {
    const d = a.kw_defaults[i] as ast.Expr | null | undefined;
    parts.push(d ? `${arg.arg}=${expr(d, Pr.Test)}` : arg.arg);
  });
  if (a.kwarg) parts.push("**" + a.kwarg.arg);
  return parts.join(", ");
}

function fstringBody(values: readonly ast.Expr[], _isSpec: boolean): string {
  let s = "";
  for (const v of values) {
    if (v._type === "Constant" && typeof v.value === "string") s += v.value.replace(/\{/g, "{{").replace(/\}/g, "}}");
    else if (v._type === "FormattedValue") s += formattedValue(v);
    else if (v._type === "JoinedStr") s += fstringBody(v.values, _isSpec);
    else throw new Error(`unparse: unexpected node ${v._type} in f-string`);
  }
  return s;
}

function formattedValue(v: ast.FormattedValue): string {
  let inner = expr(v.value, Pr.Test + 1);
  if (inner.startsWith("{")) inner = " " + inner;
  let s = "{" + inner;
  if (v.conversion > 0) s += "!" + String.fromCharCode(v.conversion);
  if (v.format_spec) {
    const spec = v.format_spec;
    s += ":" + (spec._type === "JoinedStr" ? fstringBody(spec.values, true) : fstringBody([spec], true));
  }
  return s + "}";
}

// ---- reprs of constants ----

/** repr() of a constant; `annotation` selects ast_unparse.c's spelling of infinities (1e309). */
export function constantRepr(v: ConstantValue, annotation = false): string {
  if (v === null) return "None";
  switch (typeof v) {
    case "boolean":
      return v ? "True" : "False";
    case "bigint":
      return v.toString();
    case "number":
      return floatRepr(v, annotation);
    case "string":
      return pyStrRepr(v);
    case "symbol":
      return "Ellipsis";
    default:
      break;
  }
  if (v instanceof BytesConst) return pyBytesRepr(v.value);
  if (v instanceof ComplexConst) return complexRepr(v, annotation);
  throw new Error("unknown constant");
}

function complexRepr(c: ComplexConst, annotation: boolean): string {
  const im = floatReprNoSuffix(c.imag, annotation);
  if (c.real === 0 && !Object.is(c.real, -0)) return im + "j";
  const re = floatReprNoSuffix(c.real, annotation);
  const sign = c.imag < 0 || Object.is(c.imag, -0) || Number.isNaN(c.imag) && false ? "" : "+";
  return `(${re}${sign}${im}j)`;
}

function floatReprNoSuffix(n: number, annotation: boolean): string {
  // complex parts print like repr(float) but integral values drop ".0"
  const r = floatRepr(n, annotation);
  return r.endsWith(".0") ? r.slice(0, -2) : r;
}

/** repr(float): shortest round-trip digits, Python's fixed/exponent switch (exponent < -4 or >= 16). */
export function floatRepr(n: number, annotation = false): string {
  if (Number.isNaN(n)) return "nan";
  if (!Number.isFinite(n)) {
    if (annotation) return n > 0 ? "1e309" : "-1e309";
    return n > 0 ? "inf" : "-inf";
  }
  if (n === 0) return Object.is(n, -0) ? "-0.0" : "0.0";
  const sign = n < 0 ? "-" : "";
  const [mant, expStr] = Math.abs(n).toExponential().split("e");
  const digits = mant.replace(".", "");
  const exp = parseInt(expStr, 10);
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    const e = Math.abs(exp) < 10 ? "0" + Math.abs(exp) : String(Math.abs(exp));
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp >= 0) {
    const intPart = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits + "0".repeat(exp + 1 - digits.length);
    const frac = digits.length > exp + 1 ? digits.slice(exp + 1) : "0";
    return `${sign}${intPart}.${frac}`;
  }
  return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
}

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** repr(str) with CPython's quote choice and escapes. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (cp < 0x20 || cp === 0x7f) out += "\\x" + cp.toString(16).padStart(2, "0");
    else if (cp < 0x7f) out += ch;
    else if (ch !== " " && NON_PRINTABLE.test(ch)) {
      if (cp <= 0xff) out += "\\x" + cp.toString(16).padStart(2, "0");
      else if (cp <= 0xffff) out += "\\u" + cp.toString(16).padStart(4, "0");
      else out += "\\U" + cp.toString(16).padStart(8, "0");
    } else out += ch;
  }
  return out + quote;
}

export function pyBytesRepr(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) {
    if (c === 0x27) hasSingle = true;
    if (c === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = "b" + quote;
  for (const c of b) {
    const ch = String.fromCharCode(c);
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (c === 9) out += "\\t";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return out + quote;
}
