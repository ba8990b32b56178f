// `pypack compile`: option parsing only; byte-compilation is done by src/compiler/compileall.ts (like `python -m compileall`).
import type { Command } from "commander";
import { compileAll } from "../../compiler/compileall";

interface CompileCliOptions {
  quiet: number;
  force?: boolean;
  l?: boolean;
  r?: string;
  optimize: string[];
  invalidationMode?: string;
}

export function registerCompile(program: Command): void {
  program
    .command("compile")
    .description("byte-compile Python files and directories into __pycache__ (like python -m compileall)")
    .argument("<paths...>", "files and directories to compile")
    .option("-q, --quiet", "output only error messages; -qq suppresses all output", (_v: string, prev: number) => prev + 1, 0)
    .option("-f, --force", "force rebuild even if timestamps are up-to-date")
    .option("-l", "don't recurse into subdirectories")
    .option("-r <levels>", "recursion depth (default: unlimited)")
    .option("-o, --optimize <level>", "optimization level 0, 1 or 2 (repeatable)", (v: string, prev: string[]) => [...prev, v], [] as string[])
    .option("--invalidation-mode <mode>", "timestamp (default) or checked-hash")
    .action((paths: string[], opts: CompileCliOptions) => {
      const levels = opts.optimize.map((o) => {
        if (o !== "0" && o !== "1" && o !== "2") {
          process.stderr.write(`pypack compile: error: optimization level must be 0, 1 or 2, not ${o}\n`);
          process.exit(2);
        }
        return Number(o) as 0 | 1 | 2;
      });
      let maxlevels = 1_000_000;
      if (opts.r !== undefined) maxlevels = Number(opts.r);
      if (opts.l) maxlevels = 0;
      if (!Number.isInteger(maxlevels) || maxlevels < 0) {
        process.stderr.write(`pypack compile: error: -r expects a non-negative integer\n`);
        process.exit(2);
      }
      const mode = opts.invalidationMode ?? "timestamp";
      if (mode !== "timestamp" && mode !== "checked-hash") {
        process.stderr.write(`pypack compile: error: invalid invalidation mode ${mode}\n`);
        process.exit(2);
      }
      const rc = compileAll(paths, { quiet: opts.quiet, force: opts.force ?? false, maxlevels, optimize: levels, hashBased: mode === "checked-hash" }, (t) => process.stdout.write(t));
      process.exitCode = rc;
    });
}
