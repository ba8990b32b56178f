// marshal: CPython's marshal format (version 4 type codes, no references) for None/bool/int/float/complex/str/bytes/
// tuple/list/dict/set/frozenset/Ellipsis/StopIteration; code objects are not marshallable here (they use the
// compiler's own serialised form).
import { PyObject, PyTuple, PyList, PyDict, PyBytes, PyByteArray, PyFloat, PyComplex, None, Ellipsis, valueError, typeError, isInt, intValue, isStr, strValue, newException, EOFErrorType, normBig, StopIterationType, typeOf } from "../core";
import * as ops from "../ops";
import { makeModule, parseArgs } from "../define";
import { registerNativeModule } from "./registry";
import { PySet, newSet } from "../objects/set";

function dumps(v: PyObject, out: number[]): void {
  const u32 = (n: number): void => {
    out.push(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff);
  };
  const f64 = (x: number): void => {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(x);
    out.push(...b);
  };
  if (v === None) out.push(0x4e);
  else if (v === true) out.push(0x54);
  else if (v === false) out.push(0x46);
  else if (v === Ellipsis) out.push(0x2e);
  else if (v === StopIterationType) out.push(0x53);
  else if (isInt(v)) {
    const n = intValue(v);
    if (typeof n === "number" && n >= -0x80000000 && n <= 0x7fffffff) {
      out.push(0x69);
      u32(n);
    } else {
      // 'l': 15-bit digits, sign in the digit count
      let b = BigInt(n);
      const neg = b < 0n;
      if (neg) b = -b;
      const digits: number[] = [];
      while (b > 0n) {
        digits.push(Number(b & 0x7fffn));
        b >>= 15n;
      }
      out.push(0x6c);
      u32(neg ? -digits.length : digits.length);
      for (const d of digits) out.push(d & 0xff, d >> 8);
    }
  } else if (v instanceof PyFloat) {
    out.push(0x67);
    f64(v.value);
  } else if (v instanceof PyComplex) {
    out.push(0x79);
    f64(v.real);
    f64(v.imag);
  } else if (isStr(v)) {
    const b = Buffer.from(strValue(v), "utf8");
    out.push(0x75);
    u32(b.length);
    out.push(...b);
  } else if (v instanceof PyBytes || v instanceof PyByteArray) {
    const d = v instanceof PyBytes ? v.data : v.data.subarray(0, v.length);
    out.push(0x73);
    u32(d.length);
    out.push(...d);
  } else if (v instanceof PyTuple) {
    out.push(0x28);
    u32(v.items.length);
    for (const x of v.items) dumps(x, out);
  } else if (v instanceof PyList) {
    out.push(0x5b);
    u32(v.items.length);
    for (const x of v.items) dumps(x, out);
  } else if (v instanceof PyDict) {
    out.push(0x7b);
    for (const [k, x] of v.entries()) {
      dumps(k, out);
      dumps(x, out);
    }
    out.push(0x30);
  } else if (v instanceof PySet) {
    out.push(typeOf(v).name === "frozenset" ? 0x3e : 0x3c);
    const items = v.items();
    u32(items.length);
    for (const x of items) dumps(x, out);
  } else throw valueError("unmarshallable object");
}

function loads(d: Uint8Array): PyObject {
  let p = 0;
  const need = (n: number): void => {
    if (p + n > d.length) throw newException(EOFErrorType, "EOF read where object expected");
  };
  const i32 = (): number => {
    need(4);
    const v = d[p] | (d[p + 1] << 8) | (d[p + 2] << 16) | (d[p + 3] << 24);
    p += 4;
    return v;
  };
  const f64 = (): number => {
    need(8);
    const v = Buffer.from(d.buffer, d.byteOffset + p, 8).readDoubleLE(0);
    p += 8;
    return v;
  };
  const r = (): PyObject => {
    need(1);
    const code = d[p++] & 0x7f;
    switch (String.fromCharCode(code)) {
      case "N":
        return None;
      case "T":
        return true;
      case "F":
        return false;
      case ".":
        return Ellipsis;
      case "S":
        return StopIterationType;
      case "i":
        return i32();
      case "l": {
        const n = i32();
        let b = 0n;
        for (let k = Math.abs(n) - 1; k >= 0; k--) {
          need(2);
          const dig = d[p + 2 * k] | (d[p + 2 * k + 1] << 8);
          b = (b << 15n) | BigInt(dig);
        }
        p += 2 * Math.abs(n);
        return normBig(n < 0 ? -b : b);
      }
      case "g":
        return new PyFloat(f64());
      case "y":
        return new PyComplex(f64(), f64());
      case "u":
      case "t":
      case "a":
      case "A": {
        const n = i32();
        need(n);
        const s = Buffer.from(d.subarray(p, p + n)).toString(code === 0x75 || code === 0x74 ? "utf8" : "latin1");
        p += n;
        return s;
      }
      case "z":
      case "Z": {
        need(1);
        const n = d[p++];
        need(n);
        const s = Buffer.from(d.subarray(p, p + n)).toString("latin1");
        p += n;
        return s;
      }
      case "s": {
        const n = i32();
        need(n);
        const b = new PyBytes(d.slice(p, p + n));
        p += n;
        return b;
      }
      case "(":
      case "[":
      case "<":
      case ">":
      case ")": {
        let n: number;
        if (code === 0x29) {
          need(1);
          n = d[p++];
        } else n = i32();
        const items: PyObject[] = [];
        for (let k = 0; k < n; k++) items.push(r());
        if (code === 0x5b) return new PyList(items);
        if (code === 0x3c) return newSet(items, false);
        if (code === 0x3e) return newSet(items, true);
        return new PyTuple(items);
      }
      case "{": {
        const dd = new PyDict();
        for (;;) {
          need(1);
          if (d[p] === 0x30) {
            p++;
            return dd;
          }
          const k = r();
          dd.set(k, r());
        }
      }
      default:
        throw valueError("bad marshal data (unknown type code)");
    }
  };
  return r();
}

registerNativeModule("marshal", () =>
  makeModule("marshal", {
    version: 4,
    dumps: (args, kw) => {
      const [v] = parseArgs("dumps", args, kw, ["value", "version", "allow_code"], 1, 2);
      const out: number[] = [];
      dumps(v!, out);
      return new PyBytes(Uint8Array.from(out));
    },
    loads: (args, kw) => {
      const [b] = parseArgs("loads", args, kw, ["bytes", "allow_code"], 1, 1);
      if (!(b instanceof PyBytes) && !(b instanceof PyByteArray)) throw typeError(`a bytes-like object is required, not '${typeOf(b!).name}'`);
      return loads(b instanceof PyBytes ? b.data : b.data.subarray(0, b.length));
    },
    dump: (args) => {
      const out: number[] = [];
      dumps(args[0], out);
      return ops.callMethod(args[1], "write", [new PyBytes(Uint8Array.from(out))]);
    },
    load: (args) => {
      const b = ops.callMethod(args[0], "read", []);
      if (!(b instanceof PyBytes)) throw typeError("file.read() returned not bytes");
      return loads(b.data);
    },
  }),
);
