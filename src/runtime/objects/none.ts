// NoneType, NotImplementedType and ellipsis: the singletons' types.
import { NoneType, NotImplementedType, EllipsisType, None, NotImplemented, Ellipsis, typeError, PySingleton } from "../core";
import { defMethod, defStaticMethod } from "../define";
import * as ops from "../ops";

NoneType.slots.repr = () => "None";
NoneType.slots.bool = () => false;
NoneType.slots.hash = () => 0xfcfb11e6a9b7; // a fixed hash (3.12 makes hash(None) constant)
defStaticMethod(NoneType, "__new__", (args) => {
  if (args.length > 1) throw typeError("NoneType takes no arguments");
  return None;
});
NotImplementedType.slots.repr = () => "NotImplemented";
defStaticMethod(NotImplementedType, "__new__", () => NotImplemented);
defMethod(NotImplementedType, "__reduce__", () => "NotImplemented");
NotImplementedType.slots.bool = () => true;
EllipsisType.slots.repr = () => "Ellipsis";
defStaticMethod(EllipsisType, "__new__", () => Ellipsis);
defMethod(EllipsisType, "__reduce__", () => "Ellipsis");
for (const t of [NotImplementedType, EllipsisType]) t.slots.hash = (x) => ops.identityHash(x) >> 4;
export { PySingleton };
