// Public API of the numeric algorithms (pure functions on JS numbers/bigints/strings) the VM's int/float/complex/str code calls.
//
// Conventions for the VM:
// - A Python int is a PyInt: a JS integer number when |n| <= 2**53-1, else a bigint. Every function returning a
//   PyInt normalises (normInt), so a bigint result is always outside the safe range; -0 never appears.
// - A Python float is a JS number. JS cannot tell 1 from 1.0, so callers pass ints and floats to different functions
//   (formatInt vs formatFloat, hashInt vs hashFloat, intPow vs floatPow, ...).
// - Python errors are thrown as NumericError { pyType, message, pyArgs? } with CPython's exact message; the VM maps
//   pyType to the exception class (pyArgs, when present, are the exception's args, e.g. OverflowError(34, '...')).
//   "MemoryError" is used where CPython would run out of memory (e.g. 1 << 2**40).
// - floatPow returns POW_NEEDS_COMPLEX when CPython would delegate to complex ** (negative ** fractional).
// - Hashes are PyHash (number|bigint, same normalisation as PyInt). Call initHashSeed(process.env.PYTHONHASHSEED)
//   once at startup; strHash hashes a JS string as CPython's UCS1/UCS2/UCS4 form (surrogate pairs = one code point).
// - Int <-> str respects sys.set_int_max_str_digits via getIntMaxStrDigits/setIntMaxStrDigits.
// - Math functions built on libm (exp, log, pow, erf, gamma...) use correctly rounded double-double kernels (libm.ts),
//   which agree with glibc's results far more often than V8's Math.*; cbrt reproduces glibc's algorithm bit for bit.
export * from "./errors";
export * from "./digits";
export * from "./floatRepr";
export * from "./hash";
export * from "./intStr";
export * from "./unicode";
export * from "./formatSpec";
export * from "./parse";
export * from "./bigFloat";
export * from "./floatOps";
export * from "./intOps";
export * from "./percentFormat";
export * from "./libm";
export * from "./powCore";
export * from "./mathFuncs";
export * from "./complexOps";
export * from "./sysInfo";
export * from "./mt19937";
