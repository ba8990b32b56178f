// The `_blake2` native module: blake2b/blake2s hash objects on node:crypto (the unkeyed, full-length variants OpenSSL
// provides); keyed hashing, salt, person, other digest sizes and tree parameters raise NotImplementedError.
import { createHash, type Hash } from "node:crypto";
import { None, PyObject, PyBase, PyBytes, PyType, ObjectType, makeBuiltinType, typeError, typeOf, notImplementedError } from "../core";
import { defGetSet, defMethod, defStaticMethod, makeModule, parseArgs, arity } from "../define";
import * as ops from "../ops";
import { registerNativeModule } from "./registry";
import { hashData } from "./_hashlib";

interface Variant {
  name: "blake2b" | "blake2s";
  algo: string;
  digest: number;
  block: number;
  salt: number;
  person: number;
}
const B: Variant = { name: "blake2b", algo: "blake2b512", digest: 64, block: 128, salt: 16, person: 16 };
const S: Variant = { name: "blake2s", algo: "blake2s256", digest: 32, block: 64, salt: 8, person: 8 };

class PyBlake extends PyBase {
  constructor(
    type: PyType,
    public v: Variant,
    public h: Hash,
  ) {
    super(type);
  }
}
const X = (x: PyObject): PyBlake => {
  if (!(x instanceof PyBlake)) throw typeError(`descriptor requires a '_blake2' object but received '${typeOf(x).name}'`);
  return x;
};

const PARAMS = ["data", "digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset", "node_depth", "inner_size", "last_node", "usedforsecurity", "string"];

function makeType(v: Variant): PyType {
  const T = makeBuiltinType(`_blake2.${v.name}`, ObjectType);
  defStaticMethod(T, "__new__", (args, kw) => {
    const cls = args[0] as PyType;
    const vals = parseArgs(v.name, args.slice(1), kw, PARAMS, 0, 0, 1);
    const [data, digestSize, key, salt, person, fanout, depth, leaf, nodeOffset, nodeDepth, inner, lastNode, , string] = vals;
    const given = (x: PyObject | undefined, dflt: number): boolean => x !== undefined && ops.indexNum(x) !== dflt;
    const nonEmpty = (x: PyObject | undefined): boolean => x !== undefined && x !== None && hashData(x).length > 0;
    if (given(digestSize, v.digest) || nonEmpty(key) || nonEmpty(salt) || nonEmpty(person) || given(fanout, 1) || given(depth, 1) || given(leaf, 0) ||
        given(nodeOffset, 0) || given(nodeDepth, 0) || given(inner, 0) || (lastNode !== undefined && ops.truthy(lastNode))) {
      throw notImplementedError(`${v.name}: keyed hashing, salt, person, digest sizes other than ${v.digest} and tree parameters are not supported by pypack yet`);
    }
    const o = new PyBlake(cls, v, createHash(v.algo));
    const d = data ?? string;
    if (d !== undefined && d !== None) o.h.update(hashData(d));
    return o;
  });
  defMethod(T, "update", (self, args, kw) => {
    arity("update", args, kw, 1);
    X(self).h.update(hashData(args[0]));
    return None;
  });
  defMethod(T, "copy", (self) => new PyBlake(X(self).type, v, X(self).h.copy()));
  defMethod(T, "digest", (self) => new PyBytes(new Uint8Array(X(self).h.copy().digest())));
  defMethod(T, "hexdigest", (self) => X(self).h.copy().digest("hex"));
  defGetSet(T, "name", () => v.name);
  defGetSet(T, "digest_size", () => v.digest);
  defGetSet(T, "block_size", () => v.block);
  for (const [k, val] of [["SALT_SIZE", v.salt], ["PERSON_SIZE", v.person], ["MAX_KEY_SIZE", v.digest], ["MAX_DIGEST_SIZE", v.digest]] as const) T.dict.setStr(k, val);
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
