// _string: the str.format parsing helpers string.Formatter uses (formatter_parser, formatter_field_name_split).
import { PyObject, PyTuple, PyList, None, valueError } from "../core";
import * as ops from "../ops";
import { makeModule } from "../define";
import { registerNativeModule } from "./registry";

/** Yields (literal, field_name, format_spec, conversion) tuples like CPython's formatteriter. */
function parseFormat(fmt: string): PyObject[] {
  const out: PyObject[] = [];
  let lit = "";
  let i = 0;
  const n = fmt.length;
  while (i < n) {
    const c = fmt[i];
    if (c === "{" || c === "}") {
      if (fmt[i + 1] === c) {
        lit += c;
        out.push(new PyTuple([lit, None, None, None]));
        lit = "";
        i += 2;
        continue;
      }
      if (c === "}") throw valueError("Single '}' encountered in format string");
      let j = i + 1;
      let depth = 1;
      let inBracket = false;
      while (j < n) {
        const d = fmt[j];
        if (d === "[") inBracket = true;
        else if (d === "]") inBracket = false;
        else if (!inBracket && d === "{") depth++;
        else if (!inBracket && d === "}") {
          depth--;
          if (depth === 0) break;
        }
        j++;
      }
      if (j >= n) throw valueError(fmt[n - 1] === "{" || depth > 0 ? "expected '}' before end of string" : "unmatched '{' in format spec");
      const field = fmt.slice(i + 1, j);
      let k = 0;
      let br = false;
      while (k < field.length) {
        const d = field[k];
        if (d === "[") br = true;
        else if (d === "]") br = false;
        else if (!br && (d === "!" || d === ":")) break;
        k++;
      }
      const name = field.slice(0, k);
      let conv: PyObject = None;
      let spec = "";
      let rest = field.slice(k);
      if (rest.startsWith("!")) {
        if (rest.length < 2) throw valueError("end of string while looking for conversion specifier");
        conv = rest[1];
        rest = rest.slice(2);
        if (rest !== "" && !rest.startsWith(":")) throw valueError("expected ':' after conversion specifier");
      }
      if (rest.startsWith(":")) spec = rest.slice(1);
      out.push(new PyTuple([lit, name, spec, conv]));
      lit = "";
      i = j + 1;
    } else {
      lit += c;
      i++;
    }
  }
  if (lit !== "") out.push(new PyTuple([lit, None, None, None]));
  return out;
}

function fieldNameSplit(name: string): PyObject {
  let i = 0;
  while (i < name.length && name[i] !== "." && name[i] !== "[") i++;
  const first = name.slice(0, i);
  const rest: PyObject[] = [];
  while (i < name.length) {
    if (name[i] === ".") {
      let j = i + 1;
      while (j < name.length && name[j] !== "." && name[j] !== "[") j++;
      rest.push(new PyTuple([true, name.slice(i + 1, j)]));
      i = j;
    } else {
      const j = name.indexOf("]", i);
      if (j < 0) throw valueError("Missing ']' in format string");
      const key = name.slice(i + 1, j);
      rest.push(new PyTuple([false, /^\d+$/.test(key) ? parseInt(key, 10) : key]));
      i = j + 1;
    }
  }
  const firstObj: PyObject = /^\d+$/.test(first) ? parseInt(first, 10) : first;
  return new PyTuple([firstObj, ops.getIter(new PyList(rest))]);
}

registerNativeModule("_string", () =>
  makeModule("_string", {
    formatter_parser: (args) => ops.getIter(new PyList(parseFormat(ops.pyStr(args[0])))),
    formatter_field_name_split: (args) => fieldNameSplit(ops.pyStr(args[0])),
  }),
);
