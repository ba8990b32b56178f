// Errors the packager reports to users: one line of text and the exit code the CLI should use.

/** A build failure with a one-line, user-facing message (exit 1 unless said otherwise). */
export class PypackError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 1,
  ) {
    super(message);
    this.name = "PypackError";
  }
}

/** Bad command-line or configuration input: exit 2, as argparse/commander users expect. */
export class UsageError extends PypackError {
  constructor(message: string) {
    super(message, 2);
    this.name = "UsageError";
  }
}

/** Reduces any thrown value to one line for the console. */
export function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s*\n\s*/g, " ").trim();
}
