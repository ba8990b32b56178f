// Loads every native module file (each registers itself with modules/registry.ts).
import "./builtins";
import "./sys";
import "./atexit";
import "./_sre/module";
import "./_weakref";
import "./_thread";
import "./errno";
import "./_io";
import "./posix";
import "./unicodedata";
import "./itertools";
import "./_collections";
import "./_string";
import "./math";
import "./_ast";
import "./_warnings";
import "./marshal";
