// `pypack ast`: option parsing only; the work is done by the stage module it calls.
import type { Command } from "commander";

export function registerAst(program: Command): void {
  program
    .command("ast")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      process.stderr.write("pypack ast: not implemented yet\n");
      process.exit(2);
    });
}
