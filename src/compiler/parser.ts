// Recursive-descent parser for the Python 3.12 grammar: tokens in, CPython-identical AST out (node kinds, fields,
// contexts and UTF-8 byte positions), raising CPython's SyntaxError messages for invalid input.
import type * as A from "./ast";
import { BytesConst, ComplexConst, EllipsisConst } from "./ast";
import { PySyntaxError } from "./errors";
import { DecodedString, EscapeError, decodeEscapes, decodeStringToken, latin1ToBytes } from "./parserStrings";
import { describeExpr, invalidTarget, TargetKind } from "./parserTargets";
import { tokenize, TokenizeResult } from "./tokenizer";
import { Token, TokenType } from "./tokenizerTypes";

export type ParseMode = "exec" | "eval" | "single" | "func_type";

/** Internal: the current alternative does not match (becomes "invalid syntax" at the furthest token if nothing matches). */
class ParseFail {}
const FAIL = new ParseFail();

/** Deepest expression nesting accepted before reporting the source as too complex (keeps the JS stack safe). */
const MAX_DEPTH = 1500;
/**
 * Longest operator/trailer chain (`-` * n, `a.b.b...`, `1+1+...`): each link nests the AST one level deeper, and
 * CPython itself fails beyond a few thousand (MemoryError / RecursionError); downstream passes recurse over the tree.
 */
const MAX_CHAIN = 2000;
const TOO_COMPLEX = "Parser stack overflowed - Python source too complex to parse";

const AUG_OPS: Readonly<Record<string, A.Operator>> = {
  "+=": "Add", "-=": "Sub", "*=": "Mult", "@=": "MatMult", "/=": "Div", "%=": "Mod", "&=": "BitAnd", "|=": "BitOr",
  "^=": "BitXor", "<<=": "LShift", ">>=": "RShift", "**=": "Pow", "//=": "FloorDiv",
};
const BIN_OPS: Readonly<Record<string, A.Operator>> = {
  "|": "BitOr", "^": "BitXor", "&": "BitAnd", "<<": "LShift", ">>": "RShift", "+": "Add", "-": "Sub", "*": "Mult",
  "/": "Div", "//": "FloorDiv", "%": "Mod", "@": "MatMult",
};
const BIN_PREC: Readonly<Record<string, number>> = {
  "|": 1, "^": 2, "&": 3, "<<": 4, ">>": 4, "+": 5, "-": 5, "*": 6, "/": 6, "//": 6, "%": 6, "@": 6,
};
const CMP_OPS: Readonly<Record<string, A.CmpOp>> = { "==": "Eq", "!=": "NotEq", "<": "Lt", "<=": "LtE", ">": "Gt", ">=": "GtE" };

/** Parses Python source into an AST; throws PySyntaxError (never any other error) on invalid input. */
export function parse(source: string, filename = "<unknown>", mode: ParseMode = "exec"): A.Mod {
  return parseWithWarnings(source, filename, mode).tree;
}

/** A compile-time warning (3.12: SyntaxWarning for invalid escape sequences such as '\d'). */
export interface ParseWarning {
  category: "SyntaxWarning";
  msg: string;
  lineno: number;
}

/** parse() that also returns the warnings CPython's parser emits (the caller decides whether to print them). */
export function parseWithWarnings(source: string, filename = "<unknown>", mode: ParseMode = "exec"): { tree: A.Mod; warnings: ParseWarning[] } {
  if (source.indexOf("\0") >= 0) {
    // CPython reports this without a location (lineno None; 0 here, which formatSyntaxError prints the same way).
    throw new PySyntaxError("SyntaxError", "source code string cannot contain null bytes", filename, 0, -1, null, 0, -1);
  }
  const tk = tokenize(source, filename);
  const parser = new Parser(tk, filename);
  const tree = parser.run(mode);
  return { tree, warnings: parser.diagnostics };
}

interface Pos {
  lineno: number;
  col_offset: number;
}

export class Parser {
  readonly toks: Token[];
  readonly src: string;
  p = 0;
  /** Furthest token index looked at: where a generic "invalid syntax" is reported. */
  max = 0;
  depth = 0;
  /** Scratch list the literal decoders append warning texts to. */
  readonly warnings: string[] = [];
  readonly diagnostics: ParseWarning[] = [];
  /** Inside a replacement field of an f-string (lambda without parentheses is then an error). */
  fstringDepth = 0;

  constructor(
    readonly tk: TokenizeResult,
    readonly filename: string,
  ) {
    this.toks = tk.tokens;
    this.src = tk.source;
    const last = this.toks.length > 0 ? this.toks[this.toks.length - 1] : null;
    if (last === null || (last.type !== TokenType.EndMarker && last.type !== TokenType.ErrorEof)) {
      // Tokenization stopped at an error: a sentinel marks the point the parser cannot pass.
      const at = last ?? { lineno: 1, col: 0, endLineno: 1, endCol: 0, end: 0 };
      this.toks.push({ type: TokenType.ErrorEof, value: "", start: at.end, end: at.end, lineno: at.endLineno, col: at.endCol, endLineno: at.endLineno, endCol: at.endCol });
    }
  }

  run(mode: ParseMode): A.Mod {
    try {
      let result: A.Mod;
      if (mode === "eval") result = this.evalInput();
      else if (mode === "single") result = this.interactiveInput();
      else if (mode === "func_type") result = this.funcTypeInput();
      else result = this.fileInput();
      return result;
    } catch (e) {
      throw this.finalError(e);
    }
  }

  /** Decides which error wins, the way CPython's _PyPegen_run_parser / _Pypegen_set_syntax_error do. */
  finalError(e: unknown): PySyntaxError {
    if (e instanceof RangeError) return this.tk.error ?? this.errorAtToken(this.toks[Math.min(this.p, this.toks.length - 1)], TOO_COMPLEX);
    if (!(e instanceof PySyntaxError) && !(e instanceof ParseFail)) throw e;
    // The furthest token the parser fetched decides the generic error (CPython's last token of the first pass).
    const last = this.toks[Math.min(this.max, this.toks.length - 1)];
    if (e instanceof ParseFail && (last.type === TokenType.Indent || last.type === TokenType.Dedent)) {
      // Reported as is: CPython does not tokenize the rest of the input for these.
      const lineText = this.lineText(last.lineno);
      const indent = lineText.length - lineText.replace(/^[ \t\f]*/, "").length;
      return new PySyntaxError("IndentationError", last.type === TokenType.Indent ? "unexpected indent" : "unexpected unindent", this.filename, last.lineno, indent, lineText, last.lineno, -1);
    }
    // Otherwise CPython tokenizes the rest of the input: a tokenizer error anywhere wins, and an unclosed bracket
    // wins over an error found on a later line than the bracket.
    if (this.tk.error !== null && (!this.tk.errorDeferred || last.type === TokenType.ErrorEof)) return this.tk.error;
    if (this.tk.unclosed !== null && (last.type === TokenType.ErrorEof || last.lineno > this.tk.unclosed.lineno)) return this.tk.unclosed.error;
    if (e instanceof PySyntaxError) return e;
    return this.errorAtToken(last, "invalid syntax");
  }

  // ---- error construction ----

  lineText(lineno: number): string {
    let start = 0;
    for (let l = 1; l < lineno; l++) {
      const nl = this.src.indexOf("\n", start);
      if (nl < 0) return "";
      start = nl + 1;
    }
    const nl = this.src.indexOf("\n", start);
    // CPython appends a newline to source that does not end with one.
    return nl < 0 ? this.src.slice(start) + "\n" : this.src.slice(start, nl + 1);
  }

  /** 1-based character offset of a UTF-8 byte column on a line. */
  charOffset(lineText: string, byteCol: number): number {
    let bytes = 0;
    let chars = 0;
    for (const ch of lineText) {
      if (bytes >= byteCol) break;
      const cp = ch.codePointAt(0) ?? 0;
      bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      chars++;
    }
    return chars + Math.max(0, byteCol - bytes) + 1;
  }

  errorRange(msg: string, lineno: number, col: number, endLineno: number, endCol: number, kind: "SyntaxError" | "IndentationError" = "SyntaxError"): PySyntaxError {
    let text = this.lineText(lineno);
    // CPython takes the text of a line before the tokenizer's current one from its buffer, without the newline.
    const current = this.toks[Math.min(this.max, this.toks.length - 1)];
    if (lineno < current.lineno && text.endsWith("\n")) text = text.slice(0, -1);
    const offset = col < 0 ? col : this.charOffset(text, col);
    const endText = endLineno === lineno ? text : this.lineText(endLineno);
    const endOffset = endCol < 0 ? endCol : this.charOffset(endText, endCol);
    return new PySyntaxError(kind, msg, this.filename, lineno, offset, text, endLineno, endOffset);
  }

  /**
   * An error located at a token. CPython's ENDMARKER/DEDENT have no column: errors raised "at a known location"
   * report offset 0, the others the end of the last line (and end_offset -1).
   */
  errorAtToken(t: Token, msg: string, kind: "SyntaxError" | "IndentationError" = "SyntaxError", known = true): PySyntaxError {
    if (t.type === TokenType.EndMarker || t.type === TokenType.Dedent || t.type === TokenType.ErrorEof) {
      const { lineno, text } = this.lastLine(t);
      if (known && t.type !== TokenType.Dedent) return new PySyntaxError(kind, msg, this.filename, lineno, 0, text, lineno, 0);
      // A DEDENT before more code: CPython's column is where the tokenizer stands, the start of that line.
      if (t.type === TokenType.Dedent && t.start < this.src.length) return new PySyntaxError(kind, msg, this.filename, lineno, 0, text, lineno, -1);
      return new PySyntaxError(kind, msg, this.filename, lineno, [...text].length, text, lineno, -1);
    }
    return this.errorRange(msg, t.lineno, t.col, t.endLineno, t.endCol, kind);
  }

  lastLine(t: Token): { lineno: number; text: string } {
    if (this.src.length === 0) return { lineno: 0, text: "" };
    if (t.type === TokenType.Dedent && t.start < this.src.length) {
      return { lineno: t.lineno, text: this.lineText(t.lineno) };
    }
    let lineno = 1;
    let start = 0;
    for (let i = 0; i < this.src.length - 1; i++) {
      if (this.src.charCodeAt(i) === 10) {
        lineno++;
        start = i + 1;
      }
    }
    const text = this.src.slice(start);
    return { lineno, text: text.endsWith("\n") ? text : text + "\n" };
  }

  errorAtNode(n: A.Located, msg: string): PySyntaxError {
    return this.errorRange(msg, n.lineno, n.col_offset, n.end_lineno, n.end_col_offset);
  }

  errorFromTo(a: Pos, b: A.Located, msg: string): PySyntaxError {
    return this.errorRange(msg, a.lineno, a.col_offset, b.end_lineno, b.end_col_offset);
  }

  // ---- token access ----

  /**
   * Undoes the lookahead of a trial parse (CPython's second pass does not move the generic error location), except
   * when it reached the end of the tokens: CPython raises the tokenizer's error as soon as that token is fetched.
   */
  restoreMax(saved: number): void {
    const end = this.toks.length - 1;
    if (this.max >= end && this.toks[end].type === TokenType.ErrorEof) throw FAIL;
    this.max = saved;
  }

  peek(): Token {
    if (this.p > this.max) this.max = this.p;
    return this.toks[this.p];
  }

  peekAt(k: number): Token {
    const i = Math.min(this.p + k, this.toks.length - 1);
    if (i > this.max) this.max = i;
    return this.toks[i];
  }

  last(): Token {
    return this.toks[this.p - 1];
  }

  next(): Token {
    const t = this.toks[this.p];
    if (t.type === TokenType.ErrorEof) {
      if (this.p > this.max) this.max = this.p;
      throw FAIL;
    }
    this.p++;
    return t;
  }

  /** Is the current token the operator or keyword `v`? */
  at(v: string): boolean {
    const t = this.peek();
    return t.value === v && (t.type === TokenType.Op || t.type === TokenType.Keyword);
  }

