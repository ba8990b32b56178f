// Formats uncaught exceptions exactly as CPython 3.12's traceback module / sys.excepthook: frames with source lines and
// ^^^/~~~^~~~ carets from the position table, repeated-frame elision, chained exceptions, notes, exception groups.
import { None, PyBaseException, PyObject, PyList, PyTuple, typeOf, isinstance, SyntaxErrorType, BaseExceptionGroupType, PyType, isStr, strValue } from "./core";
import * as ops from "./ops";
import { PyTraceback } from "./interpreter";
import { readSourceFile } from "./import";
import { parse } from "../compiler/parser";
import type * as A from "../compiler/ast";

interface FrameSummary {
  filename: string;
  lineno: number;
  name: string;
  endLineno: number;
  colno: number;
  endColno: number;
}

function getLine(filename: string, lineno: number): string | null {
  const src = readSourceFile(filename);
  if (src === null) return null;
  const lines = src.split(/\r\n|\r|\n/);
  if (lineno < 1 || lineno > lines.length) return null;
  return lines[lineno - 1];
}

/** UTF-8 byte offset -> character (code unit) offset within a line. */
function byteToChar(line: string, byteOff: number): number {
  const bytes = Buffer.from(line, "utf8");
  return bytes.subarray(0, byteOff).toString("utf8").length;
}

function summaries(tb: PyTraceback | null): FrameSummary[] {
  const out: FrameSummary[] = [];
  for (let t = tb; t !== null; t = t.next) {
    const code = t.frame.code;
    const pos = code.position(t.lasti);
    const lineno = pos[0] >= 0 ? pos[0] : t.lineno;
    out.push({
      filename: code.co_filename,
      lineno,
      name: code.co_name,
      endLineno: pos[1],
      colno: pos[2],
      endColno: pos[3],
    });
  }
  return out;
}

interface Anchors {
  leftEnd: number;
  rightStart: number;
  primary: string;
  secondary: string;
}

/** The ~~~^~~~ anchors for a binary operation or subscript segment (3.12's _extract_caret_anchors_from_line_segment). */
function caretAnchors(segment: string): Anchors | null {
  let tree: A.Mod;
  try {
    tree = parse(segment, "<string>", "exec");
  } catch {
    return null;
  }
  if (tree._type !== "Module" || tree.body.length !== 1) return null;
  const stmt = tree.body[0];
  if (stmt._type !== "Expr") return null;
  const expr = stmt.value;
  const lines = segment.split("\n");
  const normalize = (lineno: number, offset: number): number => {
    // offsets are UTF-8 byte columns within line `lineno` of the segment; convert to a character offset in the segment
    let base = 0;
    for (let i = 0; i < lineno - 1; i++) base += lines[i].length + 1;
    return base + byteToChar(lines[lineno - 1], offset);
  };
  if (expr._type === "BinOp") {
    let opStart = normalize(expr.left.end_lineno, expr.left.end_col_offset);
    const opEndLimit = normalize(expr.right.lineno, expr.right.col_offset);
    while (opStart < segment.length && /[\s)\\#]/.test(segment[opStart]) && opStart < opEndLimit) {
      if (segment[opStart] === "#") return null;
      opStart++;
    }
    let opEnd = opStart + 1;
    if (opEnd < segment.length && !/\s/.test(segment[opEnd]) && opEnd < opEndLimit && "*/=<>".includes(segment[opEnd]) ) opEnd++;
    if (opEnd < segment.length && "=".includes(segment[opEnd]) && opEnd < opEndLimit) opEnd++;
    if (segment.slice(0, opStart).includes("\n") || segment.slice(0, opEnd).includes("\n")) return null;
    return { leftEnd: opStart, rightStart: opEnd, primary: "~", secondary: "^" };
  }
  if (expr._type === "Subscript") {
    let start = normalize(expr.value.end_lineno, expr.value.end_col_offset);
    while (start < segment.length && segment[start] !== "[") start++;
    const end = normalize(expr.slice.end_lineno, expr.slice.end_col_offset);
    let rightStart = end;
    while (rightStart < segment.length && segment[rightStart] !== "]") rightStart++;
    if (segment.slice(0, rightStart + 1).includes("\n")) return null;
    return { leftEnd: start, rightStart: rightStart + 1, primary: "~", secondary: "^" };
  }
  return null;
}

