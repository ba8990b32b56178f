// Test helper (not a test): runs a Python file on pypack's VM as `python3 FILE` would. Usage: tsx runProgram.ts FILE
import { readFileSync } from "node:fs";
import { runMain } from "../../../src/runtime/entry";

const file = process.argv[2];
runMain({ argv: [file], main: { kind: "code", code: readFileSync(file, "utf8") } }).then((rc) => process.exit(rc));
