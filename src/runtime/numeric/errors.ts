// The error type the numeric algorithms throw; it names the Python exception and carries CPython's exact message.

/** Python exception types the numeric code can raise. */
export type PyExceptionName =
  | "ValueError"
  | "OverflowError"
  | "ZeroDivisionError"
  | "TypeError"
  | "NotImplementedError"
  | "MemoryError";

/** Thrown by numeric algorithms; the VM turns it into the named Python exception with `message` as its argument. */
export class NumericError extends Error {
  constructor(
    readonly pyType: PyExceptionName,
    message: string,
    /** Extra exception args (e.g. OverflowError's (errno, strerror) pair); when set the VM should use these as args. */
    readonly pyArgs?: readonly (string | number)[],
  ) {
    super(message);
    this.name = "NumericError";
  }
}

export function valueError(message: string): NumericError {
  return new NumericError("ValueError", message);
}

export function overflowError(message: string): NumericError {
  return new NumericError("OverflowError", message);
}

export function zeroDivisionError(message: string): NumericError {
  return new NumericError("ZeroDivisionError", message);
}

export function typeError(message: string): NumericError {
  return new NumericError("TypeError", message);
}

/** CPython's OverflowError(34, 'Numerical result out of range') raised by float ** on ERANGE. */
export function erangeError(): NumericError {
  return new NumericError("OverflowError", "(34, 'Numerical result out of range')", [34, "Numerical result out of range"]);
}
