// module objects: attribute access with module __getattr__ and CPython's messages, repr, __dict__.
import { ModuleType, PyModule, PyObject, PyType, PyDict, None, typeError, attributeError, typeOf, isinstance } from "../core";
import * as ops from "../ops";
import { defGetSet, defMethod, defStaticMethod, parseArgs } from "../define";

ModuleType.instDict = true;
ModuleType.slots.getattro = (self, name, suppress) => {
  const r = ops.genericGetAttr(self, name, true);
  if (r !== undefined) return r;
  const m = self as PyModule;
  const ga = m.dict.getStr("__getattr__");
  if (ga !== undefined) {
    if (suppress) {
      try {
        return ops.call(ga, [name]);
      } catch (e) {
        if (e instanceof PyModule || !(e instanceof Object)) throw e;
        if (isinstance(e as PyObject, ops.BaseExceptionType) && (e as { type: PyType }).type.name === "AttributeError") return undefined;
        throw e;
      }
    }
    return ops.call(ga, [name]);
  }
  if (suppress) return undefined;
  const modName = m.dict.getStr("__name__");
  if (typeof modName !== "string") throw attributeError(`module has no attribute '${name}'`, self, name);
  const spec = m.dict.getStr("__spec__");
  if (spec !== undefined && spec !== None) {
    const init = ops.getAttrOpt(spec, "_initializing");
    if (init !== undefined && ops.truthy(init)) {
      throw attributeError(`partially initialized module '${modName}' has no attribute '${name}' (most likely due to a circular import)`, self, name);
    }
  }
  throw attributeError(`module '${modName}' has no attribute '${name}'`, self, name);
};
ModuleType.slots.repr = (self) => {
  const m = self as PyModule;
  const loader = m.dict.getStr("__loader__");
  if (loader !== undefined && loader !== None) {
    const mr = ops.getAttrOpt(loader, "module_repr");
    void mr;
  }
  const name = m.dict.getStr("__name__");
  const n = typeof name === "string" ? name : "?";
  const file = m.dict.getStr("__file__");
  if (typeof file === "string") return `<module '${n}' from '${file}'>`;
  if (m.dict.getStr("__builtin__marker__") !== undefined || loader === undefined || loader === None) return `<module '${n}' (built-in)>`;
  return `<module '${n}'>`;
};
defStaticMethod(ModuleType, "__new__", (args) => {
  const cls = args[0] as PyType;
  const m = new PyModule(cls, "?");
  m.dict = new PyDict();
  return m;
});
defMethod(ModuleType, "__init__", (self, args, kw) => {
  const [name, doc] = parseArgs("module", args, kw, ["name", "doc"], 1);
  if (typeof name !== "string") throw typeError(`module.__init__() argument 'name' must be str, not ${typeOf(name!).name}`);
  const m = self as PyModule;
  m.dict.setStr("__name__", name);
  m.dict.setStr("__doc__", doc ?? None);
  m.dict.setStr("__package__", None);
  m.dict.setStr("__loader__", None);
  m.dict.setStr("__spec__", None);
  return None;
});
defGetSet(ModuleType, "__dict__", (self) => (self as PyModule).dict);
defMethod(ModuleType, "__dir__", (self) => {
  const d = (self as PyModule).dict;
  const f = d.getStr("__dir__");
  if (f !== undefined) return ops.call(f, []);
  return new (listCtor())(d.keyList());
});
import { PyList } from "../core";
function listCtor(): typeof PyList {
  return PyList;
}
