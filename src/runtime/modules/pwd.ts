// pwd: the password database read from /etc/passwd (getpwuid, getpwnam, getpwall, struct_passwd).
import * as fs from "node:fs";
import { PyList, PyObject, PyBytes, newException, KeyErrorType, typeError, isInt, isStr, strValue, typeOf } from "../core";
import * as ops from "../ops";
import { makeModule } from "../define";
import { registerNativeModule } from "./registry";
import { PyStructSeq, makeStructSeqType } from "./posix/structseq";

const PasswdType = makeStructSeqType("pwd.struct_passwd", "pwd", ["pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"], []);

/** Reads a colon-separated database file (missing file = empty database). */
export function readDb(path: string): string[][] {
  let text: string;
  try {
    text = fs.readFileSync(path, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) => l.split(":"));
}
function entries(): PyObject[] {
  return readDb("/etc/passwd")
    .filter((f) => f.length >= 7)
    .map((f) => new PyStructSeq([f[0], f[1], Number(f[2]), Number(f[3]), f[4], f[5], f[6]], [], PasswdType));
}

registerNativeModule("pwd", () =>
  makeModule("pwd", {
    struct_passwd: PasswdType,
    getpwuid: (args) => {
      if (args.length !== 1) throw typeError(`pwd.getpwuid() takes exactly one argument (${args.length} given)`);
      const a = args[0];
      if (!isInt(a)) throw typeError(`'${typeOf(a).name}' object cannot be interpreted as an integer`);
      const uid = ops.indexNum(a);
      const e = entries().find((p) => (p as PyStructSeq).items[2] === uid);
      if (e === undefined) throw newException(KeyErrorType, `getpwuid(): uid not found: ${uid}`);
      return e;
    },
    getpwnam: (args) => {
      if (args.length !== 1) throw typeError(`pwd.getpwnam() takes exactly one argument (${args.length} given)`);
      const a = args[0];
      if (!isStr(a)) throw typeError(`getpwnam() argument must be str, not ${a instanceof PyBytes ? "bytes" : typeOf(a).name}`);
      const name = strValue(a);
      const e = entries().find((p) => (p as PyStructSeq).items[0] === name);
      if (e === undefined) throw newException(KeyErrorType, `getpwnam(): name not found: ${ops.repr(name)}`);
      return e;
    },
    getpwall: () => new PyList(entries()),
  }),
);
