// build/NAME/warn-NAME.txt in PyInstaller's format, and the short console summary of the same facts.
import type { ImportKind } from "./imports";
import type { GraphResult, ImporterMap } from "./graph";

const KIND_ORDER: ImportKind[] = ["top-level", "conditional", "delayed", "optional"];

const HEADER = `
This file lists modules pypack was not able to find. This does not
necessarily mean this module is required for running your program. Python and
Python 3rd-party packages include a lot of conditional or optional modules. For
example the module 'ntpath' only exists on Windows, whereas the module
'posixpath' only exists on Posix systems.

Types if import:
* top-level: imported at the top-level - look at these first
* conditional: imported within an if-statement
* delayed: imported within a function
* optional: imported within a try-except-statement

IMPORTANT: Do NOT post this list to the issue-tracker. Use it as a basis for
            tracking down the missing module yourself. Thanks!

`;

function displayName(name: string): string {
  // PyInstaller prints dotted names with repr() quotes, plain names bare.
  return name.includes(".") ? `'${name}'` : name;
}

function importers(map: ImporterMap): string {
  return [...map.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([who, kinds]) => `${who} (${KIND_ORDER.filter((k) => kinds.has(k)).join(", ")})`)
    .join(", ");
}

export function formatWarnFile(g: GraphResult): string {
  const lines: string[] = [];
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [name, map] of sorted(g.missing)) lines.push(`missing module named ${displayName(name)} - imported by ${importers(map)}`);
  for (const [name, c] of sorted(g.cExtensions)) {
    lines.push(`missing module named ${displayName(name)} - C extension ${c.file} cannot run under pypack - imported by ${importers(c.importers)}`);
  }
  for (const [name, map] of sorted(g.excluded)) lines.push(`excluded module named ${displayName(name)} - imported by ${importers(map)}`);
  return HEADER + lines.join("\n") + (lines.length ? "\n" : "");
}

/**
 * The console summary: warnings for modules the program's own code imports but that are missing (those imported at
 * top level named), or that need a C extension; modules only the stdlib imports optionally go to the debug level.
 */
export function summarize(g: GraphResult, warnPath: string): { warn: string[]; debug: string[] } {
  const fromUser = (m: ImporterMap) => [...m.keys()].some((who) => g.userModules.has(who));
  const mine = [...g.missing.entries()].filter(([, m]) => fromUser(m));
  const topLevel = mine.filter(([, m]) => [...m.entries()].some(([who, k]) => g.userModules.has(who) && k.has("top-level"))).map(([n]) => n);
  const warn: string[] = [];
  const debug: string[] = [];
  if (mine.length > 0) {
    warn.push(`${mine.length} module(s) imported by the program are missing${topLevel.length ? `, at top level: ${topLevel.sort().join(", ")}` : ""}; see ${warnPath}`);
  }
  const others = g.missing.size - mine.length;
  if (others > 0) debug.push(`${others} module(s) the stdlib imports optionally are not available; see ${warnPath}`);
  if (g.cExtensions.size > 0) warn.push(`module(s) needing an unavailable C extension: ${[...g.cExtensions.keys()].sort().join(", ")}`);
  return { warn, debug };
}
