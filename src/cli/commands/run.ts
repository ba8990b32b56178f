// `pypack run`: parses python3-style options (`run [-c CODE | -m MODULE | script] [args...]`) and calls the VM's runMain.
import type { Command } from "commander";
import type { RunOptions } from "../../runtime/entry";

/** Parses the arguments after `run` the way CPython's command line does. */
export function parseRunArgs(args: string[]): RunOptions | { error: string } {
  let optimize: 0 | 1 | 2 = 0;
  let unbuffered = false;
  let isolated = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      i++;
      break;
    }
    if (!a.startsWith("-") || a === "-") break;
    if (a === "-c") {
      if (i + 1 >= args.length) return { error: "Argument expected for the -c option" };
      return { argv: ["-c", ...args.slice(i + 2)], main: { kind: "code", code: args[i + 1] }, optimize, unbuffered, isolated };
    }
    if (a.startsWith("-c")) return { argv: ["-c", ...args.slice(i + 1)], main: { kind: "code", code: a.slice(2) }, optimize, unbuffered, isolated };
    if (a === "-m") {
      if (i + 1 >= args.length) return { error: "Argument expected for the -m option" };
      return { argv: [args[i + 1], ...args.slice(i + 2)], main: { kind: "module", name: args[i + 1] }, optimize, unbuffered, isolated };
    }
    if (a.startsWith("-m")) return { argv: [a.slice(2), ...args.slice(i + 1)], main: { kind: "module", name: a.slice(2) }, optimize, unbuffered, isolated };
    if (a === "-X" || a === "-W") {
      i++;
      continue;
    }
    if (a.startsWith("-X") || a.startsWith("-W")) continue;
    // clustered single-letter flags: -OO, -Bu ...
    for (const ch of a.slice(1)) {
      switch (ch) {
        case "O":
          optimize = optimize === 0 ? 1 : 2;
          break;
        case "u":
          unbuffered = true;
          break;
        case "I":
          isolated = true;
          break;
        case "B":
        case "E":
        case "s":
        case "S":
        case "q":
        case "b":
        case "d":
        case "v":
        case "i":
        case "P":
        case "R":
          break;
        default:
          return { error: `Unknown option: -${ch}` };
      }
    }
  }
  if (i >= args.length) return { error: "no script given (interactive mode is not supported)" };
  const script = args[i];
  return { argv: [script, ...args.slice(i + 1)], main: { kind: "file", path: script }, optimize, unbuffered, isolated };
}

/** Runs `pypack run ARGS...` from raw arguments (bypassing commander, whose root options such as -v would
 * otherwise consume the Python program's own options). */
export async function runFromArgv(args: string[]): Promise<void> {
  const parsed = parseRunArgs(args);
  if ("error" in parsed) {
    process.stderr.write(`pypack run: ${parsed.error}\n`);
    process.exit(2);
  }
  const { runMain } = await import("../../runtime/entry");
  process.exitCode = await runMain(parsed);
}

export function registerRun(program: Command): void {
  program
    .command("run")
    .description("run a Python program with the pypack VM, like python3 (run [-c CODE | -m MODULE | script] [args...])")
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument("[args...]")
    .action(async () => {
      // commander strips option-like arguments; take the raw argv after "run" instead.
      const raw = process.argv.slice(2);
      const at = raw.indexOf("run");
      const parsed = parseRunArgs(raw.slice(at + 1));
      if ("error" in parsed) {
        process.stderr.write(`pypack run: ${parsed.error}\n`);
        process.exit(2);
      }
      const { runMain } = await import("../../runtime/entry");
      const code = await runMain(parsed);
      process.exitCode = code;
    });
}
