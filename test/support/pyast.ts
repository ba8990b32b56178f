// Loads the JSON printed by pyast_to_json.py (CPython's own AST) into pypack's AST node types, for compiler tests.
import { BytesConst, ComplexConst, EllipsisConst, type ConstantValue, type Mod } from "../../src/compiler/ast";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function parseFloatTag(s: string): number {
  if (s === "inf") return Infinity;
  if (s === "-inf") return -Infinity;
  if (s === "nan") return NaN;
  return Number(s);
}

/** A tagged constant from pyast_to_json.py as the AST's ConstantValue. */
export function loadConstant(v: Json): ConstantValue {
  if (v === null || typeof v === "boolean" || typeof v === "string") return v;
  if (typeof v === "object" && !Array.isArray(v)) {
    if ("$int" in v) return BigInt(v.$int as string);
    if ("$float" in v) return parseFloatTag(v.$float as string);
    if ("$complex" in v) {
      const [re, im] = v.$complex as string[];
      return new ComplexConst(parseFloatTag(re), parseFloatTag(im));
    }
    if ("$bytes" in v) return new BytesConst(new Uint8Array(Buffer.from(v.$bytes as string, "base64")));
    if ("$ellipsis" in v) return EllipsisConst;
  }
  throw new Error(`pyast: bad constant ${JSON.stringify(v)}`);
}

function load(node: Json, field: string | null, parentType: string | null): unknown {
  if (Array.isArray(node)) return node.map((x) => load(x, null, parentType));
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  const type = node._type as string;
  for (const [k, v] of Object.entries(node)) {
    if (k === "value" && (type === "Constant" || type === "MatchSingleton")) out[k] = loadConstant(v);
    else out[k] = load(v, k, type);
  }
  void field;
  return out;
}

/** CPython's AST (pyast_to_json.py output) as a pypack Mod. */
export function loadPyAst(json: string): Mod {
  return load(JSON.parse(json) as Json, null, null) as Mod;
}