  atType(type: TokenType): boolean {
    return this.peek().type === type;
  }

  eat(v: string): boolean {
    if (this.at(v)) {
      this.p++;
      return true;
    }
    return false;
  }

  expect(v: string): Token {
    if (this.at(v)) return this.toks[this.p++];
    throw FAIL;
  }

  expectType(type: TokenType): Token {
    if (this.peek().type === type) return this.toks[this.p++];
    throw FAIL;
  }

  /** An identifier (soft keywords included). */
  name(): Token {
    const t = this.peek();
    if (t.type !== TokenType.Name) throw FAIL;
    this.p++;
    return t;
  }

  atSoftKeyword(v: string): boolean {
    const t = this.peek();
    return t.type === TokenType.Name && t.value === v;
  }

  enter(): void {
    if (++this.depth > MAX_DEPTH) {
      const t = this.peek();
      throw this.errorAtToken(t, TOO_COMPLEX);
    }
  }

  // ---- entry points ----

  fileInput(): A.Module {
    const body: A.Stmt[] = [];
    while (this.peek().type !== TokenType.EndMarker) this.statement(body);
    return { _type: "Module", body, type_ignores: [] };
  }

  evalInput(): A.Expression {
    // eval: expressions (no starred items, unlike star_expressions).
    const s0 = this.tokPos(this.peek());
    const first = this.expression();
    let body = first;
    if (this.at(",")) {
      const elts = [first];
      while (this.eat(",")) {
        if (!this.startsExpression() || this.at("*")) break;
        elts.push(this.expression());
      }
      body = { _type: "Tuple", elts, ctx: "Load", ...this.locFrom(s0) };
    }
    while (this.peek().type === TokenType.Newline) this.p++;
    this.expectType(TokenType.EndMarker);
    return { _type: "Expression", body };
  }

  interactiveInput(): A.Interactive {
    const body: A.Stmt[] = [];
    while (this.peek().type === TokenType.Newline) this.p++;
    // A single statement is required.
    if (this.peek().type === TokenType.EndMarker) throw FAIL;
    this.statement(body);
    const stmtEnd = this.last();
    while (this.peek().type === TokenType.Newline) this.p++;
    if (this.peek().type !== TokenType.EndMarker && stmtEnd !== undefined) {
      // CPython checks this after parsing, with the tokenizer still on the statement's line.
      const err = this.errorAtToken(stmtEnd, "multiple statements found while compiling a single statement");
      err.text = this.lineText(stmtEnd.lineno);
      throw err;
    }
    this.expectType(TokenType.EndMarker);
    return { _type: "Interactive", body };
  }

  funcTypeInput(): A.FunctionType {
    this.expect("(");
    const argtypes: A.Expr[] = [];
    while (!this.at(")")) {
      if (this.eat("*")) argtypes.push(this.expression());
      else if (this.eat("**")) argtypes.push(this.expression());
      else argtypes.push(this.expression());
      if (!this.at(",") && !this.at(")")) this.invalidAfterExpression(argtypes[argtypes.length - 1]);
      if (!this.eat(",")) break;
    }
    this.expect(")");
    this.expect("->");
    const returns = this.expression();
    while (this.peek().type === TokenType.Newline) this.p++;
    this.expectType(TokenType.EndMarker);
    return { _type: "FunctionType", argtypes, returns };
  }

  // ---- statements ----

  statement(out: A.Stmt[]): void {
    const t = this.peek();
    if (t.type === TokenType.Keyword) {
      switch (t.value) {
        case "def":
          out.push(this.functionDef([], null));
          return;
        case "if":
          out.push(this.ifStmt());
          return;
        case "class":
          out.push(this.classDef([]));
          return;
        case "with":
          out.push(this.withStmt(null));
          return;
        case "for":
          out.push(this.forStmt(null));
          return;
        case "try":
          out.push(this.tryStmt());
          return;
        case "while":
          out.push(this.whileStmt());
          return;
        case "async": {
          const n = this.peekAt(1);
          if (n.type === TokenType.Keyword) {
            if (n.value === "def") {
              this.p++;
              out.push(this.functionDef([], t));
              return;
            }
            if (n.value === "with") {
              this.p++;
              out.push(this.withStmt(t));
              return;
            }
            if (n.value === "for") {
              this.p++;
              out.push(this.forStmt(t));
              return;
            }
          }
          break;
        }
      }
    } else if (t.type === TokenType.Op && t.value === "@") {
      out.push(this.decorated());
      return;
    } else if (t.type === TokenType.Name && t.value === "match") {
      const m = this.matchStmt();
      if (m !== null) {
        out.push(m);
        return;
      }
    }
    this.simpleStmts(out);
  }

  simpleStmts(out: A.Stmt[]): void {
    for (;;) {
      out.push(this.simpleStmt());
      if (this.eat(";")) {
        if (this.peek().type === TokenType.Newline) break;
        continue;
      }
      break;
    }
    this.expectType(TokenType.Newline);
  }

  simpleStmt(): A.Stmt {
    const t = this.peek();
    if (t.type === TokenType.Keyword) {
      switch (t.value) {
        case "pass":
          this.p++;
          return { _type: "Pass", ...this.span(t, t) };
        case "break":
          this.p++;
          return { _type: "Break", ...this.span(t, t) };
        case "continue":
          this.p++;
          return { _type: "Continue", ...this.span(t, t) };
        case "return":
          return this.returnStmt();
        case "import":
          return this.importStmt();
        case "from":
          return this.fromImport();
        case "raise":
          return this.raiseStmt();
        case "del":
          return this.delStmt();
        case "assert":
          return this.assertStmt();
        case "global":
        case "nonlocal":
          return this.globalStmt(t.value);
      }
    } else if (t.type === TokenType.Name && t.value === "type") {
      const n1 = this.peekAt(1);
      if (n1.type === TokenType.Name) {
        const n2 = this.peekAt(2);
        if (n2.type === TokenType.Op && (n2.value === "=" || n2.value === "[")) return this.typeAlias();
      }
    }
    return this.exprOrAssignment();
  }

  span(s: Token, e: Token): A.Located {
    return { lineno: s.lineno, col_offset: s.col, end_lineno: e.endLineno, end_col_offset: e.endCol };
  }

  /** Location from a start position to the last consumed token. */
  locFrom(s: Pos): A.Located {
    const e = this.toks[this.p - 1];
    return { lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.endLineno, end_col_offset: e.endCol };
  }

  tokPos(t: Token): Pos {
    return { lineno: t.lineno, col_offset: t.col };
  }

  exprOrAssignment(): A.Stmt {
    const startTok = this.peek();
    const first = this.at("yield") ? this.yieldExpr() : this.starExpressions();
    const t = this.peek();
    if (t.type === TokenType.Op) {
      if (t.value === "=") {
        const targets: A.Expr[] = [first];
        const firstEq = this.p;
        let value: A.Expr;
        for (;;) {
          this.p++;
          value = this.at("yield") ? this.yieldExpr() : this.starExpressions();
          if (!this.at("=")) break;
          targets.push(value);
        }
        for (const target of targets) {
          const k = this.findTokenAt(target);
          const before = k > 0 ? this.toks[k - 1] : undefined;
          const parenthesized = before !== undefined && before.type === TokenType.Op && before.value === "(";
          if ((target._type === "Yield" || target._type === "YieldFrom") && !parenthesized) {
            throw this.errorAtNode(target, "assignment to yield expression not possible");
          }
        }
        const hint = targets.length === 1 && this.assignHint(first, this.findTokenIndex(startTok), firstEq - 1, this.toks[firstEq + 1]);
        for (let i = 0; i < targets.length; i++) this.setStore(targets[i], "assign", i === 0 && hint);
        return { _type: "Assign", targets, value, type_comment: null, ...this.locFrom(this.tokPos(startTok)) };
      }
      if (t.value === ":") {
        return this.annAssign(first, startTok);
      }
      const aug = AUG_OPS[t.value];
      if (aug !== undefined) {
        if (first._type !== "Name" && first._type !== "Attribute" && first._type !== "Subscript") {
          throw this.errorAtNode(first, `'${describeExpr(first)}' is an illegal expression for augmented assignment`);
        }
        this.p++;
        const value = this.at("yield") ? this.yieldExpr() : this.starExpressions();
        first.ctx = "Store";
        return { _type: "AugAssign", target: first, op: aug, value, ...this.locFrom(this.tokPos(startTok)) };
      }
    }
    if (first._type === "Starred" && this.peek().type === TokenType.Newline) {
      throw this.errorAtNode(first, "can't use starred expression here");
    }
    this.checkStatementEnd(first);
    return { _type: "Expr", value: first, ...this.locFrom(this.tokPos(startTok)) };
  }

  /** After an expression statement: specific messages for common mistakes, else the caller fails generically. */
  checkStatementEnd(e: A.Expr): void {
    const t = this.peek();
    if (t.type === TokenType.Newline || (t.type === TokenType.Op && t.value === ";")) return;
    this.invalidAfterExpression(e);
  }

  annAssign(target: A.Expr, startTok: Token): A.AnnAssign {
    const parenthesized = startTok.type === TokenType.Op && startTok.value === "(";
    // The invalid-annotation messages need `: expression`; otherwise it is a generic error.
    if (target._type === "Starred" || !this.startsOperandOrNot(this.peekAt(1))) throw FAIL;
    if (target._type === "Tuple") {
      // `x, y: int` points at the first element; `(x, y): int` at the tuple.
      const at = parenthesized || target.elts.length === 0 ? target : target.elts[0];
      throw this.errorAtNode(at, "only single target (not tuple) can be annotated");
    }
    if (target._type === "List") throw this.errorAtNode(target, "only single target (not list) can be annotated");
    if (target._type !== "Name" && target._type !== "Attribute" && target._type !== "Subscript") {
      throw this.errorAtNode(target, "illegal target for annotation");
    }
    this.p++;
    const annotation = this.expression();
    let value: A.Expr | null = null;
    if (this.eat("=")) value = this.at("yield") ? this.yieldExpr() : this.starExpressions();
    target.ctx = "Store";
    const simple = target._type === "Name" && !parenthesized ? 1 : 0;
    return { _type: "AnnAssign", target, annotation, value, simple, ...this.locFrom(this.tokPos(startTok)) };
  }

  returnStmt(): A.Return {
    const s = this.next();
    let value: A.Expr | null = null;
    if (!this.atStatementEnd()) value = this.starExpressions();
    return { _type: "Return", value, ...this.locFrom(this.tokPos(s)) };
  }

  atStatementEnd(): boolean {
    const t = this.peek();
    return t.type === TokenType.Newline || (t.type === TokenType.Op && t.value === ";") || t.type === TokenType.EndMarker;
  }

  raiseStmt(): A.Raise {
    const s = this.next();
    let exc: A.Expr | null = null;
    let cause: A.Expr | null = null;
    if (!this.atStatementEnd()) {
      exc = this.expression();
      if (this.eat("from")) cause = this.expression();
    }
    return { _type: "Raise", exc, cause, ...this.locFrom(this.tokPos(s)) };
  }

  assertStmt(): A.Assert {
    const s = this.next();
    const test = this.expression();
    let msg: A.Expr | null = null;
    if (this.eat(",")) msg = this.expression();
    return { _type: "Assert", test, msg, ...this.locFrom(this.tokPos(s)) };
  }

  globalStmt(kw: string): A.Global | A.Nonlocal {
    const s = this.next();
    const names: string[] = [this.name().value];
    while (this.eat(",")) names.push(this.name().value);
    if (kw === "global") return { _type: "Global", names, ...this.locFrom(this.tokPos(s)) };
    return { _type: "Nonlocal", names, ...this.locFrom(this.tokPos(s)) };
  }

