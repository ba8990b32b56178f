// Decodes Python source files as CPython does (PEP 263): UTF-8 by default, a BOM, or a coding cookie in the first two lines.
import { PypackError } from "./errors";

const COOKIE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

function cookieEncoding(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 400)).toString("latin1").split(/\r\n|\r|\n/, 2);
  for (let i = 0; i < head.length; i++) {
    const m = COOKIE.exec(head[i]);
    if (m) return m[1].toLowerCase();
    // Only a blank/comment first line lets the cookie appear on the second one.
    if (!/^[ \t\f]*(#.*)?$/.test(head[i])) break;
  }
  return null;
}

export function decodeSource(bytes: Uint8Array, filename: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const declared = cookieEncoding(bytes);
  let enc = declared ?? "utf-8";
  if (enc === "utf8" || enc.startsWith("utf-8-") || enc.startsWith("utf_8")) enc = "utf-8";
  if (enc === "latin-1" || enc === "iso-8859-1" || enc === "iso8859-1" || enc === "l1") return Buffer.from(bytes).toString("latin1");
  try {
    return new TextDecoder(enc, { fatal: true }).decode(bytes);
  } catch (err) {
    if (err instanceof RangeError) throw new PypackError(`${filename}: unknown encoding: ${enc}`);
    throw new PypackError(`${filename}: (unicode error) '${enc}' codec can't decode the source`);
  }
}
