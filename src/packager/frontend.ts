// The packager's view of pypack's compiler: decode and parse a module (for its imports) and compile it to serialised bytecode.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Module } from "../compiler/ast";
import { compileAst } from "../compiler/compile";
import { MARSHAL_VERSION, serializeCode } from "../compiler/marshal";
import { parse } from "../compiler/parser";
import { decodeSource } from "../compiler/sourceDecoding";

export interface Frontend {
  /** Changes whenever compiled output could change; part of every cache key. */
  readonly id: string;
  /** Decodes source bytes as CPython does (PEP 263); throws PySyntaxError. */
  decode(bytes: Uint8Array, filename: string): string;
  /** Parses a module; throws the compiler's PySyntaxError on invalid source. */
  parse(source: string, filename: string): Module;
  /** Compiles a parsed module (folding its constants in place) to the serialised code object the VM loads. */
  compile(mod: Module, source: string, filename: string, optimize: 0 | 1 | 2): Uint8Array;
}

/**
 * The compiler is still changing between releases, so the cache key covers its code itself: the CLI bundle when running
 * from out/cli.js, else the compiler's sources.
 */
function compilerFingerprint(): string {
  const h = createHash("sha256").update(`marshal ${MARSHAL_VERSION}\0`);
  if (basename(__filename) === "cli.js") {
    h.update(readFileSync(__filename));
  } else {
    const dir = join(__dirname, "..", "compiler");
    for (const f of readdirSync(dir).sort()) if (f.endsWith(".ts")) h.update(f).update(readFileSync(join(dir, f)));
  }
  return h.digest("hex").slice(0, 16);
}

let fingerprint: string | null = null;

export function loadFrontend(): Frontend {
  fingerprint ??= compilerFingerprint();
  return {
    id: fingerprint,
    decode: decodeSource,
    parse: (source, filename) => parse(source, filename, "exec") as Module,
    compile: (mod, source, filename, optimize) => serializeCode(compileAst(mod, filename, "exec", { optimize }, source)),
  };
}
