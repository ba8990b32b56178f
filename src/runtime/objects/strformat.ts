// printf-style formatting (str % args): parses the format, pulls arguments from a tuple or mapping, and formats
// s/r/a/c and the numeric conversions (numbers via numeric/percentFormat.ts) with CPython's error messages.
import { PyObject, PyTuple, PyDict, PyFloat, PyStrObj, isInt, intValue, isStr, strValue, typeError, valueError, typeOf, PyBase, PyList } from "../core";
import * as ops from "../ops";
import { formatPercent, parsePercentFlags, PercentValue } from "../numeric/percentFormat";
import { setPercentFormatHook } from "./str";
import { asciiRepr } from "../interpreter";

function isMapping(x: PyObject): boolean {
  if (x instanceof PyTuple || isStr(x)) return false;
  if (x instanceof PyDict) return true;
  return x instanceof PyBase && typeOf(x).lookup("__getitem__") !== undefined && !(x instanceof PyList);
}

function numericArg(conv: string, v: PyObject): PercentValue {
  if (isInt(v)) return { kind: "int", value: intValue(v) };
  if (v instanceof PyFloat) return { kind: "float", value: v.value };
  const t = typeOf(v);
  if ("diuoxXc".includes(conv)) {
    if (t.lookup("__index__") !== undefined && "oxXc".includes(conv)) return { kind: "int", value: ops.index(v) };
    if (conv === "c") throw typeError("%c requires int or char");
    if (t.lookup("__int__") !== undefined && "diu".includes(conv)) return { kind: "int", value: ops.index(ops.call(t.lookup("__int__")!, [v])) };
    if (t.lookup("__index__") !== undefined) return { kind: "int", value: ops.index(v) };
    if ("oxX".includes(conv)) throw typeError(`%${conv} format: an integer is required, not ${t.name}`);
    throw typeError(`%${conv} format: a real number is required, not ${t.name}`);
  }
  if (t.lookup("__float__") !== undefined || t.lookup("__index__") !== undefined) return { kind: "float", value: ops.asFloat(v) };
  throw typeError(`must be real number, not ${t.name}`);
}

export function percentFormat(fmt: string, args: PyObject, bytesMode = false): string {
  let out = "";
  let argIndex = 0;
  const tupleArgs = args instanceof PyTuple ? args.items : null;
  const mapping = tupleArgs === null && isMapping(args) ? args : null;
  const argCount = tupleArgs !== null ? tupleArgs.length : 1;
  let usedMapping = false;
  const nextArg = (): PyObject => {
    if (tupleArgs !== null) {
      if (argIndex >= tupleArgs.length) throw typeError("not enough arguments for format string");
      return tupleArgs[argIndex++];
    }
    if (argIndex >= 1) throw typeError("not enough arguments for format string");
    argIndex++;
    return args;
  };
  let i = 0;
  const n = fmt.length;
  while (i < n) {
    const j = fmt.indexOf("%", i);
    if (j < 0) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, j);
    i = j + 1;
    if (i >= n) throw valueError("incomplete format");
    let key: PyObject | null = null;
    if (fmt[i] === "(") {
      if (mapping === null) throw typeError("format requires a mapping");
      let depth = 1;
      let k = i + 1;
      while (k < n && depth > 0) {
        if (fmt[k] === "(") depth++;
        else if (fmt[k] === ")") depth--;
        k++;
      }
      if (depth > 0) throw valueError("incomplete format key");
      key = fmt.slice(i + 1, k - 1);
      i = k;
      usedMapping = true;
    }
    let flags = "";
    while (i < n && "-+ #0".includes(fmt[i])) flags += fmt[i++];
    let width = -1;
    if (fmt[i] === "*") {
      const w = nextArg();
      if (!isInt(w)) throw typeError("* wants int");
      width = Number(intValue(w));
      if (width < 0) {
        flags += "-";
        width = -width;
      }
      i++;
    } else {
      let ws = "";
      while (i < n && fmt[i] >= "0" && fmt[i] <= "9") ws += fmt[i++];
      if (ws) width = parseInt(ws, 10);
    }
    let prec = -1;
    if (fmt[i] === ".") {
      i++;
      if (fmt[i] === "*") {
        const p = nextArg();
        if (!isInt(p)) throw typeError("* wants int");
        prec = Math.max(0, Number(intValue(p)));
        i++;
      } else {
        let ps = "";
        while (i < n && fmt[i] >= "0" && fmt[i] <= "9") ps += fmt[i++];
        prec = ps ? parseInt(ps, 10) : 0;
      }
    }
    while (i < n && "hlL".includes(fmt[i])) i++;
    if (i >= n) throw valueError("incomplete format");
    const conv = fmt[i++];
    if (conv === "%") {
      out += "%";
      continue;
    }
    const v = key !== null ? ops.getItem(mapping!, key) : nextArg();
    const f = parsePercentFlags(flags);
    let s: string;
    switch (conv) {
      case "b":
      case "s":
      case "r":
      case "a": {
        if (conv === "b" && !bytesMode) throw valueError(`unsupported format character 'b' (0x62) at index ${i - 1}`);
        s = conv === "s" || conv === "b" ? ops.str(v) : conv === "r" ? ops.repr(v) : asciiRepr(ops.repr(v));
        if (bytesMode && conv !== "s" && conv !== "b") s = Buffer.from(s, "utf8").toString("latin1");
        if (prec >= 0) s = Array.from(s).slice(0, prec).join("");
        break;
      }
      case "c": {
        if (isStr(v)) {
          const cs = strValue(v);
          if (ops.strLen(cs) !== 1) throw typeError("%c requires int or char");
          s = cs;
        } else {
          s = formatPercent("c", f, -1, -1, numericArg("c", v));
        }
        break;
      }
      case "d":
      case "i":
      case "u":
      case "o":
      case "x":
      case "X":
      case "e":
      case "E":
      case "f":
      case "F":
      case "g":
      case "G":
        out += formatPercent(conv, f, width, prec, numericArg(conv, v));
        continue;
      default:
        throw valueError(`unsupported format character '${conv}' (0x${conv.charCodeAt(0).toString(16)}) at index ${i - 1}`);
    }
    const len = ops.strLen(s);
    if (width > len) s = f.left ? s + " ".repeat(width - len) : " ".repeat(width - len) + s;
    out += s;
  }
  if (tupleArgs !== null && argIndex < argCount && !usedMapping) throw typeError("not all arguments converted during string formatting");
  if (tupleArgs === null && mapping === null && argIndex === 0) throw typeError("not all arguments converted during string formatting");
  return out;
}
setPercentFormatHook(percentFormat);
export { PyStrObj };
