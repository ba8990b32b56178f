// `pypack dis`: option parsing only; the work is done by the stage module it calls.
import type { Command } from "commander";

export function registerDis(program: Command): void {
  program
    .command("dis")
    .description("(not implemented yet)")
    .allowUnknownOption()
    .action(() => {
      process.stderr.write("pypack dis: not implemented yet\n");
      process.exit(2);
    });
}
