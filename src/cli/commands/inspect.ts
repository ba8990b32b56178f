// `pypack inspect EXE`: option parsing only; src/packager/inspect.ts reads the executable.
import type { Command } from "commander";
import { exitWithError } from "./build";

export function registerInspect(program: Command): void {
  program
    .command("inspect")
    .description("list what a pypack executable contains: target, Node version, modules, data files, sizes, hashes")
    .argument("<executable>", "an executable built by pypack")
    .option("--json", "print the report as JSON")
    .action(async (file: string, opts: { json?: boolean }) => {
      try {
        const { inspectExecutable, formatReport } = await import("../../packager/inspect");
        const report = inspectExecutable(file);
        process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + "\n" : formatReport(report));
        if (!report.archive.intact) process.exitCode = 1;
      } catch (err) {
        exitWithError("inspect", err);
      }
    });
}
