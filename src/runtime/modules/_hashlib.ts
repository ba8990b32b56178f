// The `_hashlib` native module (CPython's OpenSSL binding) on node:crypto: HASH/HASHXOF/HMAC objects, new(),
// openssl_* constructors, pbkdf2_hmac, scrypt, hmac_digest/hmac_new and compare_digest.
import { createHash, createHmac, pbkdf2Sync, scryptSync, timingSafeEqual, type Hash } from "node:crypto";
import {
  None,
  PyObject,
  PyBase,
  PyBytes,
  PyList,
  PyType,
  ObjectType,
  ValueErrorType,
  PyBuiltinFunction,
  makeBuiltinType,
  newException,
  typeError,
  valueError,
  isStr,
  strValue,
  typeOf,
  PyBaseException,
} from "../core";
import { defGetSet, defMethod, makeModule, parseArgs, arity } from "../define";
import * as ops from "../ops";
import { registerNativeModule } from "./registry";
import { bytesArg } from "../objects/bytes";
import { FrozenSetType } from "../objects/set";
import { newExceptionClass } from "./binascii";

/** Python name -> [node:crypto algorithm, digest_size, block_size]; digest_size 0 marks the XOFs. */
const ALGOS: Record<string, [string, number, number]> = {
  md5: ["md5", 16, 64],
  sha1: ["sha1", 20, 64],
  sha224: ["sha224", 28, 64],
  sha256: ["sha256", 32, 64],
  sha384: ["sha384", 48, 128],
  sha512: ["sha512", 64, 128],
  sha512_224: ["sha512-224", 28, 128],
  sha512_256: ["sha512-256", 32, 128],
  sha3_224: ["sha3-224", 28, 144],
  sha3_256: ["sha3-256", 32, 136],
  sha3_384: ["sha3-384", 48, 104],
  sha3_512: ["sha3-512", 64, 72],
  shake_128: ["shake128", 0, 168],
  shake_256: ["shake256", 0, 136],
  blake2b: ["blake2b512", 64, 128],
  blake2s: ["blake2s256", 32, 64],
  md5_sha1: ["md5-sha1", 36, 64],
};
/** OpenSSL's spellings accepted by new()/pbkdf2_hmac ("SHA256", "sha-256", "sha512-224", "blake2b512"...). */
function algoName(name: string): string | null {
  let n = name.toLowerCase().replace(/-/g, "_");
  if (n === "blake2b512") n = "blake2b";
  if (n === "blake2s256") n = "blake2s";
  if (n === "shake128") n = "shake_128";
  if (n === "shake256") n = "shake_256";
  if (/^sha_(1|224|256|384|512)$/.test(n)) n = n.replace("_", "");
  return ALGOS[n] !== undefined ? n : null;
}

const UnsupportedDigestmodError = newExceptionClass("_hashlib", "UnsupportedDigestmodError", [ValueErrorType]);
const unsupported = (name: string): PyBaseException => newException(UnsupportedDigestmodError, `unsupported hash type ${name}`);

/** Data arguments: bytes-like; str gets CPython's "Strings must be encoded before hashing". */
export function hashData(x: PyObject): Uint8Array {
  if (isStr(x)) throw typeError("Strings must be encoded before hashing");
  try {
    return bytesArg(x);
  } catch {
    throw typeError(`object supporting the buffer API required`);
  }
}

export const HashType: PyType = makeBuiltinType("_hashlib.HASH", ObjectType, { subclassable: false });
export const HashXofType: PyType = makeBuiltinType("_hashlib.HASHXOF", HashType, { subclassable: false });
class PyHash extends PyBase {
  constructor(
    type: PyType,
    public name: string,
    public h: Hash,
  ) {
    super(type);
  }
}
/** The name OpenSSL reports ("md5-sha1" keeps its dash). */
const displayName = (n: string): string => (n === "md5_sha1" ? "md5-sha1" : n);
const H = (x: PyObject): PyHash => {
  if (!(x instanceof PyHash)) throw typeError(`descriptor requires a '_hashlib.HASH' object but received '${typeOf(x).name}'`);
  return x;
};

function newHash(name: string, data: PyObject | undefined): PyHash {
  const algo = ALGOS[name];
  const h = new PyHash(algo[1] === 0 ? HashXofType : HashType, name, createHash(algo[0]));
  if (data !== undefined && data !== None) h.h.update(hashData(data));
  return h;
}

