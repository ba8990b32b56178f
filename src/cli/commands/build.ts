// `pypack build` (also the default command: `pypack [options] script.py`): option parsing only; src/packager/build.ts does the work.
import { Command, Option } from "commander";
import { PypackError, oneLine } from "../../packager/errors";
import type { RawOptions } from "../../packager/options";

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Prints a packager failure as one line (syntax errors: CPython's multi-line text) and exits with its code. */
export function exitWithError(command: string, err: unknown): never {
  if (err instanceof PypackError) {
    const text = err.constructor.name === "ScriptSyntaxError" ? err.message : `pypack ${command}: error: ${oneLine(err)}`;
    process.stderr.write(text + "\n");
    process.exit(err.exitCode);
  }
  process.stderr.write(`pypack ${command}: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(70);
}

export function registerBuild(program: Command): void {
  program
    .command("build", { isDefault: true })
    .description("build a standalone executable from a Python script (the default command)")
    .argument("<script>", "the Python script to package")
    .option("-F, --onefile", "one executable file with everything inside (default)")
    .option("-D, --onedir", "the executable plus its archive beside it, for fast rebuilds")
    .option("-n, --name <NAME>", "name of the executable (default: the script's name)")
    .option("--distpath <DIR>", "where to put the executable (default: ./dist)")
    .option("--workpath <DIR>", "where to put temporary files and caches (default: ./build)")
    .option("-p, --paths <DIR>", "a directory to search for imports (repeatable)", collect)
    .option("--hidden-import <MODULE>", "a module to include although no import names it (repeatable)", collect)
    .option("--collect-submodules <PACKAGE>", "include every submodule of a package (repeatable)", collect)
    .option("--collect-data <PACKAGE>", "include a package's data files (repeatable)", collect)
    .option("--collect-all <PACKAGE>", "submodules, data files and metadata of a package (repeatable)", collect)
    .option("--copy-metadata <DIST>", "include a distribution's metadata (repeatable)", collect)
    .option("--add-data <SRC:DEST>", "add a file or directory at DEST in the bundle (SRC;DEST also accepted; repeatable)", collect)
    .option("--exclude-module <MODULE>", "leave a module out (repeatable)", collect)
    .option("-i, --icon <FILE.ico>", "icon of the Windows executable")
    .option("-w, --windowed", "Windows: no console window (GUI subsystem)")
    .addOption(new Option("--noconsole", "same as --windowed").hideHelp())
    .option("-c, --console", "open a console window (default)")
    .option("--clean", "empty pypack's caches in the workpath before building")
    .option("-y, --noconfirm", "replace existing output without asking (pypack never asks)")
    .option("--log-level <LEVEL>", "TRACE, DEBUG, INFO (default), WARN, DEPRECATION, ERROR or FATAL")
    .addOption(new Option("-O, --optimize <LEVEL>", "bytecode optimisation level, as python -O").choices(["0", "1", "2"]))
    .option("--target <LIST>", "host (default), linux-x64, linux-arm64, darwin-x64, darwin-arm64, win-x64 or all; comma-separated (repeatable)", collect)
    .option("--node-version <VERSION>", "Node version of the executable stubs")
    .option("--node-binary <PATH>", "use this local Node binary as the stub")
    .option("--include-source", "bundle .py sources so tracebacks show source lines")
    .action(async (script: string, opts: RawOptions & { noconsole?: boolean }) => {
      const raw: RawOptions = { ...opts, windowed: opts.windowed || opts.noconsole ? true : undefined };
      delete (raw as { noconsole?: boolean }).noconsole;
      try {
        const { resolveSettings } = await import("../../packager/options");
        const { build } = await import("../../packager/build");
        await build(resolveSettings(script, raw));
      } catch (err) {
        exitWithError("build", err);
      }
    });
}
