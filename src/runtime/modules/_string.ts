// The `_string` native module: the PEP 3101 format-string parser that string.Formatter is built on (CPython's MarkupIterator).
import { None, PyObject, PyTuple } from "../core";
import { parseFormatString, splitFieldName } from "../objects/formatParser";
import { arity, makeModule } from "../define";
import { registerNativeModule } from "./registry";
import { argStr } from "../define";
import { newList } from "../core";
import * as ops from "../ops";

registerNativeModule("_string", () =>
  makeModule("_string", {
    formatter_parser: (args, kw) => {
      arity("formatter_parser", args, kw, 1);
      const chunks = parseFormatString(argStr(args[0], "formatter_parser() argument"));
      const tuples: PyObject[] = chunks.map((c) =>
        c.field === null
          ? new PyTuple([c.literal, None, None, None])
          : new PyTuple([c.literal, c.field.name, c.field.spec, c.field.conversion ?? None]),
      );
      return ops.getIter(newList(tuples));
    },
    formatter_field_name_split: (args, kw) => {
      arity("formatter_field_name_split", args, kw, 1);
      const { first, rest } = splitFieldName(argStr(args[0], "formatter_field_name_split() argument"));
      const parts: PyObject[] = rest.map((a) => new PyTuple([a.isAttr, a.key]));
      return new PyTuple([first, ops.getIter(newList(parts))]);
    },
  }),
);