defMethod(HashType, "update", (self, args, kw) => {
  arity("update", args, kw, 1);
  H(self).h.update(hashData(args[0]));
  return None;
});
defMethod(HashType, "copy", (self, args, kw) => {
  arity("copy", args, kw, 0);
  const h = H(self);
  return new PyHash(h.type, h.name, h.h.copy());
});
defMethod(HashType, "digest", (self, args, kw) => {
  arity("digest", args, kw, 0);
  return new PyBytes(new Uint8Array(H(self).h.copy().digest()));
});
defMethod(HashType, "hexdigest", (self, args, kw) => {
  arity("hexdigest", args, kw, 0);
  return H(self).h.copy().digest("hex");
});
defGetSet(HashType, "name", (self) => displayName(H(self).name));
defGetSet(HashType, "digest_size", (self) => ALGOS[H(self).name][1]);
defGetSet(HashType, "block_size", (self) => ALGOS[H(self).name][2]);
HashType.slots.repr = (self) => `<${displayName(H(self).name)} _hashlib.HASH object @ 0x${ops.identityHash(self).toString(16)}>`;

function xofDigest(self: PyObject, args: PyObject[], kw: readonly string[] | null, fname: string): Buffer {
  const [length] = parseArgs(fname, args, kw, ["length"], 1);
  const n = ops.indexNum(length!);
  if (n < 0) throw valueError("negative digest length");
  if (n === 0) return Buffer.alloc(0);
  return H(self).h.copy({ outputLength: n }).digest();
}
defMethod(HashXofType, "digest", (self, args, kw) => new PyBytes(new Uint8Array(xofDigest(self, args, kw, "digest"))));
defMethod(HashXofType, "hexdigest", (self, args, kw) => xofDigest(self, args, kw, "hexdigest").toString("hex"));
defGetSet(HashXofType, "digest_size", () => 0);

// ---- HMAC ---------------------------------------------------------------------------------------------------------

export const HmacType: PyType = makeBuiltinType("_hashlib.HMAC", ObjectType, { subclassable: false });
class PyHmac extends PyBase {
  /** node's Hmac cannot be copied, so the message is kept and the MAC recomputed on demand. */
  chunks: Uint8Array[] = [];
  constructor(
    public digest: string,
    public key: Uint8Array,
  ) {
    super(HmacType);
  }
  compute(): Buffer {
    const m = createHmac(ALGOS[this.digest][0], this.key);
    for (const c of this.chunks) m.update(c);
    return m.digest();
  }
}
const M = (x: PyObject): PyHmac => x as PyHmac;

/** digestmod of hmac_new/hmac_digest/pbkdf2: a name or one of the openssl_* constructors. */
function digestmodName(d: PyObject | undefined): string {
  if (d === undefined || d === None) throw typeError("Missing required parameter 'digestmod'.");
  let raw: string;
  if (isStr(d)) raw = strValue(d);
  else if (d instanceof PyBuiltinFunction && d.name.startsWith("openssl_")) raw = d.name.slice(8);
  else throw unsupported(ops.repr(d));
  const n = algoName(raw);
  if (n === null || ALGOS[n][1] === 0) throw unsupported(raw);
  return n;
}
defMethod(HmacType, "update", (self, args, kw) => {
  const [msg] = parseArgs("update", args, kw, ["msg"], 1);
  M(self).chunks.push(hashData(msg!).slice());
  return None;
});
defMethod(HmacType, "copy", (self) => {
  const m = M(self);
  const c = new PyHmac(m.digest, m.key);
  c.chunks = [...m.chunks];
  return c;
});
defMethod(HmacType, "digest", (self) => new PyBytes(new Uint8Array(M(self).compute())));
defMethod(HmacType, "hexdigest", (self) => M(self).compute().toString("hex"));
defGetSet(HmacType, "name", (self) => `hmac-${M(self).digest}`);
defGetSet(HmacType, "digest_size", (self) => ALGOS[M(self).digest][1]);
defGetSet(HmacType, "block_size", (self) => ALGOS[M(self).digest][2]);
HmacType.slots.repr = (self) => `<${M(self).digest} HMAC object @ 0x${ops.identityHash(self).toString(16)}>`;

// ---- compare_digest ---------------------------------------------------------------------------------------------

function bufferOrError(x: PyObject): Uint8Array {
  try {
    return bytesArg(x);
  } catch {
    throw typeError(`a bytes-like object is required, not '${typeOf(x).name}'`);
  }
}
/** hmac.compare_digest / secrets.compare_digest: constant-time equality of two str (ASCII) or two bytes-like. */
export function compareDigest(a: PyObject, b: PyObject): boolean {
  let x: Uint8Array;
  let y: Uint8Array;
  if (isStr(a) && isStr(b)) {
    const sa = strValue(a);
    const sb = strValue(b);
    if (/[^\x00-\x7f]/.test(sa) || /[^\x00-\x7f]/.test(sb)) throw typeError("comparing strings with non-ASCII characters is not supported");
    x = Buffer.from(sa, "latin1");
    y = Buffer.from(sb, "latin1");
  } else {
    x = bufferOrError(a);
    y = bufferOrError(b);
  }
  if (x.length !== y.length) {
    timingSafeEqual(x, x);
    return false;
  }
  return timingSafeEqual(x, y);
}

