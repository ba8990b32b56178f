// The `_blake2` native module: BLAKE2b/BLAKE2s (RFC 7693) with every CPython parameter (digest_size, key, salt,
// person, tree parameters), copy() and incremental update. Words are BigInts: simple, and fast enough for hashlib use.
import { None, PyObject, PyBase, PyBytes, PyType, ObjectType, makeBuiltinType, typeError, typeOf, valueError } from "../core";
import { defGetSet, defMethod, defStaticMethod, makeModule, parseArgs, arity } from "../define";
import * as ops from "../ops";
import { registerNativeModule } from "./registry";
import { hashData } from "./_hashlib";

interface Variant {
  name: "blake2b" | "blake2s";
  /** word size in bits */
  w: number;
  rounds: number;
  block: number;
  maxDigest: number;
  salt: number;
  person: number;
  rot: [number, number, number, number];
  iv: bigint[];
}
const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];
const B: Variant = {
  name: "blake2b",
  w: 64,
  rounds: 12,
  block: 128,
  maxDigest: 64,
  salt: 16,
  person: 16,
  rot: [32, 24, 16, 63],
  iv: [0x6a09e667f3bcc908n, 0xbb67ae8584caa73bn, 0x3c6ef372fe94f82bn, 0xa54ff53a5f1d36f1n, 0x510e527fade682d1n, 0x9b05688c2b3e6c1fn, 0x1f83d9abfb41bd6bn, 0x5be0cd19137e2179n],
};
const S: Variant = {
  name: "blake2s",
  w: 32,
  rounds: 10,
  block: 64,
  maxDigest: 32,
  salt: 8,
  person: 8,
  rot: [16, 12, 8, 7],
  iv: [0x6a09e667n, 0xbb67ae85n, 0x3c6ef372n, 0xa54ff53an, 0x510e527fn, 0x9b05688cn, 0x1f83d9abn, 0x5be0cd19n],
};