function formatFrame(f: FrameSummary): string {
  let row = `  File "${f.filename}", line ${f.lineno}, in ${f.name}\n`;
  const original = getLine(f.filename, f.lineno);
  if (original === null) return row;
  const stripped = original.trim();
  if (stripped === "") return row;
  row += `    ${stripped}\n`;
  if (f.colno < 0 || f.endColno < 0) return row;
  const start = byteToChar(original, f.colno);
  let end = byteToChar(original, f.endColno);
  let anchors: Anchors | null = null;
  if (f.lineno === f.endLineno) {
    anchors = caretAnchors(original.slice(start, end));
  } else {
    end = original.replace(/\s+$/, "").length;
  }
  const strippedChars = original.length - original.replace(/^\s+/, "").length;
  if (end - start < stripped.length || (anchors !== null && anchors.rightStart - anchors.leftEnd > 0)) {
    row += "    " + " ".repeat(start - strippedChars);
    if (anchors !== null) {
      row += anchors.primary.repeat(anchors.leftEnd);
      row += anchors.secondary.repeat(anchors.rightStart - anchors.leftEnd);
      row += anchors.primary.repeat(end - start - anchors.rightStart);
    } else row += "^".repeat(end - start);
    row += "\n";
  }
  return row;
}

/** StackSummary.format with "[Previous line repeated N more times]" elision. */
function formatStack(frames: FrameSummary[]): string[] {
  const out: string[] = [];
  let last: FrameSummary | null = null;
  let count = 0;
  const flush = (): void => {
    if (count > 3) {
      const n = count - 3;
      out.push(`  [Previous line repeated ${n} more time${n > 1 ? "s" : ""}]\n`);
    }
  };
  for (const f of frames) {
    if (last === null || last.filename !== f.filename || last.lineno !== f.lineno || last.name !== f.name) {
      flush();
      last = f;
      count = 0;
    }
    count++;
    if (count > 3) continue;
    out.push(formatFrame(f));
  }
  flush();
  return out;
}

function typeQualname(t: PyType): string {
  const mod = t.moduleName;
  const q = t.qualname;
  if (mod === "builtins" || mod === "__main__") return q;
  return `${mod}.${q}`;
}

function safeStr(e: PyObject): string {
  try {
    return ops.str(e);
  } catch {
    return "<exception str() failed>";
  }
}

/** The final "Type: message" lines (plus SyntaxError's source/caret block and the notes). */
function formatExceptionOnly(e: PyBaseException): string[] {
  const t = typeOf(e);
  const stype = typeQualname(t);
  const out: string[] = [];
  if (isinstance(e, SyntaxErrorType)) {
    const d = e.dict!;
    const filename = d.getStr("filename");
    const lineno = d.getStr("lineno");
    const text = d.getStr("text");
    const offset = d.getStr("offset");
    const endOffset = d.getStr("end_offset");
    const endLineno = d.getStr("end_lineno");
    const msg = d.getStr("msg");
    if (lineno !== undefined && lineno !== None) {
      out.push(`  File "${filename === undefined || filename === None ? "<string>" : ops.str(filename)}", line ${ops.str(lineno)}\n`);
    }
    if (text !== undefined && text !== None && isStr(text)) {
      const raw = strValue(text);
      const rtext = raw.replace(/\n$/, "");
      const ltext = rtext.replace(/^[ \t\f]+/, "");
      const spaces = rtext.length - ltext.length;
      out.push(`    ${ltext}\n`);
      if (offset !== undefined && offset !== None) {
        let off = Number(ops.index(offset));
        let end = endOffset !== undefined && endOffset !== None && (endLineno === undefined || endLineno === None || ops.eq(endLineno, lineno ?? None)) ? Number(ops.index(endOffset)) : off + 1;
        if (end === 0 || end <= off) end = off + 1;
        off -= spaces;
        end -= spaces;
        if (off >= 1) {
          const caretSpace = ltext.slice(0, off - 1).replace(/\S/g, " ");
          out.push(`    ${caretSpace}${"^".repeat(Math.max(1, end - off))}\n`);
        }
      }
    }
    out.push(`${stype}: ${msg === undefined || msg === None ? "<no detail available>" : ops.str(msg)}\n`);
  } else {
    const s = safeStr(e);
    out.push(s === "" ? `${stype}\n` : `${stype}: ${s}\n`);
  }
  const notes = e.dict!.getStr("__notes__");
  if (notes !== undefined) {
    if (notes instanceof PyList || notes instanceof PyTuple) {
      for (const n of notes.items) out.push(`${isStr(n) ? strValue(n) : safeReprNote(n)}\n`);
    } else out.push(`${safeReprNote(notes)}\n`);
  }
  return out;
}
function safeReprNote(n: PyObject): string {
  try {
    return ops.repr(n);
  } catch {
    return "<note str() failed>";
  }
}