  delStmt(): A.Delete {
    const s = this.next();
    const targets: A.Expr[] = [];
    for (;;) {
      const e = this.starTargetItem();
      targets.push(e);
      if (!this.eat(",")) break;
      if (this.atStatementEnd()) break;
    }
    if (!this.atStatementEnd()) {
      // invalid_del_stmt: 'del' star_expressions → report the invalid target, if there is one.
      const save = this.p;
      const saveMax = this.max;
      this.p = this.findTokenIndex(s) + 1;
      let all: A.Expr | null = null;
      try {
        all = this.starExpressions();
      } catch (e) {
        if (!(e instanceof ParseFail)) throw e;
      }
      this.p = save;
      this.restoreMax(saveMax);
      if (all !== null) this.setContext(all, "Del", "del");
      throw FAIL;
    }
    for (const t of targets) this.setContext(t, "Del", "del");
    return { _type: "Delete", targets, ...this.locFrom(this.tokPos(s)) };
  }

  importStmt(): A.Import {
    const s = this.next();
    const names: A.Alias[] = [];
    do {
      const first = this.peek();
      const name = this.dottedName();
      let asname: string | null = null;
      if (this.eat("as")) asname = this.name().value;
      names.push({ _type: "alias", name, asname, ...this.locFrom(this.tokPos(first)) });
    } while (this.eat(","));
    if (this.at("from")) {
      this.p++;
      this.dottedName();
      const e = this.last();
      throw this.errorRange("Did you mean to use 'from ... import ...' instead?", s.lineno, s.col, e.endLineno, e.endCol);
    }
    return { _type: "Import", names, ...this.locFrom(this.tokPos(s)) };
  }

  dottedName(): string {
    let name = this.name().value;
    while (this.at(".")) {
      this.p++;
      name += "." + this.name().value;
    }
    return name;
  }

  fromImport(): A.ImportFrom {
    const s = this.next();
    let level = 0;
    for (;;) {
      if (this.eat(".")) level++;
      else if (this.eat("...")) level += 3;
      else break;
    }
    let module: string | null = null;
    if (!this.at("import") || level === 0) module = this.dottedName();
    this.expect("import");
    const names: A.Alias[] = [];
    if (this.at("*")) {
      const t = this.next();
      names.push({ _type: "alias", name: "*", asname: null, ...this.span(t, t) });
    } else {
      const paren = this.eat("(");
      for (;;) {
        const first = this.name();
        let asname: string | null = null;
        if (this.eat("as")) asname = this.name().value;
        names.push({ _type: "alias", name: first.value, asname, ...this.locFrom(this.tokPos(first)) });
        if (!this.eat(",")) break;
        if (paren && this.at(")")) break;
        if (!paren && this.atStatementEnd()) throw this.errorAtToken(this.peek(), "trailing comma not allowed without surrounding parentheses");
      }
      if (paren) this.expect(")");
    }
    return { _type: "ImportFrom", module, names, level, ...this.locFrom(this.tokPos(s)) };
  }

  typeAlias(): A.TypeAlias {
    const s = this.next();
    const nt = this.name();
    const name: A.Name = { _type: "Name", id: nt.value, ctx: "Store", ...this.span(nt, nt) };
    const typeParams = this.at("[") ? this.typeParams() : [];
    this.expect("=");
    const value = this.expression();
    return { _type: "TypeAlias", name, type_params: typeParams, value, ...this.locFrom(this.tokPos(s)) };
  }

  typeParams(): A.TypeParam[] {
    this.expect("[");
    const out: A.TypeParam[] = [];
    for (;;) {
      if (this.at("]") && out.length > 0) break;
      const s = this.peek();
      if (this.eat("*")) {
        const n = this.name();
        if (this.at(":")) {
          const colon = this.next();
          const bound = this.expression();
          throw this.errorFromTo(this.tokPos(colon), bound, "cannot use bound with TypeVarTuple");
        }
        out.push({ _type: "TypeVarTuple", name: n.value, ...this.locFrom(this.tokPos(s)) });
      } else if (this.eat("**")) {
        const n = this.name();
        if (this.at(":")) {
          const colon = this.next();
          const bound = this.expression();
          throw this.errorFromTo(this.tokPos(colon), bound, "cannot use bound with ParamSpec");
        }
        out.push({ _type: "ParamSpec", name: n.value, ...this.locFrom(this.tokPos(s)) });
      } else {
        const n = this.name();
        let bound: A.Expr | null = null;
        if (this.eat(":")) bound = this.expression();
        out.push({ _type: "TypeVar", name: n.value, bound, ...this.locFrom(this.tokPos(s)) });
      }
      if (!this.eat(",")) break;
    }
    this.expect("]");
    return out;
  }

  // ---- blocks and compound statements ----

  /** block: NEWLINE INDENT statements DEDENT | simple_stmts. `what` names the statement for the indentation error. */
  block(what: string, line: number): A.Stmt[] {
    const body: A.Stmt[] = [];
    if (this.peek().type === TokenType.Newline) {
      this.p++;
      if (this.peek().type !== TokenType.Indent) {
        throw this.errorAtToken(this.peek(), `expected an indented block after ${what} on line ${line}`, "IndentationError", false);
      }
      this.p++;
      do this.statement(body);
      while (this.peek().type !== TokenType.Dedent);
      this.p++;
      return body;
    }
    this.simpleStmts(body);
    return body;
  }

  /** ':' before a block; "expected ':'" when the line ends instead. */
  colon(forced = false): void {
    if (this.eat(":")) return;
    // `&&':'` in the grammar (else, finally, try, def) reports at any token; elsewhere only before a NEWLINE.
    if (forced || this.peek().type === TokenType.Newline) throw this.errorAtToken(this.peek(), "expected ':'", "SyntaxError", false);
    throw FAIL;
  }

  /** Positions of a compound statement: CPython ends it at the last consumed token that is not NEWLINE/INDENT/DEDENT. */
  fin<T extends object>(node: T, s: Pos): T & A.Located {
    const n = node as T & A.Located;
    n.lineno = s.lineno;
    n.col_offset = s.col_offset;
    let k = this.p - 1;
    for (;;) {
      const ty = this.toks[k].type;
      if (ty !== TokenType.Newline && ty !== TokenType.Indent && ty !== TokenType.Dedent) break;
      k--;
    }
    n.end_lineno = this.toks[k].endLineno;
    n.end_col_offset = this.toks[k].endCol;
    return n;
  }

  ifStmt(): A.If {
    const s = this.next();
    const test = this.namedExpression();
    this.colon();
    const body = this.block(s.value === "if" ? "'if' statement" : "'elif' statement", s.lineno);
    let orelse: A.Stmt[] = [];
    if (this.at("elif")) orelse = [this.ifStmt()];
    else if (this.at("else")) orelse = this.elseBlock();
    return this.fin({ _type: "If" as const, test, body, orelse }, this.tokPos(s));
  }

  elseBlock(): A.Stmt[] {
    const e = this.next();
    this.colon(true);
    return this.block("'else' statement", e.lineno);
  }

  whileStmt(): A.While {
    const s = this.next();
    const test = this.namedExpression();
    this.colon();
    const body = this.block("'while' statement", s.lineno);
    const orelse = this.at("else") ? this.elseBlock() : [];
    return this.fin({ _type: "While" as const, test, body, orelse }, this.tokPos(s));
  }

  forStmt(asyncTok: Token | null): A.For | A.AsyncFor {
    const s = asyncTok ?? this.peek();
    const f = this.next();
    const target = this.starTargets();
    if (!this.at("in")) {
      throw FAIL;
    }
    this.p++;
    const iter = this.starExpressions();
    this.colon();
    const body = this.block("'for' statement", f.lineno);
    const orelse = this.at("else") ? this.elseBlock() : [];
    if (asyncTok !== null) return this.fin({ _type: "AsyncFor" as const, target, iter, body, orelse, type_comment: null }, this.tokPos(s));
    return this.fin({ _type: "For" as const, target, iter, body, orelse, type_comment: null }, this.tokPos(s));
  }

  withStmt(asyncTok: Token | null): A.With | A.AsyncWith {
    const s = asyncTok ?? this.peek();
    const w = this.next();
    let items: A.WithItem[] | null = null;
    if (this.at("(")) {
      const save = this.p;
      try {
        this.p++;
        const list: A.WithItem[] = [];
        for (;;) {
          list.push(this.withItem());
          if (!this.eat(",")) break;
          if (this.at(")")) break;
        }
        this.expect(")");
        if (!this.at(":") && this.peek().type !== TokenType.Newline) throw FAIL;
        items = list;
      } catch (e) {
        if (!(e instanceof ParseFail)) throw e;
        this.p = save;
      }
    }
    if (items === null) {
      items = [];
      do items.push(this.withItem());
      while (this.eat(","));
    }
    this.colon();
    const body = this.block("'with' statement", w.lineno);
    if (asyncTok !== null) return this.fin({ _type: "AsyncWith" as const, items, body, type_comment: null }, this.tokPos(s));
    return this.fin({ _type: "With" as const, items, body, type_comment: null }, this.tokPos(s));
  }

  withItem(): A.WithItem {
    const contextExpr = this.expression();
    let optionalVars: A.Expr | null = null;
    if (this.eat("as")) {
      optionalVars = this.starTargetItem();
      const t = this.peek();
      if (!(t.type === TokenType.Op && (t.value === "," || t.value === ")" || t.value === ":")) && t.type !== TokenType.Newline) {
        throw FAIL;
      }
      this.setStore(optionalVars, "with", false);
    }
    return { _type: "withitem", context_expr: contextExpr, optional_vars: optionalVars };
  }

  tryStmt(): A.Try | A.TryStar {
    const s = this.next();
    this.colon(true);
    const body = this.block("'try' statement", s.lineno);
    const handlers: A.ExceptHandler[] = [];
    let star: boolean | null = null;
    while (this.at("except")) {
      const e = this.next();
      const isStar = this.eat("*");
      if (star === null) star = isStar;
      else if (star !== isStar) {
        const endTok = this.last();
        throw this.errorRange("cannot have both 'except' and 'except*' on the same 'try'", e.lineno, e.col, endTok.endLineno, endTok.endCol);
      }
      let type: A.Expr | null = null;
      let name: string | null = null;
      if (!this.at(":") && this.peek().type !== TokenType.Newline) {
        type = this.expression();
        if (this.at(",")) {
          const first = type;
          this.p++;
          this.expression();
          while (this.eat(",")) this.expression();
          if (this.eat("as")) this.name();
          if (this.at(":")) throw this.errorFromTo(first, this.locFrom(first), "multiple exception types must be parenthesized");
          throw FAIL;
        }
        if (this.eat("as")) name = this.name().value;
      } else if (isStar) {
        throw this.errorAtToken(this.peek(), "expected one or more exception types");
      }
      this.colon();
      const hbody = this.block(isStar ? "'except*' statement" : "'except' statement", e.lineno);
      handlers.push(this.fin({ _type: "ExceptHandler" as const, type, name, body: hbody }, this.tokPos(e)));
    }
    let orelse: A.Stmt[] = [];
    let finalbody: A.Stmt[] = [];
    if (handlers.length > 0 && this.at("else")) orelse = this.elseBlock();
    if (this.at("finally")) {
      const f = this.next();
      this.colon(true);
      finalbody = this.block("'finally' statement", f.lineno);
    }
    if (handlers.length === 0 && finalbody.length === 0) {
      throw this.errorAtToken(this.peek(), "expected 'except' or 'finally' block", "SyntaxError", false);
    }
    if (star === true) return this.fin({ _type: "TryStar" as const, body, handlers, orelse, finalbody }, this.tokPos(s));
    return this.fin({ _type: "Try" as const, body, handlers, orelse, finalbody }, this.tokPos(s));
  }

  decorated(): A.Stmt {
    const decorators: A.Expr[] = [];
    while (this.at("@")) {
      this.p++;
      decorators.push(this.namedExpression());
      this.expectType(TokenType.Newline);
    }
    const t = this.peek();
    if (t.type === TokenType.Keyword) {
      if (t.value === "def") return this.functionDef(decorators, null);
      if (t.value === "class") return this.classDef(decorators);
      if (t.value === "async" && this.peekAt(1).value === "def") {
        this.p++;
        return this.functionDef(decorators, t);
      }
    }
    throw FAIL;
  }

