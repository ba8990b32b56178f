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

/** One line per kind of problem, only top-level missing modules named (the rest is in the file). */
export function summarize(g: GraphResult, warnPath: string): string[] {
  const out: string[] = [];
  const topLevel = [...g.missing.entries()].filter(([, m]) => [...m.values()].some((k) => k.has("top-level"))).map(([n]) => n);
  if (g.missing.size > 0) {
    out.push(`${g.missing.size} missing module(s)${topLevel.length ? `, imported at top level: ${topLevel.sort().join(", ")}` : ""}; see ${warnPath}`);
  }
  if (g.cExtensions.size > 0) out.push(`module(s) needing an unavailable C extension: ${[...g.cExtensions.keys()].sort().join(", ")}`);
  return out;
}
