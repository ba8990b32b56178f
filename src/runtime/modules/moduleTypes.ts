// Helpers shared by native modules that define types named like CPython's C-module types ("collections.deque").
import type { PyType } from "../core";

/** CPython's _PyType_Name: the part of tp_name after the last dot, as reprs such as `deque([...])` print it. */
export function shortName(t: PyType): string {
  return t.name.slice(t.name.lastIndexOf(".") + 1);
}