  functionDef(decorators: A.Expr[], asyncTok: Token | null): A.FunctionDef | A.AsyncFunctionDef {
    const s = asyncTok ?? this.peek();
    const d = this.next();
    const name = this.name().value;
    let typeParams: A.TypeParam[] = [];
    if (this.at("[")) {
      const open = this.peek();
      const save = this.p;
      try {
        typeParams = this.typeParams();
      } catch (e) {
        if (!(e instanceof ParseFail)) throw e;
        this.p = save;
        throw this.errorAtToken(open, "expected '('");
      }
    }
    if (!this.at("(")) throw this.errorAtToken(this.peek(), "expected '('");
    this.p++;
    const args = this.parameters(")", true);
    this.expect(")");
    let returns: A.Expr | null = null;
    if (this.eat("->")) returns = this.expression();
    this.colon(true);
    const body = this.block(asyncTok !== null ? "function definition" : "function definition", d.lineno);
    if (asyncTok !== null) {
      return this.fin({ _type: "AsyncFunctionDef" as const, name, args, body, decorator_list: decorators, returns, type_comment: null, type_params: typeParams }, this.tokPos(s));
    }
    return this.fin({ _type: "FunctionDef" as const, name, args, body, decorator_list: decorators, returns, type_comment: null, type_params: typeParams }, this.tokPos(s));
  }

  classDef(decorators: A.Expr[]): A.ClassDef {
    const s = this.next();
    const name = this.name().value;
    const typeParams = this.at("[") ? this.typeParams() : [];
    let bases: A.Expr[] = [];
    let keywords: A.Keyword[] = [];
    if (this.at("(")) {
      const open = this.next();
      const r = this.callArguments(open, false);
      bases = r.args;
      keywords = r.keywords;
    }
    this.colon();
    const body = this.block("class definition", s.lineno);
    return this.fin({ _type: "ClassDef" as const, name, bases, keywords, body, decorator_list: decorators, type_params: typeParams }, this.tokPos(s));
  }

  /** Parameter list of a def (annotations allowed) or a lambda (up to `closing`). */
  parameters(closing: string, annotations: boolean): A.Arguments {
    const posonly: A.Arg[] = [];
    const args: A.Arg[] = [];
    const defaults: A.Expr[] = [];
    let vararg: A.Arg | null = null;
    const kwonly: A.Arg[] = [];
    const kwDefaults: (A.Expr | null)[] = [];
    let kwarg: A.Arg | null = null;
    let seenSlash = false;
    let seenStar = false;
    while (!this.at(closing)) {
      const t = this.peek();
      if (kwarg !== null) throw this.errorAtToken(t, "arguments cannot follow var-keyword argument");
      if (this.at("/")) {
        if (seenSlash) throw this.errorAtToken(t, "/ may appear only once");
        if (seenStar) throw this.errorAtToken(t, "/ must be ahead of *");
        if (args.length === 0) {
          if (this.toks[this.p + 1].value === ",") throw this.errorAtToken(t, "at least one argument must precede /");
          throw FAIL;
        }
        this.p++;
        if (this.at("*")) throw this.errorAtToken(this.peek(), "expected comma between / and *");
        seenSlash = true;
        posonly.push(...args);
        args.length = 0;
      } else if (this.at("*")) {
        if (seenStar) throw this.errorAtToken(t, "* argument may appear only once");
        this.p++;
        seenStar = true;
        if (this.at(",") || this.at(closing)) {
          const after = this.at(closing) ? null : this.peekAt(1);
          if (after === null || after.value === closing || after.value === "**") {
            // def reports at the '*'; lambda (no known location) at the last token looked at.
            throw this.errorAtToken(annotations ? t : (after ?? this.peek()), "named arguments must follow bare *");
          }
        } else {
          vararg = this.param(annotations, true);
          if (this.at("=")) {
            if (vararg.annotation !== null && vararg.annotation._type === "Starred") throw FAIL;
            throw this.errorAtToken(this.peek(), "var-positional argument cannot have default value");
          }
        }
      } else if (this.at("**")) {
        this.p++;
        kwarg = this.param(annotations, false);
        if (this.at("=")) throw this.errorAtToken(this.peek(), "var-keyword argument cannot have default value");
      } else {
        const a = this.param(annotations, false);
        let def: A.Expr | null = null;
        if (this.at("=")) {
          const eq = this.next();
          if (this.at(",") || this.at(closing)) throw this.errorAtToken(eq, "expected default value expression");
          def = this.expression();
        }
        if (seenStar) {
          kwonly.push(a);
          kwDefaults.push(def);
        } else {
          if (def !== null) defaults.push(def);
          else if (defaults.length > 0) throw this.errorAtNode(a, "parameter without a default follows parameter with a default");
          args.push(a);
        }
      }
      if (!this.eat(",")) break;
    }
    return { _type: "arguments", posonlyargs: posonly, args, vararg, kwonlyargs: kwonly, kw_defaults: kwDefaults, kwarg, defaults };
  }

  param(annotations: boolean, starAnnotation: boolean): A.Arg {
    if (this.at("(")) {
      // `def f((a, b))`: Python 2 tuple parameters.
      const openIdx = this.p;
      const close = this.matchingClose(openIdx);
      let simple = close > openIdx + 1;
      for (let k = openIdx + 1; k < close && simple; k++) {
        const t = this.toks[k];
        simple = t.type === TokenType.Name || (t.type === TokenType.Op && t.value === ",");
      }
      if (simple) {
        const o = this.toks[openIdx];
        const c = this.toks[close];
        this.max = Math.max(this.max, close);
        throw this.errorRange(annotations ? "Function parameters cannot be parenthesized" : "Lambda expression parameters cannot be parenthesized", o.lineno, o.col, c.endLineno, c.endCol);
      }
    }
    const n = this.name();
    let annotation: A.Expr | null = null;
    if (annotations && this.eat(":")) {
      if (starAnnotation && this.at("*")) {
        const st = this.next();
        const v = this.expression();
        annotation = { _type: "Starred", value: v, ctx: "Load", ...this.locFrom(this.tokPos(st)) };
      } else annotation = this.expression();
    }
    return { _type: "arg", arg: n.value, annotation, type_comment: null, ...this.locFrom(this.tokPos(n)) };
  }

  // ---- match statement ----

  matchStmt(): A.Match | null {
    const s = this.peek();
    const save = this.p;
    let subject: A.Expr;
    let missingColon: Token | null = null;
    try {
      this.p++;
      const s0 = this.tokPos(this.peek());
      const first = this.starNamedExpression();
      if (this.at(",")) {
        const elts = [first];
        while (this.eat(",")) {
          if (this.at(":")) break;
          elts.push(this.starNamedExpression());
        }
        subject = { _type: "Tuple", elts, ctx: "Load", ...this.locFrom(s0) };
      } else {
        if (first._type === "Starred") throw FAIL;
        subject = first;
      }
      if (!this.at(":")) {
        // `match x` + NEWLINE is "expected ':'" only if the line is not a valid expression statement either.
        if (this.peek().type === TokenType.Newline) missingColon = this.peek();
        throw FAIL;
      }
    } catch (e) {
      if (!(e instanceof ParseFail)) throw e;
      this.p = save;
      if (missingColon !== null) {
        const colonTok = missingColon;
        try {
          this.simpleStmts([]);
        } catch (e2) {
          if (e2 instanceof ParseFail) throw this.errorAtToken(colonTok, "expected ':'");
          throw e2;
        }
        this.p = save;
      }
      return null;
    }
    this.p++;
    this.expectType(TokenType.Newline);
    if (this.peek().type !== TokenType.Indent) {
      throw this.errorAtToken(this.peek(), `expected an indented block after 'match' statement on line ${s.lineno}`, "IndentationError", false);
    }
    this.p++;
    const cases: A.MatchCase[] = [];
    while (this.atSoftKeyword("case")) cases.push(this.caseBlock());
    if (cases.length === 0) throw FAIL;
    this.expectType(TokenType.Dedent);
    const last = cases[cases.length - 1].body;
    return this.fin({ _type: "Match" as const, subject, cases }, this.tokPos(s));
  }

  caseBlock(): A.MatchCase {
    const c = this.next();
    const pattern = this.patterns();
    let guard: A.Expr | null = null;
    if (this.eat("if")) guard = this.namedExpression();
    this.colon();
    const body = this.block("'case' statement", c.lineno);
    return { _type: "match_case", pattern, guard, body };
  }

  patterns(): A.Pattern {
    const s0 = this.tokPos(this.peek());
    const first = this.maybeStarPattern();
    if (this.at(",")) {
      const list = [first];
      while (this.eat(",")) {
        if (this.at(":") || this.at("if")) break;
        list.push(this.maybeStarPattern());
      }
      return { _type: "MatchSequence", patterns: list, ...this.locFrom(s0) };
    }
    if (first._type === "MatchStar") throw FAIL;
    return first;
  }

  maybeStarPattern(): A.Pattern {
    if (this.at("*")) {
      const s = this.next();
      const n = this.name();
      return { _type: "MatchStar", name: n.value === "_" ? null : n.value, ...this.locFrom(this.tokPos(s)) };
    }
    return this.pattern();
  }

  pattern(): A.Pattern {
    this.enter();
    try {
      const s0 = this.tokPos(this.peek());
      const or = this.orPattern();
      if (this.eat("as")) {
        const t = this.peek();
        if (t.type === TokenType.Name && t.value === "_") throw this.errorAtToken(t, "cannot use '_' as a target");
        if (t.type !== TokenType.Name) {
          const e = this.expression();
          throw this.errorAtNode(e, `invalid pattern target`);
        }
        this.p++;
        return { _type: "MatchAs", pattern: or, name: t.value, ...this.locFrom(s0) };
      }
      return or;
    } finally {
      this.depth--;
    }
  }

  orPattern(): A.Pattern {
    const s0 = this.tokPos(this.peek());
    const first = this.closedPattern();
    if (!this.at("|")) return first;
    const patterns = [first];
    while (this.eat("|")) patterns.push(this.closedPattern());
    return { _type: "MatchOr", patterns, ...this.locFrom(s0) };
  }

  closedPattern(): A.Pattern {
    const t = this.peek();
    switch (t.type) {
      case TokenType.Number:
        return this.literalValuePattern();
      case TokenType.String:
      case TokenType.FStringStart: {
        // f-strings are rejected later, by the compiler ("patterns may only match literals and attribute lookups").
        const v = this.strings();
        return { _type: "MatchValue", value: v, ...this.locFrom(v) };
      }
      case TokenType.Keyword:
        if (t.value === "None" || t.value === "True" || t.value === "False") {
          this.p++;
          return { _type: "MatchSingleton", value: t.value === "None" ? null : t.value === "True", ...this.span(t, t) };
        }
        throw FAIL;
      case TokenType.Name: {
        const n1 = this.peekAt(1);
        if (n1.type === TokenType.Op && (n1.value === "." || n1.value === "(")) {
          const cls = this.nameOrAttr();
          if (this.at("(")) return this.classPattern(cls);
          return { _type: "MatchValue", value: cls, ...this.locFrom(cls) };
        }
        this.p++;
        if (t.value === "_") return { _type: "MatchAs", pattern: null, name: null, ...this.span(t, t) };
        return { _type: "MatchAs", pattern: null, name: t.value, ...this.span(t, t) };
      }
      case TokenType.Op:
        if (t.value === "-") return this.literalValuePattern();
        if (t.value === "(") {
          this.p++;
          if (this.at(")")) {
            this.p++;
            return { _type: "MatchSequence", patterns: [], ...this.locFrom(this.tokPos(t)) };
          }
          const first = this.maybeStarPattern();
          if (this.at(",")) {
            const list = [first];
            while (this.eat(",")) {
              if (this.at(")")) break;
              list.push(this.maybeStarPattern());
            }
            this.expect(")");
            return { _type: "MatchSequence", patterns: list, ...this.locFrom(this.tokPos(t)) };
          }
          this.expect(")");
          if (first._type === "MatchStar") throw FAIL;
          return first;
        }
        if (t.value === "[") {
          this.p++;
          const list: A.Pattern[] = [];
          while (!this.at("]")) {
            list.push(this.maybeStarPattern());
            if (!this.eat(",")) break;
          }
          this.expect("]");
          return { _type: "MatchSequence", patterns: list, ...this.locFrom(this.tokPos(t)) };
        }
        if (t.value === "{") return this.mappingPattern();
        throw FAIL;
      default:
        throw FAIL;
    }
  }

