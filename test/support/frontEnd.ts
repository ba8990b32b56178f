// Loads the compiler front end (decodeSource, parse, dumpAst, PySyntaxError) for the conformance harnesses, and runs it on one source.
//
// The modules are loaded by path at run time so that a harness fails with a clear message (instead of not compiling)
// while the front end is still being written.
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import type { Mod } from "../../src/compiler/ast";
import type { PySyntaxError } from "../../src/compiler/errors";

export type ParseMode = "exec" | "eval" | "single" | "func_type";

export interface FrontEnd {
  decodeSource(bytes: Uint8Array, filename: string): string;
  parse(source: string, filename?: string, mode?: ParseMode): Mod;
  dumpAst(node: Mod, opts?: { includeAttributes?: boolean; indent?: number | null }): string;
  PySyntaxError: new (...args: never[]) => PySyntaxError;
  formatSyntaxError(e: PySyntaxError): string;
}

const COMPILER = resolve(__dirname, "../../src/compiler");

/** The front end's exports; throws an Error naming what is missing when a module or export does not exist yet. */
export async function loadFrontEnd(): Promise<FrontEnd> {
  const parts: Array<[string, string[]]> = [
    ["sourceDecoding", ["decodeSource"]],
    ["parser", ["parse"]],
    ["astDump", ["dumpAst"]],
    ["errors", ["PySyntaxError", "formatSyntaxError"]],
  ];
  const api: Record<string, unknown> = {};
  for (const [mod, names] of parts) {
    let m: Record<string, unknown>;
    try {
      m = (await import(`${COMPILER}/${mod}`)) as Record<string, unknown>;
    } catch (e) {
      throw new Error(`front end not available yet: cannot load src/compiler/${mod}.ts (${(e as Error).message})`);
    }
    for (const n of names) {
      if (typeof m[n] !== "function") throw new Error(`front end not available yet: src/compiler/${mod}.ts does not export ${n}`);
      api[n] = m[n];
    }
  }
  return api as unknown as FrontEnd;
}

/** A syntax error as the harnesses compare it (CPython's SyntaxError attributes plus the class name). */
export interface ErrorRecord {
  ok: false;
  kind: string;
  msg: string;
  lineno: number | null;
  offset: number | null;
  end_lineno: number | null;
  end_offset: number | null;
  text: string | null;
}
export type ParseRecord = { ok: true; sha1: string; dump?: string } | ErrorRecord;

/** Our result for a file, or `crash` when the front end threw something other than a PySyntaxError. */
export type OurRecord = ParseRecord | { ok: "crash"; message: string };

export function sha1(text: string): string {
  return createHash("sha1").update(text, "utf8").digest("hex");
}

export function errorRecordOf(fe: FrontEnd, e: unknown): OurRecord {
  if (e instanceof fe.PySyntaxError) {
    return {
      ok: false,
      kind: e.kind,
      msg: e.msg,
      lineno: e.lineno,
      offset: e.offset,
      end_lineno: e.end_lineno,
      end_offset: e.end_offset,
      text: e.text,
    };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  return { ok: "crash", message: `${err.name}: ${err.message}\n${(err.stack ?? "").split("\n").slice(1, 6).join("\n")}` };
}

/** Decodes, parses and dumps one file as `ast.dump(compile(bytes, ..., PyCF_ONLY_AST), include_attributes=True, indent=1)`. */
export function runOurs(fe: FrontEnd, bytes: Uint8Array, filename: string, keepDump = false): OurRecord {
  let dump: string;
  try {
    const source = fe.decodeSource(bytes, filename);
    dump = fe.dumpAst(fe.parse(source, filename, "exec"), { includeAttributes: true, indent: 1 });
  } catch (e) {
    return errorRecordOf(fe, e);
  }
  return keepDump ? { ok: true, sha1: sha1(dump), dump } : { ok: true, sha1: sha1(dump) };
}
