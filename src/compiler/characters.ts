// Character codes and character classes used by the tokenizer (identifiers follow PEP 3131 / Unicode XID).

export const enum Char {
  Tab = 9,
  LineFeed = 10,
  FormFeed = 12,
  CarriageReturn = 13,
  Space = 32,
  Bang = 33,
  DoubleQuote = 34,
  Hash = 35,
  Percent = 37,
  Ampersand = 38,
  SingleQuote = 39,
  OpenParen = 40,
  CloseParen = 41,
  Asterisk = 42,
  Plus = 43,
  Comma = 44,
  Minus = 45,
  Period = 46,
  Slash = 47,
  _0 = 48,
  _1 = 49,
  _7 = 55,
  _9 = 57,
  Colon = 58,
  Semicolon = 59,
  Less = 60,
  Equal = 61,
  Greater = 62,
  At = 64,
  A = 65,
  B = 66,
  E = 69,
  F = 70,
  J = 74,
  N = 78,
  O = 79,
  R = 82,
  U = 85,
  X = 88,
  Z = 90,
  OpenBracket = 91,
  Backslash = 92,
  CloseBracket = 93,
  Caret = 94,
  Underscore = 95,
  a = 97,
  b = 98,
  e = 101,
  f = 102,
  j = 106,
  n = 110,
  o = 111,
  r = 114,
  u = 117,
  x = 120,
  z = 122,
  OpenBrace = 123,
  Bar = 124,
  CloseBrace = 125,
  Tilde = 126,
}

export function isDigit(c: number): boolean {
  return c >= Char._0 && c <= Char._9;
}

export function isHexDigit(c: number): boolean {
  return (c >= Char._0 && c <= Char._9) || (c >= Char.a && c <= 102) || (c >= Char.A && c <= Char.F);
}

/** ASCII characters that may start an identifier; non-ASCII is checked with Unicode properties. */
export function isAsciiIdentStart(c: number): boolean {
  return (c >= Char.a && c <= Char.z) || (c >= Char.A && c <= Char.Z) || c === Char.Underscore;
}

export function isAsciiIdentChar(c: number): boolean {
  return (c >= Char.a && c <= Char.z) || (c >= Char.A && c <= Char.Z) || c === Char.Underscore || (c >= Char._0 && c <= Char._9);
}

// Unicode XID_Start / XID_Continue per PEP 3131 (Other_ID_Start etc. are covered by the ID_* properties).
const ID_START = /^[\p{ID_Start}_\u2118\u212E\u309B\u309C]$/u;
const ID_CONTINUE = /^[\p{ID_Continue}\u00B7\u0387\u1369-\u1371\u19DA\u2118\u212E\u309B\u309C]$/u;

export function isIdentifierStartCodePoint(cp: number): boolean {
  if (cp < 0x80) return isAsciiIdentStart(cp);
  return ID_START.test(String.fromCodePoint(cp));
}

export function isIdentifierCharCodePoint(cp: number): boolean {
  if (cp < 0x80) return isAsciiIdentChar(cp);
  return ID_CONTINUE.test(String.fromCodePoint(cp));
}

/** Checks a whole (already NFKC-normalised) identifier the way CPython's str.isidentifier() does. */
export function isValidIdentifier(name: string): boolean {
  let first = true;
  for (const ch of name) {
    const cp = ch.codePointAt(0) ?? 0;
    if (first ? !isIdentifierStartCodePoint(cp) : !isIdentifierCharCodePoint(cp)) return false;
    first = false;
  }
  return !first;
}

/** Number of UTF-8 bytes of the UTF-16 code unit run src[from, to). */
export function utf8Length(src: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
