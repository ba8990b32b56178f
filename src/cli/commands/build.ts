// `pypack build`: option parsing only; the work is done by the stage module it calls.
import type { Command } from "commander";

export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      process.stderr.write("pypack build: not implemented yet\n");
      process.exit(2);
    });
}
