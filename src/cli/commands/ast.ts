// `pypack ast`: option parsing only; prints the parse tree the way ast.dump(..., include_attributes=True, indent=1) does.
import type { Command } from "commander";
import * as fs from "fs";
import { dumpAst } from "../../compiler/astDump";
import { formatSyntaxError, PySyntaxError } from "../../compiler/errors";
import { parse } from "../../compiler/parser";
import { decodeSource } from "../../compiler/sourceDecoding";

interface AstOptions {
  c?: string;
}

export function registerAst(program: Command): void {
  program
    .command("ast")
    .description("print the AST of a Python file (or of -c CODE) like ast.dump(tree, include_attributes=True, indent=1)")
    .argument("[file]", "Python source file")
    .option("-c <code>", "program passed in as a string")
    .action((file: string | undefined, opts: AstOptions) => {
      let source: string;
      let filename: string;
      try {
        if (opts.c !== undefined) {
          source = opts.c;
          filename = "<string>";
        } else if (file !== undefined) {
          filename = file;
          source = decodeSource(fs.readFileSync(file), file, { script: true });
        } else {
          process.stderr.write("pypack ast: expected FILE or -c CODE\n");
          process.exit(2);
        }
        process.stdout.write(dumpAst(parse(source, filename, "exec"), { includeAttributes: true, indent: 1 }) + "\n");
      } catch (e) {
        if (e instanceof PySyntaxError) {
          process.stderr.write(formatSyntaxError(e));
          process.exit(1);
        }
        if (e instanceof Error && "code" in e && typeof e.code === "string" && e.code.startsWith("E")) {
          process.stderr.write(`pypack ast: can't open file '${file}': ${e.message}\n`);
          process.exit(2);
        }
        throw e;
      }
    });
}
