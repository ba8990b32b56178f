// _warnings: present as a builtin module (importlib._bootstrap._setup requires it) but empty, so warnings.py uses its
// pure-Python implementation (its `from _warnings import ...` raises ImportError and falls back).
import { makeModule } from "../define";
import { registerNativeModule } from "./registry";

registerNativeModule("_warnings", () => makeModule("_warnings", {}, "_warnings provides basic warning filtering support."));
