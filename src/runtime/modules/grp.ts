// grp: the group database read from /etc/group (getgrgid, getgrnam, getgrall, struct_group).
import { PyList, PyObject, PyBytes, newException, KeyErrorType, typeError, isInt, isStr, strValue, typeOf } from "../core";
import * as ops from "../ops";
import { makeModule } from "../define";
import { registerNativeModule } from "./registry";
import { PyStructSeq, makeStructSeqType } from "./posix/structseq";
import { readDb } from "./pwd";

const GroupType = makeStructSeqType("grp.struct_group", "grp", ["gr_name", "gr_passwd", "gr_gid", "gr_mem"], []);

function entries(): PyObject[] {
  return readDb("/etc/group")
    .filter((f) => f.length >= 4)
    .map((f) => new PyStructSeq([f[0], f[1], Number(f[2]), new PyList(f[3] === "" ? [] : f[3].split(","))], [], GroupType));
}

registerNativeModule("grp", () =>
  makeModule("grp", {
    struct_group: GroupType,
    getgrgid: (args) => {
      if (args.length !== 1) throw typeError(`grp.getgrgid() takes exactly one argument (${args.length} given)`);
      const a = args[0];
      if (!isInt(a)) throw typeError(`'${typeOf(a).name}' object cannot be interpreted as an integer`);
      const gid = ops.indexNum(a);
      const e = entries().find((g) => (g as PyStructSeq).items[2] === gid);
      if (e === undefined) throw newException(KeyErrorType, `getgrgid(): gid not found: ${gid}`);
      return e;
    },
    getgrnam: (args) => {
      if (args.length !== 1) throw typeError(`grp.getgrnam() takes exactly one argument (${args.length} given)`);
      const a = args[0];
      if (!isStr(a)) throw typeError(`getgrnam() argument must be str, not ${a instanceof PyBytes ? "bytes" : typeOf(a).name}`);
      const name = strValue(a);
      const e = entries().find((g) => (g as PyStructSeq).items[0] === name);
      if (e === undefined) throw newException(KeyErrorType, `getgrnam(): name not found: ${ops.repr(name)}`);
      return e;
    },
    getgrall: () => new PyList(entries()),
  }),
);
