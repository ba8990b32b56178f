// The `pypack` command line: parses options with commander and hands them to the stage that does the work.
import { Command } from "commander";
import { registerAst } from "./commands/ast";
import { registerBuild } from "./commands/build";
import { registerCompile } from "./commands/compile";
import { registerDis } from "./commands/dis";
import { registerInspect } from "./commands/inspect";
import { registerRun, runFromArgv } from "./commands/run";
import { PYPACK_VERSION } from "./version";

function main(argv: string[]): void {
  // `pypack run` takes python3's command line verbatim (its -v/-c/-m belong to the Python program).
  if (argv[2] === "run") {
    void runFromArgv(argv.slice(3));
    return;
  }
  const program = new Command("pypack")
    .description("Turn a Python 3.12 program into one standalone executable")
    .version(PYPACK_VERSION, "-v, --version")
    .showHelpAfterError(false)
    .exitOverride((err) => {
      // Usage errors exit 2 as CPython and PyInstaller do; --help and --version exit 0.
      process.exit(err.exitCode === 0 ? 0 : 2);
    });
  registerBuild(program);
  registerRun(program);
  registerCompile(program);
  registerDis(program);
  registerAst(program);
  registerInspect(program);
  program.parse(argv);
}

main(process.argv);