  nameOrAttr(): A.Expr {
    const t = this.name();
    let e: A.Expr = { _type: "Name", id: t.value, ctx: "Load", ...this.span(t, t) };
    while (this.at(".")) {
      this.p++;
      const a = this.name();
      e = { _type: "Attribute", value: e, attr: a.value, ctx: "Load", ...this.locFrom(e) };
    }
    return e;
  }

  /** signed_number, complex_number and strings as keys/values of patterns. */
  literalExpr(): A.Expr {
    const t = this.peek();
    if (t.type === TokenType.String || t.type === TokenType.FStringStart) {
      return this.strings();
    }
    if (t.type === TokenType.Keyword && (t.value === "None" || t.value === "True" || t.value === "False")) {
      this.p++;
      return { _type: "Constant", value: t.value === "None" ? null : t.value === "True", kind: null, ...this.span(t, t) };
    }
    let real: A.Expr;
    if (this.at("-")) {
      const m = this.next();
      const num = this.numberAtom();
      real = { _type: "UnaryOp", op: "USub", operand: num, ...this.locFrom(this.tokPos(m)) };
    } else real = this.numberAtom();
    if (this.at("+") || this.at("-")) {
      const op = this.next().value === "+" ? "Add" : "Sub";
      const imag = this.numberAtom();
      const realValue = real._type === "UnaryOp" ? (real.operand as A.Constant).value : (real as A.Constant).value;
      if (realValue instanceof ComplexConst) throw this.errorAtNode(real, "real number required in complex literal");
      if (!((imag as A.Constant).value instanceof ComplexConst)) throw this.errorAtNode(imag, "imaginary number required in complex literal");
      return { _type: "BinOp", left: real, op, right: imag, ...this.locFrom(real) };
    }
    return real;
  }

  numberAtom(): A.Constant {
    const t = this.peek();
    if (t.type !== TokenType.Number) throw FAIL;
    this.p++;
    return { _type: "Constant", value: this.numberValue(t), kind: null, ...this.span(t, t) };
  }

  literalValuePattern(): A.Pattern {
    const v = this.literalExpr();
    return { _type: "MatchValue", value: v, ...this.locFrom(v) };
  }

  classPattern(cls: A.Expr): A.MatchClass {
    this.expect("(");
    const patterns: A.Pattern[] = [];
    const kwdAttrs: string[] = [];
    const kwdPatterns: A.Pattern[] = [];
    while (!this.at(")")) {
      const t = this.peek();
      if (t.type === TokenType.Name && this.peekAt(1).value === "=" && this.peekAt(1).type === TokenType.Op) {
        this.p += 2;
        kwdAttrs.push(t.value);
        kwdPatterns.push(this.pattern());
      } else {
        const pat = this.pattern();
        if (kwdAttrs.length > 0) throw this.errorAtNode(pat, "positional patterns follow keyword patterns");
        patterns.push(pat);
      }
      if (!this.eat(",")) break;
    }
    this.expect(")");
    return { _type: "MatchClass", cls, patterns, kwd_attrs: kwdAttrs, kwd_patterns: kwdPatterns, ...this.locFrom(cls) };
  }

  mappingPattern(): A.MatchMapping {
    const s = this.next();
    const keys: A.Expr[] = [];
    const patterns: A.Pattern[] = [];
    let rest: string | null = null;
    while (!this.at("}")) {
      if (this.at("**")) {
        this.p++;
        if (this.atSoftKeyword("_")) throw FAIL;
        rest = this.name().value;
        this.eat(",");
        break;
      }
      const t = this.peek();
      const key = t.type === TokenType.Name ? this.valueAttr() : this.literalExpr();
      this.expect(":");
      keys.push(key);
      patterns.push(this.pattern());
      if (!this.eat(",")) break;
    }
    this.expect("}");
    return { _type: "MatchMapping", keys, patterns, rest, ...this.locFrom(this.tokPos(s)) };
  }

  valueAttr(): A.Expr {
    const e = this.nameOrAttr();
    if (e._type !== "Attribute") throw FAIL;
    return e;
  }

  // ---- targets ----

  /** star_targets: a comma list of targets (each a '*'? primary-level expression), a Tuple when there is a comma. */
  starTargets(): A.Expr {
    const s0 = this.tokPos(this.peek());
    const first = this.starTargetItem();
    let result: A.Expr = first;
    if (this.at(",")) {
      const elts = [first];
      while (this.eat(",")) {
        if (this.at("in") || this.at("=") || this.at(")")) break;
        elts.push(this.starTargetItem());
      }
      result = { _type: "Tuple", elts, ctx: "Store", ...this.locFrom(s0) };
    }
    this.setStore(result, "for", false);
    return result;
  }

  starTargetItem(): A.Expr {
    if (this.at("*")) {
      const s = this.next();
      const v = this.bitwiseOr();
      return { _type: "Starred", value: v, ctx: "Load", ...this.locFrom(this.tokPos(s)) };
    }
    return this.bitwiseOr();
  }

  setStore(e: A.Expr, kind: TargetKind, hereHint: boolean): void {
    this.setContext(e, "Store", kind, hereHint);
  }

  findTokenIndex(t: Token): number {
    for (let k = this.p; k >= 0; k--) if (this.toks[k] === t) return k;
    return -1;
  }

  /** Index of the bracket closing the one at `openIdx` (or -1). */
  matchingClose(openIdx: number): number {
    let depth = 0;
    for (let k = openIdx; k < this.toks.length; k++) {
      const t = this.toks[k];
      if (t.type === TokenType.Op) {
        const v = t.value;
        if (v === "(" || v === "[" || v === "{") depth++;
        else if (v === ")" || v === "]" || v === "}") {
          depth--;
          if (depth === 0) return k;
        }
      } else if (t.type === TokenType.ErrorEof || t.type === TokenType.EndMarker) return -1;
    }
    return -1;
  }

  /**
   * Does CPython's invalid_named_expression apply to `target = value`: the target is a bitwise_or expression not
   * starting with a list, tuple, genexp, True, None or False, and the value starts a bitwise_or?
   * Then the error reads "cannot assign to X here. Maybe you meant '==' instead of '='?".
   */
  assignHint(target: A.Expr, startIdx: number, endIdx: number, valueFirst: Token | undefined): boolean {
    if (startIdx < 0 || valueFirst === undefined || !this.startsOperand(valueFirst)) return false;
    const st = this.toks[startIdx];
    if (st.type === TokenType.Keyword && (st.value === "True" || st.value === "None" || st.value === "False")) return false;
    const isOpen = st.type === TokenType.Op && (st.value === "(" || st.value === "[");
    const group = isOpen && st.value === "(" && this.matchingClose(startIdx) === endIdx && !(target._type === "Tuple" || target._type === "GeneratorExp");
    if (!group) {
      switch (target._type) {
        case "Compare":
        case "BoolOp":
        case "Lambda":
        case "IfExp":
        case "NamedExpr":
        case "Starred":
        case "Yield":
        case "YieldFrom":
          return false;
        case "UnaryOp":
          if (target.op === "Not") return false;
      }
    }
    if (isOpen) {
      // The leftmost atom decides: a list display, a parenthesized tuple or a genexp excludes the hint.
      let n: A.Expr = target;
      for (;;) {
        if (n.lineno === st.lineno && n.col_offset === st.col) {
          if (n._type === "List" && st.value === "[") return false;
          if ((n._type === "Tuple" || n._type === "GeneratorExp") && st.value === "(") return false;
        }
        if (n._type === "BinOp") n = n.left;
        else if (n._type === "Call") n = n.func;
        else if (n._type === "Attribute" || n._type === "Subscript") n = n.value;
        else break;
      }
    }
    return true;
  }

