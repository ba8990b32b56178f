// Text dump of an AST identical to CPython 3.12's ast.dump(node, include_attributes=..., indent=...), with Python reprs of constants.
import type { ConstantValue, Node } from "./ast";
import { BytesConst, ComplexConst, EllipsisConst, NODE_SPECS, SIMPLE_SUMS } from "./ast";

export interface DumpOptions {
  includeAttributes?: boolean;
  indent?: number | null;
}

const ATTRIBUTES = ["lineno", "col_offset", "end_lineno", "end_col_offset"] as const;

// Python's str.isprintable(): everything except categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than ' '.
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, "0");
}

/** Python repr() of a str. */
export function pyStrRepr(s: string): string {
  const quote = s.indexOf("'") >= 0 && s.indexOf('"') < 0 ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (cp < 0x20 || cp === 0x7f) out += "\\x" + hex(cp, 2);
    else if (cp < 0x7f) out += ch;
    else if (cp !== 0x20 && NON_PRINTABLE.test(ch)) {
      if (cp <= 0xff) out += "\\x" + hex(cp, 2);
      else if (cp <= 0xffff) out += "\\u" + hex(cp, 4);
      else out += "\\U" + hex(cp, 8);
    } else out += ch;
  }
  return out + quote;
}

/** Python repr() of bytes. */
export function pyBytesRepr(b: Uint8Array): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of b) {
    if (c === 0x27) hasSingle = true;
    else if (c === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = "b" + quote;
  for (const c of b) {
    if (c === quote.charCodeAt(0) || c === 0x5c) out += "\\" + String.fromCharCode(c);
    else if (c === 9) out += "\\t";
    else if (c === 10) out += "\\n";
    else if (c === 13) out += "\\r";
    else if (c < 0x20 || c >= 0x7f) out += "\\x" + hex(c, 2);
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

/** Python repr() of a float (shortest round-trip digits, Python's choice of fixed vs exponent notation). */
export function pyFloatRepr(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (v === Infinity) return "inf";
  if (v === -Infinity) return "-inf";
  if (v === 0) return Object.is(v, -0) ? "-0.0" : "0.0";
  const sign = v < 0 ? "-" : "";
  const [mant, expStr] = Math.abs(v).toExponential().split("e");
  const exp = Number(expStr);
  const digits = mant.replace(".", "");
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${"0".repeat(exp + 1 - digits.length)}.0`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** Python repr() of a constant value. */
export function constantRepr(v: ConstantValue): string {
  if (v === null) return "None";
  if (v === true) return "True";
  if (v === false) return "False";
  if (v === EllipsisConst) return "Ellipsis";
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") return pyFloatRepr(v);
  if (typeof v === "string") return pyStrRepr(v);
  if (v instanceof BytesConst) return pyBytesRepr(v.value);
  const imag = complexPart(v.imag);
  if (v.real === 0 && !Object.is(v.real, -0)) return `${imag}j`;
  const sign = v.imag < 0 || Object.is(v.imag, -0) || Number.isNaN(v.imag) ? "" : "+";
  return `(${complexPart(v.real)}${sign}${imag}j)`;
}

/** complex repr drops the ".0" of integral parts. */
function complexPart(x: number): string {
  const r = pyFloatRepr(x);
  return r.endsWith(".0") ? r.slice(0, -2) : r;
}

const SIMPLE_SUM_TYPES = new Set(Object.keys(SIMPLE_SUMS));

/** ast.dump: fields in declaration order, None omitted for optional fields, positions appended when asked. */
export function dumpAst(node: Node, opts: DumpOptions = {}): string {
  const includeAttributes = opts.includeAttributes ?? false;
  const indentStr = opts.indent === undefined || opts.indent === null ? null : " ".repeat(opts.indent);

  function format(value: unknown, type: string, level: number): [string, boolean] {
    let prefix = "";
    let sep = ", ";
    if (indentStr !== null) {
      level += 1;
      prefix = "\n" + indentStr.repeat(level);
      sep = ",\n" + indentStr.repeat(level);
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return ["[]", true];
      const elemType = type.endsWith("*") ? type.slice(0, -1) : type;
      return [`[${prefix}${value.map((x) => format(x, elemType, level)[0]).join(sep)}]`, false];
    }
    if (SIMPLE_SUM_TYPES.has(type) && typeof value === "string") return [`${value}()`, true];
    if (type === "constant") return [constantRepr(value as ConstantValue), true];
    if (value === null || value === undefined) return ["None", true];
    if (typeof value === "string") return [pyStrRepr(value), true];
    if (typeof value !== "object") return [String(value), true];
    const n = value as Record<string, unknown> & { _type: string };
    const spec = NODE_SPECS[n._type];
    const args: string[] = [];
    let allSimple = true;
    for (const f of spec.fields) {
      const v = n[f.name];
      if ((v === null || v === undefined) && f.type.endsWith("?")) continue;
      const [s, simple] = format(v, f.type, level);
      allSimple = allSimple && simple;
      args.push(`${f.name}=${s}`);
    }
    if (includeAttributes && spec.located) {
      for (const a of ATTRIBUTES) {
        const v = n[a];
        if (v === undefined || v === null) continue;
        args.push(`${a}=${String(v)}`);
      }
    }
    if (allSimple && args.length <= 3) return [`${n._type}(${args.join(", ")})`, args.length === 0];
    return [`${n._type}(${prefix}${args.join(sep)})`, false];
  }

  return format(node, "node", 0)[0];
}
