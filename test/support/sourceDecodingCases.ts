// Byte-level sources for the source-decoding conformance check: PEP 263 coding declarations, BOMs, invalid UTF-8, null bytes.
import type { SourceFile } from "./astCorpus";

/** Each char code of `s` (all < 256) is one byte, so "\xe9" is the byte 0xE9. */
function bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) throw new Error(`not a byte string: ${JSON.stringify(s)}`);
    out[i] = c;
  }
  return out;
}

const CASES: Array<[string, string]> = [
  ["latin1-cookie", "# -*- coding: latin-1 -*-\nx = '\xe9'\n"],
  ["utf8-cookie-equals", "# coding=utf-8\nx = 1\n"],
  ["vim-cookie-line2", "#!/usr/bin/python\n# vim: set fileencoding=iso-8859-15 :\nx = '\xa4'\n"],
  ["cookie-line3-ignored", "\n\n# coding: latin-1\nx = '\xe9'\n"],
  ["cookie-after-blank-line", "\n# coding: latin-1\nx = '\xe9'\n"],
  ["cookie-after-code-line-ignored", "x = 1\n# coding: latin-1\ny = '\xe9'\n"],
  ["bom", "\xef\xbb\xbfx = 1\n"],
  ["bom-latin1-cookie", "\xef\xbb\xbf# coding: latin-1\nx = 1\n"],
  ["bom-utf8-cookie", "\xef\xbb\xbf# coding: utf-8\nx = 1\n"],
  ["bom-only", "\xef\xbb\xbf"],
  ["empty", ""],
  ["unknown-encoding", "# coding: uft-8\nx = 1\n"],
  ["unknown-encoding-mbcs", "# coding: mbcs\nx = 1\n"],
  ["invalid-utf8", "x = '\xff'\n"],
  ["invalid-utf8-line3", "x = 1\ny = 2\nz = '\xc3'\n"],
  ["utf8-surrogate-bytes", "x = '\xed\xa0\x80'\n"],
  ["utf8-overlong", "x = '\xc0\xaf'\n"],
  ["valid-utf8", "x = '\xc3\xa9'\ny = '\xf0\x9f\x98\x80'\n"],
  ["ascii-cookie-non-ascii", "# coding: ascii\nx = '\xe9'\n"],
  ["cookie-after-code-same-line", "x = 1 # coding: latin-1\ny = '\xe9'\n"],
  ["cookie-crlf", "# coding: latin-1\r\nx = '\xe9'\r\n"],
  ["cookie-form-feed", "\x0c# coding: latin-1\nx = '\xe9'\n"],
  ["cookie-indented", "  # coding: latin-1\nx = '\xe9'\n"],
  ["cookie-no-spaces", "#coding:latin-1\nx = '\xe9'\n"],
  ["cookie-encoding-word", "# encoding: latin1\nx = '\xe9'\n"],
  ["cookie-mixed-case", "# -*- coding: Latin-1 -*-\nx = '\xe9'\n"],
  ["cookie-utf-8-underscore", "# coding: utf_8\nx = '\xc3\xa9'\n"],
  ["cookie-iso8859-1", "# coding: iso8859-1\nx = '\xe9'\n"],
  ["cookie-empty-name", "# coding:\nx = 1\n"],
  ["cookie-cp1252", "# coding: cp1252\nx = '\x80'\n"],
  ["cookie-euc-jp", "# coding: euc-jp\nx = '\xa4\xa2'\n"],
  ["cookie-shift-jis", "# coding: shift_jis\nx = '\x82\xa0'\n"],
  ["cookie-utf-16", "# coding: utf-16\nx = 1\n"],
  ["cookie-no-newline-at-end", "# coding: latin-1\nx = '\xe9'"],
  ["latin1-identifier", "# coding: latin-1\n\xe9t\xe9 = 1\n"],
  ["latin1-bytes-literal", "# coding: latin-1\nx = b'\xe9'\n"],
  ["null-byte", "x = 1\x00\n"],
  ["utf16-bom", "\xfe\xffx = 1\n"],
  ["shebang-then-cookie", "#!python\n# coding: utf8\nx = '\xc3\xa9'\n"],
  ["cookie-in-docstring-ignored", "'''\n# coding: latin-1\n'''\nx = '\xe9'\n"],
];

/** The cases as corpus files (name = case name); python3 never reads them, Pyodide gets the bytes directly. */
export function sourceDecodingSources(): SourceFile[] {
  return CASES.map(([name, text]) => ({ name, bytes: bytes(text), origin: { path: "" } }));
}