function constructor(name: string): (args: PyObject[], kw: readonly string[] | null) => PyObject {
  return (args, kw) => {
    const [data, , string] = parseArgs(`openssl_${name}`, args, kw, ["data", "usedforsecurity", "string"], 0, 0, 1);
    return newHash(name, data ?? string);
  };
}

registerNativeModule("_hashlib", () => {
  const members: Record<string, PyObject | ((args: PyObject[], kw: readonly string[] | null) => PyObject)> = {
    HASH: HashType,
    HASHXOF: HashXofType,
    HMAC: HmacType,
    UnsupportedDigestmodError,
    openssl_md_meth_names: ops.call(FrozenSetType, [new PyList(Object.keys(ALGOS).filter((n) => n !== "md5_sha1"))]),
    _constructors: None,
    get_fips_mode: () => 0,
    new: (args, kw) => {
      const [name, data, , string] = parseArgs("new", args, kw, ["name", "data", "usedforsecurity", "string"], 1, 0, 2);
      if (!isStr(name!)) throw typeError(`new() argument 'name' must be str, not ${typeOf(name!).name}`);
      const n = algoName(strValue(name!));
      if (n === null) throw unsupported(strValue(name!));
      return newHash(n, data ?? string);
    },
    compare_digest: (args, kw) => {
      arity("compare_digest", args, kw, 2);
      return compareDigest(args[0], args[1]);
    },
    pbkdf2_hmac: (args, kw) => {
      const [hashName, password, salt, iterations, dklen] = parseArgs("pbkdf2_hmac", args, kw, ["hash_name", "password", "salt", "iterations", "dklen"], 4);
      const n = algoName(ops.pyStr(hashName!));
      if (n === null || ALGOS[n][1] === 0) throw unsupported(ops.pyStr(hashName!));
      const it = ops.indexNum(iterations!);
      if (it < 1) throw valueError("iteration value must be greater than 0.");
      const len = dklen === undefined || dklen === None ? ALGOS[n][1] : ops.indexNum(dklen);
      if (len < 1) throw valueError("key length must be greater than 0.");
      return new PyBytes(new Uint8Array(pbkdf2Sync(hashData(password!), hashData(salt!), it, len, ALGOS[n][0])));
    },
    scrypt: (args, kw) => {
      const [password, salt, n, r, p, maxmem, dklen] = parseArgs("scrypt", args, kw, ["password", "salt", "n", "r", "p", "maxmem", "dklen"], 1, 1, 1);
      if (salt === undefined || salt === None) throw typeError("salt is required");
      if (n === undefined || n === None || !ops.hasIndex(n)) throw typeError("n is required and must be an unsigned int");
      if (r === undefined || r === None || !ops.hasIndex(r)) throw typeError("r is required and must be an unsigned int");
      if (p === undefined || p === None || !ops.hasIndex(p)) throw typeError("p is required and must be an unsigned int");
      const N = ops.indexNum(n);
      if (N < 2 || (N & (N - 1)) !== 0) throw valueError("n must be a power of 2.");
      const len = dklen === undefined ? 64 : ops.indexNum(dklen);
      const mm = maxmem === undefined ? 0 : ops.indexNum(maxmem);
      const opts = { N, r: ops.indexNum(r), p: ops.indexNum(p), maxmem: mm > 0 ? mm : 32 * 1024 * 1024 };
      try {
        return new PyBytes(new Uint8Array(scryptSync(hashData(password!), hashData(salt), len, opts)));
      } catch {
        throw valueError("Invalid parameter combination for n, r, p, maxmem.");
      }
    },
    hmac_digest: (args, kw) => {
      const [key, msg, digest] = parseArgs("hmac_digest", args, kw, ["key", "msg", "digest"], 3);
      const d = digestmodName(digest);
      return new PyBytes(new Uint8Array(createHmac(ALGOS[d][0], hashData(key!)).update(hashData(msg!)).digest()));
    },
    hmac_new: (args, kw) => {
      const [key, msg, digestmod] = parseArgs("hmac_new", args, kw, ["key", "msg", "digestmod"], 1);
      const m = new PyHmac(digestmodName(digestmod), hashData(key!).slice());
      if (msg !== undefined && msg !== None) m.chunks.push(hashData(msg).slice());
      return m;
    },
  };
  for (const name of Object.keys(ALGOS)) {
    if (name === "blake2b" || name === "blake2s" || name === "md5_sha1") continue;
    members[`openssl_${name}`] = constructor(name);
  }
  return makeModule("_hashlib", members);
});
