// `pypack compile`: option parsing only; the work is done by the stage module it calls.
import type { Command } from "commander";

export function registerCompile(program: Command): void {
  program
    .command("compile")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      process.stderr.write("pypack compile: not implemented yet\n");
      process.exit(2);
    });
}
