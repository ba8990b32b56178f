// The packager's view of pypack's compiler: parse a module (for its imports) and compile it to serialised bytecode.
import type { Module } from "../compiler/ast";
import { parse } from "../compiler/parser";
import { decodeSource } from "../compiler/sourceDecoding";
import { PypackError } from "./errors";

export interface Frontend {
  /** Changes whenever compiled output could change (compiler/marshal version); part of every cache key. */
  readonly id: string;
  /** Decodes source bytes as CPython does (PEP 263); throws PySyntaxError. */
  decode(bytes: Uint8Array, filename: string): string;
  /** Parses a module; throws the compiler's PySyntaxError on invalid source. */
  parse(source: string, filename: string): Module;
  /** Compiles a parsed module to the serialised code object the VM loads (`serializeCode` bytes). */
  compile(mod: Module, source: string, filename: string, optimize: 0 | 1 | 2): Uint8Array;
}

export function loadFrontend(): Frontend {
  return {
    id: "parser-only",
    decode: decodeSource,
    parse: (source, filename) => parse(source, filename, "exec") as Module,
    compile() {
      // The code generator is written in parallel; until src/compiler/compile.ts lands, builds stop here.
      throw new PypackError("the Python compiler (src/compiler/compile.ts) is not available in this build of pypack yet");
    },
  };
}
