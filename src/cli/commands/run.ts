// `pypack run`: option parsing only; the work is done by the stage module it calls.
import type { Command } from "commander";

export function registerRun(program: Command): void {
  program
    .command("run")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      process.stderr.write("pypack run: not implemented yet\n");
      process.exit(2);
    });
}