/** The hashing state: chain value h, byte counter, buffered (not yet compressed) input. */
class Blake2State {
  h: bigint[];
  t = 0n;
  buf: number[] = [];
  constructor(
    public v: Variant,
    public digestSize: number,
    param: Uint8Array,
    public lastNode: boolean,
  ) {
    const wb = v.w / 8;
    this.h = v.iv.map((x, i) => x ^ readWord(param, i * wb, wb));
  }
  clone(): Blake2State {
    const c = Object.create(Blake2State.prototype) as Blake2State;
    Object.assign(c, { v: this.v, digestSize: this.digestSize, lastNode: this.lastNode, h: [...this.h], t: this.t, buf: [...this.buf] });
    return c;
  }
  update(d: Uint8Array): void {
    for (let i = 0; i < d.length; i++) {
      // A full block is compressed only once more input follows: the last block needs the final flag.
      if (this.buf.length === this.v.block) {
        this.t += BigInt(this.v.block);
        this.compress(this.buf, false);
        this.buf = [];
      }
      this.buf.push(d[i]);
    }
  }
  digest(): Uint8Array {
    const c = this.clone();
    c.t += BigInt(c.buf.length);
    const block = [...c.buf];
    while (block.length < c.v.block) block.push(0);
    c.compress(block, true);
    const wb = c.v.w / 8;
    const out = new Uint8Array(8 * wb);
    c.h.forEach((x, i) => writeWord(out, i * wb, wb, x));
    return out.subarray(0, c.digestSize);
  }
  private compress(block: number[], last: boolean): void {
    const { w, rounds, rot, iv } = this.v;
    const mask = (1n << BigInt(w)) - 1n;
    const W = BigInt(w);
    const rotr = (x: bigint, n: number): bigint => ((x >> BigInt(n)) | (x << (W - BigInt(n)))) & mask;
    const wb = w / 8;
    const m: bigint[] = [];
    const bytes = Uint8Array.from(block);
    for (let i = 0; i < 16; i++) m.push(readWord(bytes, i * wb, wb));
    const v = [...this.h, ...iv];
    v[12] ^= this.t & mask;
    v[13] ^= (this.t >> W) & mask;
    if (last) {
      v[14] ^= mask;
      if (this.lastNode) v[15] ^= mask;
    }
    const G = (a: number, b: number, c: number, d: number, x: bigint, y: bigint): void => {
      v[a] = (v[a] + v[b] + x) & mask;
      v[d] = rotr(v[d] ^ v[a], rot[0]);
      v[c] = (v[c] + v[d]) & mask;
      v[b] = rotr(v[b] ^ v[c], rot[1]);
      v[a] = (v[a] + v[b] + y) & mask;
      v[d] = rotr(v[d] ^ v[a], rot[2]);
      v[c] = (v[c] + v[d]) & mask;
      v[b] = rotr(v[b] ^ v[c], rot[3]);
    };
    for (let r = 0; r < rounds; r++) {
      const s = SIGMA[r % 10];
      G(0, 4, 8, 12, m[s[0]], m[s[1]]);
      G(1, 5, 9, 13, m[s[2]], m[s[3]]);
      G(2, 6, 10, 14, m[s[4]], m[s[5]]);
      G(3, 7, 11, 15, m[s[6]], m[s[7]]);
      G(0, 5, 10, 15, m[s[8]], m[s[9]]);
      G(1, 6, 11, 12, m[s[10]], m[s[11]]);
      G(2, 7, 8, 13, m[s[12]], m[s[13]]);
      G(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (let i = 0; i < 8; i++) this.h[i] ^= v[i] ^ v[i + 8];
  }
}
function readWord(d: Uint8Array, at: number, n: number): bigint {
  let x = 0n;
  for (let k = n - 1; k >= 0; k--) x = (x << 8n) | BigInt(d[at + k] ?? 0);
  return x;
}
function writeWord(d: Uint8Array, at: number, n: number, x: bigint): void {
  for (let k = 0; k < n; k++) d[at + k] = Number((x >> BigInt(8 * k)) & 0xffn);
}

class PyBlake extends PyBase {
  constructor(
    type: PyType,
    public st: Blake2State,
  ) {
    super(type);
  }
}
const X = (x: PyObject): PyBlake => {
  if (!(x instanceof PyBlake)) throw typeError(`descriptor requires a '_blake2' object but received '${typeOf(x).name}'`);
  return x;
};

const PARAMS = ["data", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset", "node_depth", "inner_size", "last_node", "usedforsecurity", "string"];

function makeState(v: Variant, vals: (PyObject | undefined)[]): Blake2State {
  const [, digestSize, key, salt, person, fanout, depth, leaf, nodeOffset, nodeDepth, inner, lastNode] = vals;
  const num = (x: PyObject | undefined, d: number): number => (x === undefined ? d : ops.indexNum(x));
  const bytes = (x: PyObject | undefined): Uint8Array => (x === undefined || x === None ? new Uint8Array(0) : hashData(x));
  const ds = num(digestSize, v.maxDigest);
  if (ds < 1 || ds > v.maxDigest) throw valueError(`digest_size must be between 1 and ${v.maxDigest} bytes`);
  const k = bytes(key);
  if (k.length > v.maxDigest) throw valueError(`maximum key length is ${v.maxDigest} bytes`);
  const sl = bytes(salt);
  if (sl.length > v.salt) throw valueError(`maximum salt length is ${v.salt} bytes`);
  const ps = bytes(person);
  if (ps.length > v.person) throw valueError(`maximum person length is ${v.person} bytes`);
  const fo = num(fanout, 1);
  if (fo < 0 || fo > 255) throw valueError("fanout must be between 0 and 255");
  const dp = num(depth, 1);
  if (dp < 1 || dp > 255) throw valueError("depth must be between 1 and 255");
  const ls = num(leaf, 0);
  if (ls < 0 || ls > 0xffffffff) throw valueError("leaf_size is too large");
  const no = BigInt(nodeOffset === undefined ? 0 : ops.index(nodeOffset));
  if (no < 0n || (v.w === 32 && no >= 1n << 48n) || no >= 1n << 64n) throw valueError("node_offset is too large");
  const nd = num(nodeDepth, 0);
  if (nd < 0 || nd > 255) throw valueError("node_depth must be between 0 and 255");
  const is = num(inner, 0);
  if (is < 0 || is > v.maxDigest) throw valueError(`inner_size must be between 0 and is ${v.maxDigest}`);
  // The parameter block (RFC 7693 section 2.5 / BLAKE2 spec): little-endian fields.
  const p = new Uint8Array(v.w === 64 ? 64 : 32);
  p[0] = ds;
  p[1] = k.length;
  p[2] = fo;
  p[3] = dp;
  writeWord(p, 4, 4, BigInt(ls));
  writeWord(p, 8, v.w === 64 ? 8 : 6, no);
  p[v.w === 64 ? 16 : 14] = nd;
  p[v.w === 64 ? 17 : 15] = is;
  p.set(sl, v.w === 64 ? 32 : 16);
  p.set(ps, v.w === 64 ? 48 : 24);
  const st = new Blake2State(v, ds, p, lastNode !== undefined && ops.truthy(lastNode));
  if (k.length) {
    const kb = new Uint8Array(v.block);
    kb.set(k);
    st.update(kb);
  }
  return st;
}

function makeType(v: Variant): PyType {
  const T = makeBuiltinType(`_blake2.${v.name}`, ObjectType);
  defStaticMethod(T, "__new__", (args, kw) => {
    const cls = args[0] as PyType;
    const vals = parseArgs(v.name, args.slice(1), kw, PARAMS, 0, 0, 1);
    const o = new PyBlake(cls, makeState(v, vals));
    const d = vals[0] ?? vals[13];
    if (d !== undefined && d !== None) o.st.update(hashData(d));
    return o;
  });
  defMethod(T, "update", (self, args, kw) => {
    arity("update", args, kw, 1);
    X(self).st.update(hashData(args[0]));
    return None;
  });
  defMethod(T, "copy", (self) => new PyBlake(X(self).type, X(self).st.clone()));
  defMethod(T, "digest", (self) => new PyBytes(X(self).st.digest().slice()));
  defMethod(T, "hexdigest", (self) => Buffer.from(X(self).st.digest()).toString("hex"));
  defGetSet(T, "name", () => v.name);
  defGetSet(T, "digest_size", (self) => X(self).st.digestSize);
  defGetSet(T, "block_size", () => v.block);
  for (const [k, val] of [["SALT_SIZE", v.salt], ["PERSON_SIZE", v.person], ["MAX_KEY_SIZE", v.maxDigest], ["MAX_DIGEST_SIZE", v.maxDigest]] as const) T.dict.setStr(k, val);
  return T;
}
const Blake2bType = makeType(B);
const Blake2sType = makeType(S);

registerNativeModule("_blake2", () =>
  makeModule("_blake2", {
    blake2b: Blake2bType,
    blake2s: Blake2sType,
    BLAKE2B_SALT_SIZE: 16,
    BLAKE2B_PERSON_SIZE: 16,
    BLAKE2B_MAX_KEY_SIZE: 64,
    BLAKE2B_MAX_DIGEST_SIZE: 64,
    BLAKE2S_SALT_SIZE: 8,
    BLAKE2S_PERSON_SIZE: 8,
    BLAKE2S_MAX_KEY_SIZE: 32,
    BLAKE2S_MAX_DIGEST_SIZE: 32,
    _GIL_MINSIZE: 2048,
  }),
);
