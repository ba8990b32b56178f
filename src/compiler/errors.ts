// Python syntax errors raised by the front end (SyntaxError, IndentationError, TabError) and CPython's way of printing them.

export type SyntaxErrorKind = "SyntaxError" | "IndentationError" | "TabError";

/** A Python syntax error; the fields mirror CPython's SyntaxError attributes (offsets are 1-based character offsets). */
export class PySyntaxError extends Error {
  constructor(
    public kind: SyntaxErrorKind,
    public msg: string,
    public filename: string,
    public lineno: number,
    public offset: number,
    public text: string | null,
    public end_lineno: number,
    public end_offset: number,
  ) {
    super(`${kind}: ${msg} (${filename}, line ${lineno})`);
    this.name = kind;
  }
}

/** UTF-8 length of the first `chars` characters (code points) of `text`. */
function utf8PrefixLength(text: string, chars: number): number {
  let bytes = 0;
  let seen = 0;
  for (const ch of text) {
    if (seen >= chars) break;
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    seen++;
  }
  return bytes + Math.max(0, chars - seen);
}

/**
 * The text CPython writes to stderr for an uncaught SyntaxError (pythonrun.c print_error_text):
 * leading whitespace of the line is stripped, the caret line is indented in UTF-8 bytes.
 */
export function formatSyntaxError(e: PySyntaxError): string {
  // Errors without a location (source decoding) print only the message line.
  if (e.lineno <= 0) return `${e.kind}: ${e.msg}\n`;
  let out = `  File "${e.filename}", line ${e.lineno}\n`;
  if (e.text !== null) {
    // Only plain SyntaxErrors show a caret range; a range running past the line ends at the line's end.
    const endOffset = e.kind !== "SyntaxError" ? -1 : e.end_lineno !== e.lineno ? Infinity : e.end_offset;
    out += errorTextBlock(e.text, e.offset, endOffset);
  }
  out += `${e.kind}: ${e.msg}\n`;
  return out;
}

function errorTextBlock(textIn: string, charOffset: number, charEndOffset: number): string {
  const encoder = new TextEncoder();
  // CPython works on the UTF-8 bytes of the line; offsets are converted from characters to bytes first.
  let offset = charOffset > 0 ? utf8PrefixLength(textIn, charOffset - 1) : -1;
  let endOffset = charEndOffset === Infinity ? Infinity : charEndOffset > 0 ? utf8PrefixLength(textIn, charEndOffset - 1) : -1;
  let text = textIn;
  let strip = 0;
  while (strip < text.length && (text[strip] === " " || text[strip] === "\t" || text[strip] === "\f")) strip++;
  text = text.slice(strip);
  offset -= strip;
  endOffset -= strip;
  let len = encoder.encode(text).length;
  if (text.endsWith("\n")) len--;
  if (offset > len) offset = len;
  // Skip past newlines embedded in the text (multi-line tokens).
  for (;;) {
    const nl = text.indexOf("\n");
    if (nl < 0) break;
    const inl = encoder.encode(text.slice(0, nl)).length;
    if (inl >= offset) break;
    text = text.slice(nl + 1);
    len -= inl + 1;
    offset -= inl + 1;
    endOffset -= inl + 1;
  }
  let out = "    " + text;
  if (!text.endsWith("\n")) out += "\n";
  if (offset < 0) return out;
  if (endOffset === Infinity) endOffset = len;
  if (endOffset > len + 1) endOffset = len + 1;
  const carets = endOffset > offset ? endOffset - offset : 1;
  out += "    " + " ".repeat(offset) + "^".repeat(carets) + "\n";
  return out;
}
