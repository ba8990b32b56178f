// Public compiler API: source or AST -> CodeObject (future features, constant folding, symbol table, code generation).
import type * as ast from "./ast";
import { CodeGenerator, type CompileWarning } from "./codegen";
import {
  CO_FUTURE_ANNOTATIONS, CO_FUTURE_BARRY_AS_BDFL, CO_FUTURE_GENERATOR_STOP, PyCF_ALLOW_TOP_LEVEL_AWAIT, PyCF_MASK, type CodeObject,
} from "./code";
import { optimizeAst } from "./optimizer";
import { parseWithWarnings } from "./parser";
import { allowTopLevelAwaitFlag, buildSymbolTable, syntaxErrorAt } from "./symtable";

export type CompileMode = "exec" | "eval" | "single";

export interface CompileOptions {
  /** 0 (default), 1 (-O: no asserts, __debug__ False), 2 (-OO: also no docstrings). */
  optimize?: 0 | 1 | 2;
  /** PyCF_* and CO_FUTURE_* bits, as compile()'s flags argument. */
  flags?: number;
}

/** Location of the last future statement; -1 when none. */
interface FutureInfo {
  features: number;
  lineno: number;
  col: number;
}

/** CPython's future.c: reads `from __future__ import ...` at the top of a module. */
function parseFuture(mod: ast.Mod, filename: string, lines: string | null): FutureInfo {
  const info: FutureInfo = { features: 0, lineno: -1, col: -1 };
  if (mod._type !== "Module" && mod._type !== "Interactive") return info;
  const body = mod.body;
  let i = 0;
  const first = body[0];
  if (first && first._type === "Expr" && first.value._type === "Constant" && typeof first.value.value === "string") i++;
  for (; i < body.length; i++) {
    const s = body[i];
    if (s._type !== "ImportFrom" || s.module !== "__future__") break;
    for (const alias of s.names) {
      switch (alias.name) {
        case "nested_scopes":
        case "generators":
        case "division":
        case "absolute_import":
        case "with_statement":
        case "print_function":
        case "unicode_literals":
          break;
        case "generator_stop":
          info.features |= CO_FUTURE_GENERATOR_STOP;
          break;
        case "barry_as_FLUFL":
          info.features |= CO_FUTURE_BARRY_AS_BDFL;
          break;
        case "annotations":
          info.features |= CO_FUTURE_ANNOTATIONS;
          break;
        case "braces":
          throw syntaxErrorAt(filename, "not a chance", s, lines);
        default:
          throw syntaxErrorAt(filename, `future feature ${alias.name} is not defined`, s, lines);
      }
    }
    info.lineno = s.lineno;
    info.col = s.col_offset;
  }
  return info;
}

/** Raises for `from __future__` imports that follow other statements (checked by compile.c in CPython). */
function checkLateFutureImports(stmts: readonly ast.Stmt[], future: FutureInfo, filename: string, lines: string | null): void {
  for (const s of stmts) {
    if (s._type === "ImportFrom" && s.module === "__future__" && (s.level ?? 0) === 0) {
      const after = s.lineno > future.lineno || (s.lineno === future.lineno && s.col_offset > future.col);
      if (after) throw syntaxErrorAt(filename, "from __future__ imports must occur at the beginning of the file", s, lines);
    }
  }
}

export type { CompileWarning };

/** Compiles an AST (which is constant-folded in place). Throws PySyntaxError. */
export function compileAst(mod: ast.Mod, filename: string, mode: CompileMode, opts: CompileOptions = {}, source?: string): CodeObject {
  return compileAstWithWarnings(mod, filename, mode, opts, source).code;
}

/** compileAst() that also returns the compiler's SyntaxWarnings (e.g. `"is" with 'int' literal`), for the caller to report. */
export function compileAstWithWarnings(mod: ast.Mod, filename: string, mode: CompileMode, opts: CompileOptions = {}, source?: string): { code: CodeObject; warnings: CompileWarning[] } {
  const lines = source ?? null;
  const optimize = opts.optimize ?? 0;
  const flags = opts.flags ?? 0;
  const future = parseFuture(mod, filename, lines);
  if (mod._type === "Module" || mod._type === "Interactive") checkLateFutureImports(mod.body, future, filename, lines);
  const features = (flags & PyCF_MASK) | future.features;
  optimizeAst(mod, { optimize, futureFeatures: features });
  const topLevelAwait = (flags & PyCF_ALLOW_TOP_LEVEL_AWAIT) !== 0;
  allowTopLevelAwaitFlag.value = topLevelAwait;
  let st;
  try {
    st = buildSymbolTable(mod, filename, features, lines);
  } finally {
    allowTopLevelAwaitFlag.value = false;
  }
  const gen = new CodeGenerator(st, {
    filename,
    optimize,
    flags: features,
    interactive: mode === "single",
    topLevelAwait,
    sourceLines: lines,
  });
  const code = gen.compileModule(mod);
  return { code, warnings: gen.warnings };
}

/** Parses and compiles source text. Throws PySyntaxError. */
export function compileSource(source: string, filename: string, mode: CompileMode, opts: CompileOptions = {}): CodeObject {
  return compileSourceWithWarnings(source, filename, mode, opts).code;
}

/**
 * compileSource() that also returns the SyntaxWarnings of the parser and of the compiler, in CPython's order (parser first),
 * as { category, msg, lineno }. CPython prints them as `FILE:LINE: SyntaxWarning: MSG` through the warnings module.
 */
export function compileSourceWithWarnings(source: string, filename: string, mode: CompileMode, opts: CompileOptions = {}): { code: CodeObject; warnings: CompileWarning[] } {
  const parsed = parseWithWarnings(source, filename, mode);
  const r = compileAstWithWarnings(parsed.tree, filename, mode, opts, source);
  return { code: r.code, warnings: [...parsed.warnings, ...r.warnings] };
}
