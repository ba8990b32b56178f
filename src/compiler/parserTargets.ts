// Names of expression kinds in error messages and the "cannot assign to ..." errors for invalid targets.
import type * as A from "./ast";
import { EllipsisConst } from "./ast";
import type { PySyntaxError } from "./errors";

/** Where a target appears (selects CPython's wording). */
export type TargetKind = "assign" | "for" | "with" | "del" | "comprehension";

/** CPython's _PyPegen_get_expr_name. */
export function describeExpr(e: A.Expr): string {
  switch (e._type) {
    case "Attribute":
      return "attribute";
    case "Subscript":
      return "subscript";
    case "Starred":
      return "starred";
    case "Name":
      return "name";
    case "List":
      return "list";
    case "Tuple":
      return "tuple";
    case "Lambda":
      return "lambda";
    case "Call":
      return "function call";
    case "BoolOp":
    case "BinOp":
    case "UnaryOp":
      return "expression";
    case "GeneratorExp":
      return "generator expression";
    case "Yield":
    case "YieldFrom":
      return "yield expression";
    case "Await":
      return "await expression";
    case "ListComp":
      return "list comprehension";
    case "SetComp":
      return "set comprehension";
    case "DictComp":
      return "dict comprehension";
    case "Dict":
      return "dict literal";
    case "Set":
      return "set display";
    case "JoinedStr":
    case "FormattedValue":
      return "f-string expression";
    case "Constant": {
      const v = e.value;
      if (v === null) return "None";
      if (v === true) return "True";
      if (v === false) return "False";
      if (v === EllipsisConst) return "ellipsis";
      return "literal";
    }
    case "Compare":
      return "comparison";
    case "IfExp":
      return "conditional expression";
    case "NamedExpr":
      return "named expression";
    case "Slice":
      return "slice";
  }
}

/** The innermost sub-expression that makes `e` an invalid target (CPython's _PyPegen_get_invalid_target). */
export function findInvalidTarget(e: A.Expr, ctx: A.ExprContext): A.Expr | null {
  switch (e._type) {
    case "List":
    case "Tuple":
      for (const x of e.elts) {
        const bad = findInvalidTarget(x, ctx);
        if (bad !== null) return bad;
      }
      return null;
    case "Starred":
      if (ctx === "Del") return e;
      return findInvalidTarget(e.value, ctx);
    case "Compare":
      // `for x in y` parsed as a comparison: the target is the left operand.
      if (ctx === "Store" && e.ops[0] === "In") return findInvalidTarget(e.left, ctx);
      return e;
    case "Name":
    case "Subscript":
    case "Attribute":
      return null;
    default:
      return e;
  }
}

interface ErrorSink {
  errorAtNode(n: A.Located, msg: string): PySyntaxError;
}

/** Builds the error for assigning to / deleting an invalid target (`hereHint`: CPython's invalid_named_expression applies). */
export function invalidTarget(p: ErrorSink, e: A.Expr, ctx: A.ExprContext, kind: TargetKind, hereHint: boolean): PySyntaxError {
  const bad = findInvalidTarget(e, ctx) ?? e;
  const what = describeExpr(bad);
  if (ctx === "Del") return p.errorAtNode(bad, `cannot delete ${what}`);
  if (kind === "assign" && hereHint && bad === e) return p.errorAtNode(bad, `cannot assign to ${what} here. Maybe you meant '==' instead of '='?`);
  if (bad._type === "Starred") return p.errorAtNode(bad, "starred assignment target must be in a list or tuple");
  return p.errorAtNode(bad, `cannot assign to ${what}`);
}