  /** invalid_named_expression inside named_expression: `if x = 1:` and `[f() = 1]`. Throws or returns. */
  invalidNamedAssign(e: A.Expr, startIdx: number): void {
    const eqIdx = this.p;
    const saveMax = this.max;
    this.p++;
    const vf = this.peek();
    let b: A.Expr | null = null;
    try {
      if (this.startsOperand(vf)) b = this.bitwiseOr();
    } catch (err) {
      if (!(err instanceof ParseFail)) throw err;
    }
    const ok = b !== null && !this.at("=") && !this.at(":=");
    this.p = eqIdx;
    this.restoreMax(saveMax);
    if (!ok || b === null) return;
    const st = this.toks[startIdx];
    if (e._type === "Name" && st.type === TokenType.Name && eqIdx === startIdx + 1) {
      throw this.errorFromTo(e, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    }
    if (this.assignHint(e, startIdx, eqIdx - 1, vf)) {
      throw this.errorAtNode(e, `cannot assign to ${describeExpr(e)} here. Maybe you meant '==' instead of '='?`);
    }
  }

  /** Gives a target and its sub-targets the context; invalid targets raise CPython's "cannot assign to ..." errors. */
  setContext(e: A.Expr, ctx: A.ExprContext, kind: TargetKind, hereHint = false): void {
    switch (e._type) {
      case "Name":
      case "Attribute":
      case "Subscript":
        e.ctx = ctx;
        return;
      case "Starred":
        if (ctx === "Del") break;
        e.ctx = ctx;
        this.setContext(e.value, ctx, kind);
        return;
      case "Tuple":
      case "List":
        e.ctx = ctx;
        for (const x of e.elts) this.setContext(x, ctx, kind);
        return;
    }
    throw invalidTarget(this, e, ctx, kind, hereHint);
  }

  // ---- expressions ----

  starExpressions(): A.Expr {
    const s0 = this.tokPos(this.peek());
    const first = this.starExpression();
    if (!this.at(",")) return first;
    const elts = [first];
    while (this.eat(",")) {
      if (!this.startsExpression()) break;
      elts.push(this.starExpression());
    }
    return { _type: "Tuple", elts, ctx: "Load", ...this.locFrom(s0) };
  }

  /** `*expr` whose operand does not parse: CPython's "Invalid star expression" at the furthest token. */
  starredOperand(parse: () => A.Expr): A.Expr {
    const star = this.p;
    try {
      return parse();
    } catch (e) {
      if (!(e instanceof ParseFail)) throw e;
      if (this.toks[this.max].type === TokenType.ErrorEof) throw e;
      this.p = star;
      throw this.errorAtToken(this.toks[this.max], "Invalid star expression");
    }
  }

  startsOperandOrNot(t: Token): boolean {
    return this.startsOperand(t) || (t.type === TokenType.Keyword && (t.value === "not" || t.value === "lambda"));
  }

  /** Can `t` start a factor (the operand of a binary or comparison operator)? */
  startsOperand(t: Token): boolean {
    switch (t.type) {
      case TokenType.Name:
      case TokenType.Number:
      case TokenType.String:
      case TokenType.FStringStart:
        return true;
      case TokenType.Keyword:
        return t.value === "None" || t.value === "True" || t.value === "False" || t.value === "await";
      case TokenType.Op:
        return t.value === "(" || t.value === "[" || t.value === "{" || t.value === "-" || t.value === "+" || t.value === "~" || t.value === "...";
      default:
        return false;
    }
  }

  /** Can the current token start an expression (used after a trailing comma)? */
  startsExpression(): boolean {
    const t = this.peek();
    switch (t.type) {
      case TokenType.Name:
      case TokenType.Number:
      case TokenType.String:
      case TokenType.FStringStart:
        return true;
      case TokenType.Keyword:
        return t.value === "None" || t.value === "True" || t.value === "False" || t.value === "not" || t.value === "lambda" || t.value === "await" || t.value === "yield";
      case TokenType.Op:
        return t.value === "(" || t.value === "[" || t.value === "{" || t.value === "-" || t.value === "+" || t.value === "~" || t.value === "*" || t.value === "..." || t.value === "**";
      default:
        return false;
    }
  }

  starExpression(): A.Expr {
    if (this.at("*")) {
      const s = this.next();
      const v = this.bitwiseOr();
      return { _type: "Starred", value: v, ctx: "Load", ...this.locFrom(this.tokPos(s)) };
    }
    return this.expression();
  }

  starNamedExpression(): A.Expr {
    if (this.at("*")) {
      const s = this.next();
      if (!this.startsOperand(this.peek())) throw this.errorAtToken(this.peek(), "Invalid star expression");
      const v = this.bitwiseOr();
      return { _type: "Starred", value: v, ctx: "Load", ...this.locFrom(this.tokPos(s)) };
    }
    return this.namedExpression();
  }

  namedExpression(checkEq = true): A.Expr {
    const t = this.peek();
    if (t.type === TokenType.Name) {
      const n = this.peekAt(1);
      if (n.type === TokenType.Op && n.value === ":=") {
        this.p += 2;
        const value = this.expression();
        const target: A.Name = { _type: "Name", id: t.value, ctx: "Store", ...this.span(t, t) };
        return { _type: "NamedExpr", target, value, ...this.locFrom(this.tokPos(t)) };
      }
    }
    const startIdx = this.p;
    const e = this.expression();
    if (this.at(":=")) {
      throw this.errorAtNode(e, `cannot use assignment expressions with ${describeExpr(e)}`);
    }
    if (checkEq && this.at("=")) this.invalidNamedAssign(e, startIdx);
    return e;
  }

  expression(): A.Expr {
    if (++this.depth > MAX_DEPTH) throw this.errorAtToken(this.peek(), TOO_COMPLEX);
    try {
      if (this.at("lambda")) return this.lambdef();
      const s0 = this.tokPos(this.peek());
      const body = this.disjunction();
      if (!this.at("if")) return body;
      this.p++;
      const test = this.disjunction();
      if (!this.at("else")) {
        if (this.at(":")) throw FAIL;
        throw this.errorFromTo(body, test, "expected 'else' after 'if' expression");
      }
      this.p++;
      const orelse = this.expression();
      return { _type: "IfExp", test, body, orelse, ...this.locFrom(s0) };
    } finally {
      this.depth--;
    }
  }

  lambdef(): A.Lambda {
    const s = this.next();
    const args = this.parameters(":", false);
    const colon = this.expect(":");
    if (this.fstringDepth > 0 && this.peek().type === TokenType.FStringMiddle) {
      throw this.errorRange("f-string: lambda expressions are not allowed without parentheses", s.lineno, s.col, colon.endLineno, colon.endCol);
    }
    const body = this.expression();
    return { _type: "Lambda", args, body, ...this.locFrom(this.tokPos(s)) };
  }

  disjunction(): A.Expr {
    const s0 = this.tokPos(this.peek());
    const first = this.conjunction();
    if (!this.at("or")) return first;
    const values = [first];
    while (this.eat("or")) values.push(this.conjunction());
    return { _type: "BoolOp", op: "Or", values, ...this.locFrom(s0) };
  }

  conjunction(): A.Expr {
    const s0 = this.tokPos(this.peek());
    const first = this.inversion();
    if (!this.at("and")) return first;
    const values = [first];
    while (this.eat("and")) values.push(this.inversion());
    return { _type: "BoolOp", op: "And", values, ...this.locFrom(s0) };
  }

  inversion(): A.Expr {
    if (!this.at("not")) return this.comparison();
    // Iterative over chains of `not` to keep the JS stack flat.
    const nots: Token[] = [];
    while (this.at("not")) nots.push(this.next());
    if (nots.length > MAX_CHAIN) throw this.errorAtToken(this.peek(), TOO_COMPLEX);
    let e = this.comparison();
    for (let i = nots.length - 1; i >= 0; i--) {
      e = { _type: "UnaryOp", op: "Not", operand: e, ...this.locFrom(this.tokPos(nots[i])) };
    }
    return e;
  }

  comparison(): A.Expr {
    const s0 = this.tokPos(this.peek());
    const left = this.bitwiseOr();
    let ops: A.CmpOp[] | null = null;
    let comparators: A.Expr[] | null = null;
    for (;;) {
      const t = this.peek();
      let op: A.CmpOp | undefined;
      if (t.type === TokenType.Op) {
        op = CMP_OPS[t.value];
        if (op === undefined) break;
        this.p++;
      } else if (t.type === TokenType.Keyword) {
        if (t.value === "in") {
          op = "In";
          this.p++;
        } else if (t.value === "not") {
          const n = this.peekAt(1);
          if (!(n.type === TokenType.Keyword && n.value === "in")) break;
          op = "NotIn";
          this.p += 2;
        } else if (t.value === "is") {
          this.p++;
          if (this.eat("not")) op = "IsNot";
          else op = "Is";
        } else break;
      } else break;
      if (ops === null) {
        ops = [];
        comparators = [];
      }
      ops.push(op);
      (comparators as A.Expr[]).push(this.bitwiseOr());
    }
    if (ops === null) return left;
    return { _type: "Compare", left, ops, comparators: comparators as A.Expr[], ...this.locFrom(s0) };
  }

  bitwiseOr(): A.Expr {
    return this.binary(1);
  }

  /** Precedence climbing over the left-associative binary operators | ^ & << >> + - * / // % @. */
  binary(minPrec: number): A.Expr {
    const s0 = this.tokPos(this.peek());
    let left = this.factor();
    let links = 0;
    for (;;) {
      const t = this.peek();
      if (t.type !== TokenType.Op) return left;
      const prec = BIN_PREC[t.value];
      if (prec === undefined || prec < minPrec) return left;
      // PEG: without an operand after the operator the shorter expression stands (the caller then fails).
      if (!this.startsOperand(this.peekAt(1))) return left;
      this.p++;
      if (++links > MAX_CHAIN) throw this.errorAtToken(t, TOO_COMPLEX);
      const right = this.binary(prec + 1);
      left = { _type: "BinOp", left, op: BIN_OPS[t.value], right, ...this.locFrom(s0) };
    }
  }

  factor(): A.Expr {
    const t = this.peek();
    if (t.type !== TokenType.Op || (t.value !== "-" && t.value !== "+" && t.value !== "~")) return this.power();
    const ops: Token[] = [];
    for (;;) {
      const u = this.peek();
      if (u.type !== TokenType.Op || (u.value !== "-" && u.value !== "+" && u.value !== "~")) break;
      ops.push(u);
      this.p++;
    }
    if (ops.length > MAX_CHAIN) throw this.errorAtToken(this.peek(), TOO_COMPLEX);
    let e = this.power();
    for (let i = ops.length - 1; i >= 0; i--) {
      const v = ops[i].value;
      e = { _type: "UnaryOp", op: v === "-" ? "USub" : v === "+" ? "UAdd" : "Invert", operand: e, ...this.locFrom(this.tokPos(ops[i])) };
    }
    return e;
  }

  power(): A.Expr {
    const s0 = this.tokPos(this.peek());
    const base = this.awaitPrimary();
    if (!this.at("**")) return base;
    this.p++;
    if (++this.depth > MAX_DEPTH) throw this.errorAtToken(this.peek(), TOO_COMPLEX);
    try {
      const exp = this.factor();
      return { _type: "BinOp", left: base, op: "Pow", right: exp, ...this.locFrom(s0) };
    } finally {
      this.depth--;
    }
  }

  awaitPrimary(): A.Expr {
    if (this.at("await")) {
      const s = this.next();
      const v = this.primary();
      return { _type: "Await", value: v, ...this.locFrom(this.tokPos(s)) };
    }
    return this.primary();
  }

  primary(): A.Expr {
    const s0 = this.tokPos(this.peek());
    let e = this.atom();
    for (let links = 0; ; links++) {
      const t = this.peek();
      if (t.type !== TokenType.Op) return e;
      if (links > MAX_CHAIN) throw this.errorAtToken(t, TOO_COMPLEX);
      if (t.value === ".") {
        this.p++;
        const n = this.name();
        e = { _type: "Attribute", value: e, attr: n.value, ctx: "Load", ...this.locFrom(s0) };
      } else if (t.value === "(") {
        this.p++;
        const r = this.callArguments(t);
        e = { _type: "Call", func: e, args: r.args, keywords: r.keywords, ...this.locFrom(s0) };
      } else if (t.value === "[") {
        this.p++;
        const slice = this.slices();
        this.expect("]");
        e = { _type: "Subscript", value: e, slice, ctx: "Load", ...this.locFrom(s0) };
      } else return e;
    }
  }

  slices(): A.Expr {
    const s0 = this.tokPos(this.peek());
    const first = this.slice();
    if (!this.at(",")) {
      // `a[*b]` is a one-element tuple.
      if (first._type === "Starred") return { _type: "Tuple", elts: [first], ctx: "Load", ...this.locFrom(s0) };
      return first;
    }
    const elts = [first];
    while (this.eat(",")) {
      if (this.at("]")) break;
      elts.push(this.slice());
    }
    return { _type: "Tuple", elts, ctx: "Load", ...this.locFrom(s0) };
  }

  slice(): A.Expr {
    const s = this.peek();
    if (this.at("*")) return this.starredOperand(() => this.starExpression());
    let lower: A.Expr | null = null;
    if (!this.at(":")) {
      lower = this.namedExpression();
      if (!this.at(":")) return lower;
      if (lower._type === "NamedExpr") throw FAIL;
    }
    this.p++;
    let upper: A.Expr | null = null;
    let step: A.Expr | null = null;
    if (!this.at(":") && !this.at("]") && !this.at(",")) upper = this.expression();
    if (this.eat(":")) {
      if (!this.at("]") && !this.at(",")) step = this.expression();
    }
    return { _type: "Slice", lower, upper, step, ...this.locFrom(this.tokPos(s)) };
  }

  /** Arguments of a call or class definition, after '('; consumes the closing ')'. */
  callArguments(open: Token, allowGenexp = true): { args: A.Expr[]; keywords: A.Keyword[] } {
    const args: A.Expr[] = [];
    const keywords: A.Keyword[] = [];
    let sawKeyword = false;
    let sawDoubleStar = false;
    while (!this.at(")")) {
      const t = this.peek();
      if (t.type === TokenType.Op && t.value === "*") {
        this.p++;
        if (!this.startsOperandOrNot(this.peek())) throw this.errorAtToken(this.peek(), "Invalid star expression");
        const v = this.expression();
        const st: A.Starred = { _type: "Starred", value: v, ctx: "Load", ...this.locFrom(this.tokPos(t)) };
        if (this.at("=")) {
          this.p++;
          const rhs = this.expression();
          throw this.errorFromTo(st, rhs, "cannot assign to iterable argument unpacking");
        }
        if (sawDoubleStar) {
          const comma = this.toks[this.findTokenAt(st) - 1];
          throw this.errorRange("iterable argument unpacking follows keyword argument unpacking", comma.lineno, comma.col, st.end_lineno, st.end_col_offset);
        }
        args.push(st);
      } else if (t.type === TokenType.Op && t.value === "**") {
        this.p++;
        const v = this.expression();
        keywords.push({ _type: "keyword", arg: null, value: v, ...this.locFrom(this.tokPos(t)) });
        sawDoubleStar = true;
      } else if (t.type === TokenType.Name && this.peekAt(1).type === TokenType.Op && this.peekAt(1).value === "=") {
        this.p += 2;
        if (this.at(")") || this.at(",")) {
          const eq = this.last();
          throw this.errorRange("expected argument value expression", t.lineno, t.col, eq.endLineno, eq.endCol);
        }
        const v = this.expression();
        keywords.push({ _type: "keyword", arg: t.value, value: v, ...this.locFrom(this.tokPos(t)) });
        sawKeyword = true;
        if (!this.at(",") && !this.at(")")) this.invalidAfterExpression(v);
      } else {
        const e = this.namedExpression(false);
        if (this.at("for") || this.at("async")) {
          if (!allowGenexp) throw FAIL;
          const gens = this.comprehensions();
          if (args.length === 0 && keywords.length === 0 && this.at(")")) {
            this.p++;
            const g: A.GeneratorExp = { _type: "GeneratorExp", elt: e, generators: gens, ...this.locFrom(this.tokPos(open)) };
            return { args: [g], keywords };
          }
          // invalid_arguments: a genexp after other arguments, or first but followed by more.
          if (args.length === 0 && keywords.length === 0 && !this.at(",")) throw FAIL;
          const g: A.GeneratorExp = { _type: "GeneratorExp", elt: e, generators: gens, ...this.locFrom(e) };
          throw this.errorAtNode(g, "Generator expression must be parenthesized");
        }
        if (this.at("=")) {
          if (e._type === "NamedExpr") throw FAIL;
          const eq = this.peek();
          throw this.invalidKeywordArgument(e, eq);
        }
        if (sawDoubleStar) throw this.errorAtToken(this.peek(), "positional argument follows keyword argument unpacking");
        if (sawKeyword) throw this.errorAtToken(this.peek(), "positional argument follows keyword argument");
        args.push(e);
        if (!this.at(",") && !this.at(")")) this.invalidAfterExpression(e);
      }
      if (!this.eat(",")) break;
    }
    this.expect(")");
    return { args, keywords };
  }

  invalidKeywordArgument(e: A.Expr, eq: Token): PySyntaxError {
    if (e._type === "Constant" && (e.value === true || e.value === false || e.value === null)) {
      return this.errorRange(`cannot assign to ${String(e.value === null ? "None" : e.value ? "True" : "False")}`, e.lineno, e.col_offset, eq.endLineno, eq.endCol);
    }
    return this.errorRange('expression cannot contain assignment, perhaps you meant "=="?', e.lineno, e.col_offset, eq.endLineno, eq.endCol);
  }

  comprehensions(): A.Comprehension[] {
    const gens: A.Comprehension[] = [];
    for (;;) {
      let isAsync = 0;
      if (this.at("async") && this.peekAt(1).value === "for") {
        this.p++;
        isAsync = 1;
      } else if (!this.at("for")) break;
      this.p++;
      const target = this.starTargets();
      this.expect("in");
      const iter = this.disjunction();
      const ifs: A.Expr[] = [];
      while (this.eat("if")) ifs.push(this.disjunction());
      gens.push({ _type: "comprehension", target, iter, ifs, is_async: isAsync });
    }
    return gens;
  }

  yieldExpr(): A.Expr {
    const s = this.next();
    // PEG: `yield from` without an expression leaves `from` unconsumed (the caller then fails there).
    if (this.at("from") && this.startsOperandOrNot(this.peekAt(1))) {
      this.p++;
      const v = this.expression();
      return { _type: "YieldFrom", value: v, ...this.locFrom(this.tokPos(s)) };
    }
    let value: A.Expr | null = null;
    if (this.startsExpression() && !this.at("yield") && !this.at("**")) value = this.starExpressions();
    return { _type: "Yield", value, ...this.locFrom(this.tokPos(s)) };
  }

  atom(): A.Expr {
    const t = this.peek();
    switch (t.type) {
      case TokenType.Name:
        this.p++;
        return { _type: "Name", id: t.value, ctx: "Load", lineno: t.lineno, col_offset: t.col, end_lineno: t.endLineno, end_col_offset: t.endCol };
      case TokenType.Number:
        this.p++;
        return { _type: "Constant", value: this.numberValue(t), kind: null, ...this.span(t, t) };
      case TokenType.String:
      case TokenType.FStringStart:
        return this.strings();
      case TokenType.Keyword:
        if (t.value === "None" || t.value === "True" || t.value === "False") {
          this.p++;
          return { _type: "Constant", value: t.value === "None" ? null : t.value === "True", kind: null, ...this.span(t, t) };
        }
        throw FAIL;
      case TokenType.Op:
        switch (t.value) {
          case "(":
            return this.parenAtom();
          case "[":
            return this.listAtom();
          case "{":
            return this.braceAtom();
          case "...":
            this.p++;
            return { _type: "Constant", value: EllipsisConst, kind: null, ...this.span(t, t) };
        }
        throw FAIL;
      default:
        throw FAIL;
    }
  }

  numberValue(t: Token): A.ConstantValue {
    let text = t.value;
    if (text.indexOf("_") >= 0) text = text.replace(/_/g, "");
    const last = text.charCodeAt(text.length - 1) | 0x20;
    if (last === 0x6a /* j */) return new ComplexConst(0, Number(text.slice(0, -1)));
    const c1 = text.length > 1 ? text.charCodeAt(1) | 0x20 : 0;
    if (text.charCodeAt(0) === 0x30 && (c1 === 0x78 || c1 === 0x6f || c1 === 0x62)) return BigInt(text.toLowerCase());
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x2e || (c | 0x20) === 0x65) return Number(text);
    }
    if (text.length < 16) return BigInt(Number(text));
    return BigInt(text);
  }

  parenAtom(): A.Expr {
    this.enter();
    try {
      const open = this.next();
      if (this.at(")")) {
        this.p++;
        return { _type: "Tuple", elts: [], ctx: "Load", ...this.locFrom(this.tokPos(open)) };
      }
      if (this.at("yield")) {
        const y = this.yieldExpr();
        this.expect(")");
        return y;
      }
      if (this.at("**")) throw this.errorAtToken(this.peek(), "cannot use double starred expression here");
      const first = this.starNamedExpression();
      if (this.at("for") || this.at("async")) {
        this.noStarredComprehension(first);
        const gens = this.comprehensions();
        this.expect(")");
        return { _type: "GeneratorExp", elt: first, generators: gens, ...this.locFrom(this.tokPos(open)) };
      }
      if (this.at(",")) {
        const elts = [first];
        while (this.eat(",")) {
          if (this.at(")")) break;
          elts.push(this.starNamedExpression());
        }
        this.expectClosing(")", elts[elts.length - 1]);
        return { _type: "Tuple", elts, ctx: "Load", ...this.locFrom(this.tokPos(open)) };
      }
      this.expectClosing(")", first);
      if (first._type === "Starred") throw this.errorAtNode(first, "cannot use starred expression here");
      return first;
    } finally {
      this.depth--;
    }
  }

  /** The closing bracket of a display; a missing comma between two expressions gets CPython's hint. */
  expectClosing(close: string, lastElt: A.Expr): void {
    if (this.eat(close)) return;
    this.invalidAfterExpression(lastElt);
    throw FAIL;
  }

  /**
   * invalid_expression / invalid_legacy_expression: an expression directly followed by another one.
   * `print x` → "Missing parentheses in call to 'print'"; `a b` inside brackets → "Perhaps you forgot a comma?".
   * Throws the specific error or returns (the caller then fails generically).
   */
  invalidAfterExpression(a: A.Expr): void {
    const t = this.peek();
    if (!this.startsExpressionForComma(t)) return;
    const save = this.p;
    const saveMax = this.max;
    const legacy = a._type === "Name" && (a.id === "print" || a.id === "exec");
    let b: A.Expr | null = null;
    try {
      b = legacy ? this.starExpressions() : this.expression();
    } catch (e) {
      if (!(e instanceof ParseFail) && !(e instanceof PySyntaxError)) throw e;
    }
    const bEnd = this.p - 1;
    if (b !== null) this.touchFollowingExpressions();
    this.p = save;
    if (b === null) {
      this.restoreMax(saveMax);
      return;
    }
    if (legacy && a._type === "Name") {
      throw this.errorFromTo(a, b, `Missing parentheses in call to '${a.id}'. Did you mean ${a.id}(...)?`);
    }
    const firstIdx = this.findTokenAt(a);
    const ft = this.toks[firstIdx];
    if (ft !== undefined && ft.type === TokenType.Name) {
      const n = this.toks[firstIdx + 1];
      const softKeyword = ft.value === "match" || ft.value === "case" || ft.value === "type" || ft.value === "_";
      if (n.type === TokenType.String || n.type === TokenType.FStringStart || softKeyword) {
        this.restoreMax(saveMax);
        return;
      }
    }
    if (this.parenLevelAt(bEnd) <= 0) {
      this.restoreMax(saveMax);
      return;
    }
    throw this.errorFromTo(a, b, "invalid syntax. Perhaps you forgot a comma?");
  }

  /**
   * CPython's second pass retries invalid_expression at the following expression (`a b c`), fetching its
   * tokens; a tokenizer error among them (an unterminated f-string, say) is then raised. Only moves the lookahead.
   */
  touchFollowingExpressions(): void {
    try {
      if (this.startsExpressionForComma(this.peek())) this.expression();
      if (this.peek().type === TokenType.FStringStart) this.peekAt(1);
    } catch (e) {
      if (!(e instanceof ParseFail) && !(e instanceof PySyntaxError)) throw e;
    }
  }

  startsExpressionForComma(t: Token): boolean {
    switch (t.type) {
      case TokenType.Name:
      case TokenType.Number:
      case TokenType.String:
      case TokenType.FStringStart:
        return true;
      case TokenType.Keyword:
        return t.value === "None" || t.value === "True" || t.value === "False" || t.value === "lambda" || t.value === "await" || t.value === "not";
      case TokenType.Op:
        return t.value === "(" || t.value === "[" || t.value === "{" || t.value === "~" || t.value === "...";
      default:
        return false;
    }
  }

  /** Bracket nesting level just after token index i. */
  parenLevelAt(i: number): number {
    let level = 0;
    for (let k = 0; k <= i; k++) {
      const t = this.toks[k];
      if (t.type === TokenType.Op) {
        const v = t.value;
        if (v === "(" || v === "[" || v === "{") level++;
        else if (v === ")" || v === "]" || v === "}") level--;
      } else if (t.type === TokenType.FStringStart) level += 0;
    }
    return level;
  }

  findTokenAt(n: A.Located): number {
    for (let k = this.p - 1; k >= 0; k--) {
      const t = this.toks[k];
      if (t.lineno === n.lineno && t.col === n.col_offset) return k;
      if (t.lineno < n.lineno) break;
    }
    return -1;
  }

  listAtom(): A.Expr {
    this.enter();
    try {
      const open = this.next();
      if (this.at("]")) {
        this.p++;
        return { _type: "List", elts: [], ctx: "Load", ...this.locFrom(this.tokPos(open)) };
      }
      const first = this.starNamedExpression();
      if (this.at("for") || this.at("async")) {
        this.noStarredComprehension(first);
        const gens = this.comprehensions();
        this.expect("]");
        return { _type: "ListComp", elt: first, generators: gens, ...this.locFrom(this.tokPos(open)) };
      }
      const elts = [first];
      while (this.eat(",")) {
        if (this.at("]")) break;
        elts.push(this.starNamedExpression());
      }
      this.forgotParentheses(elts);
      this.expectClosing("]", elts[elts.length - 1]);
      return { _type: "List", elts, ctx: "Load", ...this.locFrom(this.tokPos(open)) };
    } finally {
      this.depth--;
    }
  }

  braceAtom(): A.Expr {
    this.enter();
    try {
      const open = this.next();
      if (this.at("}")) {
        this.p++;
        return { _type: "Dict", keys: [], values: [], ...this.locFrom(this.tokPos(open)) };
      }
      if (this.at("**")) return this.dictRest(open, [], []);
      const first = this.starNamedExpression();
      if (this.at(":") && first._type !== "Starred") {
        this.p++;
        const value = this.dictValue();
        if (this.at("for") || this.at("async")) {
          const gens = this.comprehensions();
          this.expect("}");
          return { _type: "DictComp", key: first, value, generators: gens, ...this.locFrom(this.tokPos(open)) };
        }
        if (this.eat(",")) return this.dictRest(open, [first], [value]);
        this.expectClosing("}", value);
        return { _type: "Dict", keys: [first], values: [value], ...this.locFrom(this.tokPos(open)) };
      }
      if (this.at("for") || this.at("async")) {
        this.noStarredComprehension(first);
        const gens = this.comprehensions();
        this.expect("}");
        return { _type: "SetComp", elt: first, generators: gens, ...this.locFrom(this.tokPos(open)) };
      }
      const elts = [first];
      while (this.eat(",")) {
        if (this.at("}")) break;
        elts.push(this.starNamedExpression());
      }
      this.forgotParentheses(elts);
      this.expectClosing("}", elts[elts.length - 1]);
      return { _type: "Set", elts, ...this.locFrom(this.tokPos(open)) };
    } finally {
      this.depth--;
    }
  }

  /** A dict display value after ':'; `{k: }` and `{k: *v}` get CPython's messages. */
  dictValue(): A.Expr {
    const t = this.peek();
    if (t.type === TokenType.Op && (t.value === "}" || t.value === ",")) {
      throw this.errorAtToken(this.last(), "expression expected after dictionary key and ':'");
    }
    if (t.type === TokenType.Op && t.value === "*") {
      this.p++;
      const v = this.bitwiseOr();
      throw this.errorFromTo(this.tokPos(t), v, "cannot use a starred expression in a dictionary value");
    }
    return this.expression();
  }

  noStarredComprehension(first: A.Expr): void {
    if (first._type === "Starred") throw this.errorAtNode(first, "iterable unpacking cannot be used in comprehension");
  }

  /** `[a, b for ...]`: CPython's "did you forget parentheses around the comprehension target?". */
  forgotParentheses(elts: A.Expr[]): void {
    if (elts.length > 1 && (this.at("for") || (this.at("async") && this.peekAt(1).value === "for"))) {
      throw this.errorFromTo(elts[0], elts[elts.length - 1], "did you forget parentheses around the comprehension target?");
    }
  }

  dictRest(open: Token, keys: (A.Expr | null)[], values: A.Expr[]): A.Dict {
    while (!this.at("}")) {
      if (this.at("**")) {
        const star = this.next();
        keys.push(null);
        values.push(this.bitwiseOr());
        if (this.at("for") || this.at("async")) throw this.errorAtToken(star, "dict unpacking cannot be used in dict comprehension");
      } else {
        const k = this.expression();
        if (!this.at(":")) {
          {
            const err = this.errorRange("':' expected after dictionary key", k.lineno, k.end_col_offset - 1, k.end_lineno, -1);
            err.end_offset = 0;
            throw err;
          }
          throw FAIL;
        }
        this.p++;
        keys.push(k);
        const v = this.dictValue();
        values.push(v);
        if (!this.at(",") && !this.at("}")) this.invalidAfterExpression(v);
      }
      if (!this.eat(",")) break;
    }
    this.expect("}");
    return { _type: "Dict", keys, values, ...this.locFrom(this.tokPos(open)) };
  }

  // ---- strings and f-strings ----

  strings(): A.Expr {
    const first = this.peek();
    // Fast path: one plain string literal.
    if (first.type === TokenType.String) {
      const n = this.toks[this.p + 1];
      if (n.type !== TokenType.String && n.type !== TokenType.FStringStart) {
        this.p++;
        if (this.p > this.max) this.max = this.p;
        const d = this.decodeString(first);
        const value = d.bytes ? new BytesConst(latin1ToBytes(d.value)) : d.value;
        return { _type: "Constant", value, kind: d.u ? "u" : null, ...this.span(first, first) };
      }
    }
    const pieces: A.Expr[] = [];
    const lit = new LiteralRun();
    let sawF = false;
    let sawBytes = false;
    let sawStr = false;
    let u = false;
    let bytesValue = "";
    let text = "";
    for (;;) {
      const t = this.peek();
      if (t.type === TokenType.String) {
        this.p++;
        const d = this.decodeString(t);
        if (t === first) u = d.u;
        if (d.bytes) sawBytes = true;
        else sawStr = true;
        if (d.bytes) {
          bytesValue += d.value;
          continue;
        }
        text += d.value;
        lit.add(d.value, this.span(t, t), d.u);
      } else if (t.type === TokenType.FStringStart) {
        sawF = true;
        sawStr = true;
        this.p++;
        const c0 = t.value.charCodeAt(0) | 0x20;
        const c1 = t.value.charCodeAt(1) | 0x20;
        this.fstringBody(c0 === 0x72 || c1 === 0x72, lit, pieces);
      } else break;
    }
    const end = this.last();
    // Reported at the token after the literals, as CPython's concatenation does.
    if (sawBytes && sawStr) throw this.errorAtToken(this.peek(), "cannot mix bytes and nonbytes literals");
    if (sawBytes) {
      return { _type: "Constant", value: new BytesConst(latin1ToBytes(bytesValue)), kind: null, ...this.span(first, end) };
    }
    if (!sawF) {
      return { _type: "Constant", value: text, kind: u ? "u" : null, ...this.span(first, end) };
    }
    lit.flush(pieces);
    return { _type: "JoinedStr", values: pieces, ...this.span(first, end) };
  }

  /** The middle parts of one f-string up to and including FSTRING_END. */
  fstringBody(raw: boolean, lit: LiteralRun, pieces: A.Expr[]): void {
    for (;;) {
      const m = this.peek();
      if (m.type === TokenType.FStringEnd) {
        this.p++;
        return;
      }
      if (m.type === TokenType.FStringMiddle) {
        this.p++;
        const v = this.decodeFStringMiddle(m, raw);
        if (v.length > 0) lit.add(v, this.span(m, m), false);
        continue;
      }
      if (m.type === TokenType.Op && m.value === "{") {
        this.replacementField(raw, lit, pieces);
        continue;
      }
      throw FAIL;
    }
  }

  /** Moves warnings collected while decoding a literal to `diagnostics`, with the literal's line. */
  flushWarnings(lineno: number): void {
    for (const msg of this.warnings) this.diagnostics.push({ category: "SyntaxWarning", msg, lineno });
    this.warnings.length = 0;
  }

  decodeString(t: Token): DecodedString {
    try {
      const d = decodeStringToken(t.value, this.warnings);
      if (this.warnings.length > 0) this.flushWarnings(t.lineno);
      return d;
    } catch (e) {
      if (e instanceof EscapeError) throw this.errorAtToken(t, e.msg);
      throw e;
    }
  }

  decodeFStringMiddle(t: Token, raw: boolean): string {
    if (raw || t.value.indexOf("\\") < 0) return t.value;
    try {
      const v = decodeEscapes(t.value, false, this.warnings);
      if (this.warnings.length > 0) this.flushWarnings(t.lineno);
      return v;
    } catch (e) {
      // CPython reports these at the token after the literal part.
      if (e instanceof EscapeError) throw this.errorAtToken(this.peek(), e.msg);
      throw e;
    }
  }

  /** '{' expression ['='] ['!' NAME] [':' format_spec] '}' inside an f-string; appends to `pieces`. */
  replacementField(raw: boolean, lit: LiteralRun, pieces: A.Expr[]): void {
    const open = this.next();
    this.fstringDepth++;
    let value: A.Expr;
    try {
      const first = this.peek();
      if (first.type === TokenType.Op && (first.value === "}" || first.value === "!" || first.value === "=" || first.value === ":")) {
        throw this.errorAtToken(first, `f-string: valid expression required before '${first.value}'`);
      }
      if (!this.startsExpression() || (first.type === TokenType.Op && first.value === "**")) {
        throw this.errorAtToken(first, "f-string: expecting a valid expression after '{'");
      }
      try {
        value = this.at("yield") ? this.yieldExpr() : this.starExpressions();
      } catch (e) {
        // `'{' !(yield_expr | star_expressions)`: no expression parses here at all.
        if (!(e instanceof ParseFail) || this.toks[this.max].type === TokenType.ErrorEof) throw e;
        throw this.errorAtToken(first, "f-string: expecting a valid expression after '{'");
      }
      if (!this.at("}") && !this.at("=") && !this.at("!") && !this.at(":")) this.invalidAfterExpression(value);
    } finally {
      this.fstringDepth--;
    }
    let debug = false;
    if (this.at("=")) {
      this.p++;
      // The text of the expression, the '=' and the whitespace around it, up to what follows.
      const nextTok = this.peek();
      lit.add(this.src.slice(open.end, nextTok.start), { lineno: open.endLineno, col_offset: open.endCol, end_lineno: nextTok.lineno, end_col_offset: nextTok.col }, false);
      debug = true;
    }
    lit.flush(pieces);
    let conversion = -1;
    if (this.at("!")) {
      const bang = this.next();
      const c = this.peek();
      if (c.type === TokenType.Name && c.start !== bang.end) {
        throw this.errorRange("f-string: conversion type must come right after the exclamanation mark", bang.lineno, bang.col, c.endLineno, c.endCol);
      }
      if (c.type !== TokenType.Name) {
        const missing = c.type === TokenType.Op && (c.value === ":" || c.value === "}");
        throw this.errorAtToken(c, missing ? "f-string: missing conversion character" : "f-string: invalid conversion character");
      }
      this.p++;
      if (c.value === "s") conversion = 115;
      else if (c.value === "r") conversion = 114;
      else if (c.value === "a") conversion = 97;
      else throw this.errorAtToken(c, `f-string: invalid conversion character '${c.value}': expected 's', 'r', or 'a'`);
    }
    let formatSpec: A.JoinedStr | null = null;
    if (this.at(":")) {
      const colon = this.next();
      const values: A.Expr[] = [];
      const specLit = new LiteralRun();
      for (;;) {
        const m = this.peek();
        if (m.type === TokenType.FStringMiddle) {
          this.p++;
          const v = this.decodeFStringMiddle(m, raw);
          if (v.length > 0) specLit.add(v, this.span(m, m), false);
        } else if (m.type === TokenType.Op && m.value === "{") {
          this.replacementField(raw, specLit, values);
        } else break;
      }
      specLit.flush(values);
      formatSpec = { _type: "JoinedStr", values, ...this.locFrom(this.tokPos(colon)) };
      if (!this.at("}")) throw this.errorAtToken(this.peek(), "f-string: expecting '}', or format specs");
    }
    if (!this.at("}")) {
      const t = this.peek();
      if (t.type === TokenType.FStringEnd || t.type === TokenType.Newline || t.type === TokenType.EndMarker) throw this.errorAtToken(t, "f-string: expecting '}'");
      if (conversion === -1 && formatSpec === null && !debug) throw this.errorAtToken(t, "f-string: expecting '=', or '!', or ':', or '}'");
      if (formatSpec === null && debug && conversion === -1) throw this.errorAtToken(t, "f-string: expecting '!', or ':', or '}'");
      if (formatSpec === null) throw this.errorAtToken(t, "f-string: expecting ':' or '}'");
      throw this.errorAtToken(t, "f-string: expecting '}'");
    }
    const close = this.next();
    if (debug && conversion === -1 && formatSpec === null) conversion = 114;
    pieces.push({ _type: "FormattedValue", value, conversion, format_spec: formatSpec, ...this.span(open, close) });
  }
}

/** Adjacent literal parts of an f-string (and concatenated strings) merged into one Constant spanning them. */
class LiteralRun {
  text = "";
  start: A.Located | null = null;
  end: A.Located | null = null;
  u = false;

  add(text: string, loc: A.Located, u: boolean): void {
    if (this.start === null) {
      this.start = loc;
      this.u = u;
    }
    this.end = loc;
    this.text += text;
  }

  flush(into: A.Expr[]): void {
    if (this.start !== null && this.end !== null && this.text.length > 0) {
      const s = this.start;
      const e = this.end;
      into.push({ _type: "Constant", value: this.text, kind: this.u ? "u" : null, lineno: s.lineno, col_offset: s.col_offset, end_lineno: e.end_lineno, end_col_offset: e.end_col_offset });
    }
    this.text = "";
    this.start = this.end = null;
    this.u = false;
  }

}
