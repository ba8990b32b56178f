// Test helper (not a test): runs a Python file on pypack's VM, as `python3 FILE` would. Usage: tsx run_program.ts FILE
import { readFileSync } from "node:fs";
import path from "node:path";
import { runMain } from "../../../src/runtime/entry";

const file = process.argv[2];
const stdlibZip = path.resolve(__dirname, "../../../node_modules/pyodide/python_stdlib.zip");
runMain({ argv: [file], main: { kind: "code", code: readFileSync(file, "utf8") }, stdlibZip }).then((rc) => process.exit(rc));
