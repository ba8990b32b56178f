// Names of CPython 3.12's built-in and extension (C) modules: they have no .py file, so the module graph cannot find them
// on disk; pypack's VM provides its own versions of those it supports (src/runtime/modules/NAME.ts).

/** sys.builtin_module_names and lib-dynload of CPython 3.12 on Linux, macOS and Windows. */
export const CPYTHON_C_MODULES: ReadonlySet<string> = new Set([
  "_abc", "_ast", "_asyncio", "_bisect", "_blake2", "_bz2", "_codecs", "_codecs_cn", "_codecs_hk", "_codecs_iso2022",
  "_codecs_jp", "_codecs_kr", "_codecs_tw", "_collections", "_contextvars", "_crypt", "_csv", "_ctypes", "_curses",
  "_curses_panel", "_datetime", "_dbm", "_decimal", "_elementtree", "_functools", "_gdbm", "_hashlib", "_heapq", "_imp",
  "_io", "_json", "_locale", "_lsprof", "_lzma", "_md5", "_multibytecodec", "_multiprocessing", "_opcode", "_operator",
  "_overlapped", "_pickle", "_posixshmem", "_posixsubprocess", "_queue", "_random", "_scproxy", "_sha1", "_sha2", "_sha3",
  "_signal", "_socket", "_sqlite3", "_sre", "_ssl", "_stat", "_statistics", "_string", "_struct", "_symtable", "_thread",
  "_tkinter", "_tokenize", "_tracemalloc", "_typing", "_uuid", "_warnings", "_weakref", "_winapi", "_wmi",
  "_xxinterpchannels", "_xxsubinterpreters", "_zoneinfo", "array", "atexit", "audioop", "binascii", "builtins", "cmath",
  "errno", "faulthandler", "fcntl", "gc", "grp", "itertools", "marshal", "math", "mmap", "msvcrt", "nis", "nt",
  "ossaudiodev", "posix", "pwd", "pyexpat", "readline", "resource", "select", "spwd", "sys", "syslog", "termios",
  "time", "unicodedata", "winreg", "winsound", "xxsubtype", "zlib",
  // Frozen aliases CPython registers at start-up (importlib._bootstrap and _bootstrap_external).
  "_frozen_importlib", "_frozen_importlib_external",
]);
