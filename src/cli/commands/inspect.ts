// `pypack inspect`: option parsing only; the work is done by the stage module it calls.
import type { Command } from "commander";

export function registerInspect(program: Command): void {
  program
    .command("inspect")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      process.stderr.write("pypack inspect: not implemented yet\n");
      process.exit(2);
    });
}