const MAX_GROUP_WIDTH = 15;
const MAX_GROUP_DEPTH = 10;

/** traceback._ExceptionPrintContext */
class PrintCtx {
  seen = new Set<PyBaseException>();
  depth = 0;
  needClose = false;
  indent(): string {
    return " ".repeat(2 * this.depth);
  }
  emit(out: string[], text: string | string[], margin: string | null = null): void {
    let ind = this.indent();
    if (this.depth) ind += (margin ?? "|") + " ";
    const chunks = typeof text === "string" ? [text] : text;
    for (const chunk of chunks) {
      for (const line of chunk.split(/(?<=\n)/)) if (line !== "") out.push(ind + line);
    }
  }
}

/** TracebackException.format(): the text sys.excepthook prints for e and its chain (including group boxes). */
export function formatException(e: PyBaseException): string {
  const out: string[] = [];
  formatInto(e, new PrintCtx(), out);
  return out.join("");
}

function excGroupItems(e: PyBaseException): PyObject[] | null {
  if (!isinstance(e, BaseExceptionGroupType)) return null;
  return (e.dict!.getStr("__exceptions__") as PyTuple | undefined)?.items ?? [];
}

function formatInto(top: PyBaseException, ctx: PrintCtx, out: string[]): void {
  // collect the chain: [(message, exc)] from outermost to innermost, then print reversed
  const chain: [string | null, PyBaseException][] = [];
  let exc: PyBaseException | null = top;
  let msg: string | null = null;
  while (exc !== null) {
    chain.push([msg, exc]);
    ctx.seen.add(exc);
    const cause: PyObject = exc.cause;
    const context: PyObject = exc.context;
    if (cause instanceof PyBaseException && !ctx.seen.has(cause)) {
      msg = "\nThe above exception was the direct cause of the following exception:\n\n";
      exc = cause;
    } else if (!exc.suppressContext && context instanceof PyBaseException && !ctx.seen.has(context)) {
      msg = "\nDuring handling of the above exception, another exception occurred:\n\n";
      exc = context;
    } else exc = null;
  }
  // messages belong to the exception printed after them
  for (let k = chain.length - 1; k >= 0; k--) {
    const e = chain[k][1];
    const m = k + 1 < chain.length ? chain[k + 1][0] : null;
    void m;
    const before = k < chain.length - 1 ? chain[k + 1][0] : null;
    if (before !== null) ctx.emit(out, before);
    formatOne(e, ctx, out);
  }
}

function formatOne(e: PyBaseException, ctx: PrintCtx, out: string[]): void {
  const items = excGroupItems(e);
  const tb = e.traceback as PyTraceback | null;
  if (items === null) {
    if (tb !== null) {
      ctx.emit(out, "Traceback (most recent call last):\n");
      ctx.emit(out, formatStack(summaries(tb)));
    }
    ctx.emit(out, formatExceptionOnly(e));
    return;
  }
  if (ctx.depth > MAX_GROUP_DEPTH) {
    ctx.emit(out, `... (max_group_depth is ${MAX_GROUP_DEPTH})\n`);
    return;
  }
  const isTop = ctx.depth === 0;
  if (isTop) ctx.depth++;
  if (tb !== null) {
    ctx.emit(out, "Exception Group Traceback (most recent call last):\n", isTop ? "+" : null);
    ctx.emit(out, formatStack(summaries(tb)));
  }
  ctx.emit(out, formatExceptionOnly(e));
  const num = items.length;
  const n = num <= MAX_GROUP_WIDTH ? num : MAX_GROUP_WIDTH + 1;
  ctx.needClose = false;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    if (last) ctx.needClose = true;
    const truncated = i >= MAX_GROUP_WIDTH;
    const title = truncated ? "..." : `${i + 1}`;
    out.push(ctx.indent() + (i === 0 ? "+-" : "  ") + `+---------------- ${title} ----------------\n`);
    ctx.depth++;
    if (!truncated) formatInto(items[i] as PyBaseException, ctx, out);
    else {
      const rem = num - MAX_GROUP_WIDTH;
      ctx.emit(out, `and ${rem} more exception${rem > 1 ? "s" : ""}\n`);
    }
    if (last && ctx.needClose) {
      out.push(ctx.indent() + "+------------------------------------\n");
      ctx.needClose = false;
    }
    ctx.depth--;
  }
  if (isTop) ctx.depth = 0;
}

export { None };
