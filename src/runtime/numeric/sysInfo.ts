// The numeric facts sys exposes (sys.hash_info, sys.float_info, sys.int_info) as CPython 3.12 on 64-bit Linux reports them.

/** sys.hash_info fields, in order. */
export const HASH_INFO = {
  width: 64,
  modulus: 2305843009213693951n,
  inf: 314159,
  nan: 0,
  imag: 1000003,
  algorithm: "siphash13",
  hash_bits: 64,
  seed_bits: 128,
  cutoff: 0,
} as const;

/** sys.float_info fields, in order. */
export const FLOAT_INFO = {
  max: 1.7976931348623157e308,
  max_exp: 1024,
  max_10_exp: 308,
  min: 2.2250738585072014e-308,
  min_exp: -1021,
  min_10_exp: -307,
  dig: 15,
  mant_dig: 53,
  epsilon: 2.220446049250313e-16,
  radix: 2,
  rounds: 1,
} as const;

/** sys.int_info fields, in order. */
export const INT_INFO = {
  bits_per_digit: 30,
  sizeof_digit: 4,
  default_max_str_digits: 4300,
  str_digits_check_threshold: 640,
} as const;

/** sys.float_repr_style. */
export const FLOAT_REPR_STYLE = "short";
