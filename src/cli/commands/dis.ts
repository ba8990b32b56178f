// `pypack dis`: option parsing only; compiles FILE and prints src/compiler/disassembler.ts's listing (like `python -m dis FILE`).
import type { Command } from "commander";
import * as fs from "fs";
import { compileSourceWithWarnings } from "../../compiler/compile";
import { formatWarning } from "../../compiler/compileall";
import { disassemble } from "../../compiler/disassembler";
import { formatSyntaxError, PySyntaxError } from "../../compiler/errors";
import { decodeSource } from "../../compiler/sourceDecoding";

interface DisOptions {
  c?: string;
  optimize?: string;
}

export function registerDis(program: Command): void {
  program
    .command("dis")
    .description("disassemble a Python file (or -c CODE) like python -m dis")
    .argument("[file]", "Python source file")
    .option("-c <code>", "program passed in as a string")
    .option("-O, --optimize <level>", "optimization level 0, 1 or 2", "0")
    .action((file: string | undefined, opts: DisOptions) => {
      const level = Number(opts.optimize ?? "0");
      if (level !== 0 && level !== 1 && level !== 2) {
        process.stderr.write("pypack dis: error: optimization level must be 0, 1 or 2\n");
        process.exit(2);
      }
      let source: string;
      let filename: string;
      try {
        if (opts.c !== undefined) {
          source = opts.c;
          filename = "<string>";
        } else if (file !== undefined) {
          filename = file;
          source = decodeSource(fs.readFileSync(file), file);
        } else {
          process.stderr.write("pypack dis: expected FILE or -c CODE\n");
          process.exit(2);
        }
        const { code, warnings } = compileSourceWithWarnings(source, filename, "exec", { optimize: level as 0 | 1 | 2 });
        for (const w of warnings) process.stderr.write(formatWarning(w, filename, source));
        process.stdout.write(disassemble(code));
      } catch (e) {
        if (e instanceof PySyntaxError) {
          process.stderr.write(formatSyntaxError(e));
          process.exit(1);
        }
        if (e instanceof Error && "code" in e && typeof e.code === "string" && e.code.startsWith("E")) {
          process.stderr.write(`pypack dis: can't open file '${file}': ${e.message}\n`);
          process.exit(2);
        }
        throw e;
      }
    });
}
