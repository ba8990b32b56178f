// Finds the imports a module makes, statically from its AST: import / from-import (with relative levels),
// __import__("x") and importlib.import_module("x"[, "pkg"]) with literal names, each tagged with where it happens.
import { NODE_SPECS, type Expr, type Module } from "../compiler/ast";

/** PyInstaller's import kinds, as printed in warn-NAME.txt. */
export type ImportKind = "top-level" | "conditional" | "delayed" | "optional";

export interface ImportRef {
  /** Absolute or relative module name as written (without leading dots; see `level`). */
  module: string;
  /** Number of leading dots (0 = absolute). */
  level: number;
  /** For `from M import a, b`: the imported names (each may be a submodule); empty for `import M`. */
  names: string[];
  /** Where the import happens: inside a function (delayed), an if (conditional), a try (optional); none of them = top-level. */
  kinds: Set<ImportKind>;
  lineno: number;
}

interface Context {
  delayed: boolean;
  conditional: boolean;
  optional: boolean;
}

type AnyNode = { _type: string; [key: string]: unknown };

function isNode(v: unknown): v is AnyNode {
  return typeof v === "object" && v !== null && typeof (v as AnyNode)._type === "string";
}

function kindsOf(ctx: Context): Set<ImportKind> {
  const kinds = new Set<ImportKind>();
  if (ctx.delayed) kinds.add("delayed");
  if (ctx.conditional) kinds.add("conditional");
  if (ctx.optional) kinds.add("optional");
  if (kinds.size === 0) kinds.add("top-level");
  return kinds;
}

function literalString(e: Expr | undefined): string | null {
  return e && e._type === "Constant" && typeof e.value === "string" ? e.value : null;
}

/** `__import__("a.b")`, `importlib.import_module("x")`, `import_module(".x", "pkg")`. */
function dynamicImport(call: AnyNode, ctx: Context, out: ImportRef[]): void {
  const func = call.func as Expr;
  const args = call.args as Expr[];
  const isDunder = func._type === "Name" && func.id === "__import__";
  const isImportModule = (func._type === "Name" && func.id === "import_module") || (func._type === "Attribute" && func.attr === "import_module");
  if (!isDunder && !isImportModule) return;
  const name = literalString(args[0]);
  if (name === null) return;
  const kinds = kindsOf(ctx);
  if (isDunder) {
    out.push({ module: name, level: 0, names: [], kinds, lineno: call.lineno as number });
    return;
  }
  const dots = /^\.*/.exec(name)![0].length;
  if (dots === 0) {
    out.push({ module: name, level: 0, names: [], kinds, lineno: call.lineno as number });
    return;
  }
  // Relative import_module needs its package argument as a literal to be resolvable.
  const pkg = literalString(args[1]);
  if (pkg !== null) {
    const base = pkg.split(".").slice(0, pkg.split(".").length - (dots - 1));
    const rest = name.slice(dots);
    out.push({ module: [...base, ...(rest ? [rest] : [])].join("."), level: 0, names: [], kinds, lineno: call.lineno as number });
  }
}

function visit(node: AnyNode, ctx: Context, out: ImportRef[]): void {
  switch (node._type) {
    case "Import":
      for (const alias of node.names as Array<{ name: string }>) {
        out.push({ module: alias.name, level: 0, names: [], kinds: kindsOf(ctx), lineno: node.lineno as number });
      }
      return;
    case "ImportFrom":
      out.push({
        module: (node.module as string | null) ?? "",
        level: (node.level as number | null) ?? 0,
        names: (node.names as Array<{ name: string }>).map((a) => a.name),
        kinds: kindsOf(ctx),
        lineno: node.lineno as number,
      });
      return;
    case "Call":
      dynamicImport(node, ctx, out);
      break;
    case "FunctionDef":
    case "AsyncFunctionDef":
    case "Lambda":
      visitChildren(node, { ...ctx, delayed: true }, out);
      return;
    case "If":
    case "IfExp":
    case "Match":
      visitChildren(node, { ...ctx, conditional: true }, out);
      return;
    case "Try":
    case "TryStar":
      visitChildren(node, { ...ctx, optional: true }, out);
      return;
  }
  visitChildren(node, ctx, out);
}

function visitChildren(node: AnyNode, ctx: Context, out: ImportRef[]): void {
  const spec = NODE_SPECS[node._type];
  const fields = spec ? spec.fields.map((f) => f.name) : Object.keys(node);
  for (const field of fields) {
    const value = node[field];
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item, ctx, out);
    } else if (isNode(value)) {
      visit(value, ctx, out);
    }
  }
}

export function findImports(mod: Module): ImportRef[] {
  const out: ImportRef[] = [];
  for (const stmt of mod.body) visit(stmt as unknown as AnyNode, { delayed: false, conditional: false, optional: false }, out);
  return out;
}
