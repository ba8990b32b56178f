// The `_random` native module: _random.Random, CPython's Mersenne Twister (numeric/mt19937.ts) behind random.Random.
import { None, PyObject, PyBase, PyTuple, PyType, PyFloat, ObjectType, makeBuiltinType, typeError, isInt, intValue, typeOf } from "../core";
import { defMethod, makeModule, arity } from "../define";
import * as ops from "../ops";
import { registerNativeModule } from "./registry";
import { MersenneTwister } from "../numeric/mt19937";

export const RandomType: PyType = makeBuiltinType("_random.Random", ObjectType, { alloc: (cls) => new PyRandom(cls) });
class PyRandom extends PyBase {
  mt = new MersenneTwister();
  constructor(type: PyType) {
    super(type);
    this.mt.seed();
  }
}
function R(x: PyObject): MersenneTwister {
  if (!(x instanceof PyRandom)) throw typeError(`descriptor requires a '_random.Random' object but received '${typeOf(x).name}'`);
  return x.mt;
}

/** random_seed: None -> entropy; ints by absolute value; anything else by hash() as an unsigned 64-bit value. */
function seed(mt: MersenneTwister, arg: PyObject | undefined): void {
  if (arg === undefined || arg === None) mt.seed();
  else if (isInt(arg)) mt.seed(intValue(arg));
  else mt.seed(BigInt.asUintN(64, BigInt(ops.hash(arg))));
}

defMethod(RandomType, "__init__", (self, args, kw) => {
  // Keyword arguments are refused only when __init__ is not overridden (random.Random's takes none through here).
  if (kw !== null && kw.length && typeOf(self) === RandomType) throw typeError("Random() takes no keyword arguments");
  const n = args.length - (kw?.length ?? 0);
  if (n > 1) throw typeError(`Random expected at most 1 argument, got ${n}`);
  seed(R(self), n ? args[0] : undefined);
  return None;
});
defMethod(RandomType, "seed", (self, args, kw) => {
  arity("seed", args, kw, 0, 1);
  seed(R(self), args[0]);
  return None;
});
defMethod(RandomType, "random", (self, args, kw) => {
  arity("random", args, kw, 0);
  return new PyFloat(R(self).random());
});
defMethod(RandomType, "getrandbits", (self, args, kw) => {
  arity("getrandbits", args, kw, 1);
  return R(self).getrandbits(ops.indexNum(args[0]));
});
defMethod(RandomType, "getstate", (self, args, kw) => {
  arity("getstate", args, kw, 0);
  return new PyTuple(R(self).getState());
});
defMethod(RandomType, "setstate", (self, args, kw) => {
  arity("setstate", args, kw, 1);
  const st = args[0];
  if (!(st instanceof PyTuple)) throw typeError("state vector must be a tuple");
  R(self).setState(st.items.map((v) => ops.index(v)));
  return None;
});

registerNativeModule("_random", () => makeModule("_random", { Random: RandomType }));
