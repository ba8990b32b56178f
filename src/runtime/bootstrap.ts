// Entry point of the runtime bundle (out/runtime.js): the SEA main script of every executable pypack builds.
process.stderr.write("pypack runtime: not implemented yet\n");
process.exit(2);
