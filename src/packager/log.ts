// Console output for builds, filtered by --log-level (PyInstaller's levels), always on stderr so stdout stays clean.

export const LOG_LEVELS = ["TRACE", "DEBUG", "INFO", "WARN", "DEPRECATION", "ERROR", "FATAL"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
}

export function makeLogger(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(l + "\n")): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const at = (lvl: LogLevel) => (msg: string) => {
    if (LOG_LEVELS.indexOf(lvl) >= rank) write(`${lvl === "INFO" ? "" : lvl + ": "}${msg}`);
  };
  return { debug: at("DEBUG"), info: at("INFO"), warn: at("WARN") };
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {} };
