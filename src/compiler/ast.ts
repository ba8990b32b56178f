// The Python 3.12 abstract syntax tree: node kinds, field names and order exactly as CPython's `ast` module (Parser/Python.asdl).
// Generated once from CPython's node signatures; positions count columns in UTF-8 bytes, as CPython does.

/** Python constant values as they appear in Constant nodes (and MatchSingleton). */
export type ConstantValue = null | boolean | bigint | number | string | BytesConst | ComplexConst | typeof EllipsisConst;
/** `b"..."` literals. */
export class BytesConst {
  constructor(readonly value: Uint8Array) {}
}
/** Imaginary literals such as `2j` (the parser only ever makes real == 0; folding may make others). */
export class ComplexConst {
  constructor(
    readonly real: number,
    readonly imag: number,
  ) {}
}
/** The `...` constant. */
export const EllipsisConst: unique symbol = Symbol("Ellipsis");

/** Source position attributes carried by statements, expressions, patterns, arguments and the like. */
export interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

export type Operator = "Add" | "Sub" | "Mult" | "MatMult" | "Div" | "Mod" | "Pow" | "LShift" | "RShift" | "BitOr" | "BitXor" | "BitAnd" | "FloorDiv";
export type BoolOpKind = "And" | "Or";
export type UnaryOpKind = "Invert" | "Not" | "UAdd" | "USub";
export type CmpOp = "Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE" | "Is" | "IsNot" | "In" | "NotIn";
export type ExprContext = "Load" | "Store" | "Del";

export interface Expression {
  _type: "Expression";
  body: Expr;
}
export interface FunctionType {
  _type: "FunctionType";
  argtypes: Expr[];
  returns: Expr;
}
export interface Interactive {
  _type: "Interactive";
  body: Stmt[];
}
export interface Module {
  _type: "Module";
  body: Stmt[];
  type_ignores: TypeIgnoreNode[];
}
export type Mod = Expression | FunctionType | Interactive | Module;

export interface AnnAssign extends Located {
  _type: "AnnAssign";
  target: Expr;
  annotation: Expr;
  value: Expr | null;
  simple: number;
}
export interface Assert extends Located {
  _type: "Assert";
  test: Expr;
  msg: Expr | null;
}
export interface Assign extends Located {
  _type: "Assign";
  targets: Expr[];
  value: Expr;
  type_comment: string | null;
}
export interface AsyncFor extends Located {
  _type: "AsyncFor";
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
  type_comment: string | null;
}
export interface AsyncFunctionDef extends Located {
  _type: "AsyncFunctionDef";
  name: string;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
  type_comment: string | null;
  type_params: TypeParam[];
}
export interface AsyncWith extends Located {
  _type: "AsyncWith";
  items: WithItem[];
  body: Stmt[];
  type_comment: string | null;
}
export interface AugAssign extends Located {
  _type: "AugAssign";
  target: Expr;
  op: Operator;
  value: Expr;
}
export interface Break extends Located {
  _type: "Break";
}
export interface ClassDef extends Located {
  _type: "ClassDef";
  name: string;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decorator_list: Expr[];
  type_params: TypeParam[];
}
export interface Continue extends Located {
  _type: "Continue";
}
export interface Delete extends Located {
  _type: "Delete";
  targets: Expr[];
}
export interface ExprStmt extends Located {
  _type: "Expr";
  value: Expr;
}
export interface For extends Located {
  _type: "For";
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
  type_comment: string | null;
}
export interface FunctionDef extends Located {
  _type: "FunctionDef";
  name: string;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
  type_comment: string | null;
  type_params: TypeParam[];
}
export interface Global extends Located {
  _type: "Global";
  names: string[];
}
export interface If extends Located {
  _type: "If";
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface Import extends Located {
  _type: "Import";
  names: Alias[];
}
export interface ImportFrom extends Located {
  _type: "ImportFrom";
  module: string | null;
  names: Alias[];
  level: number | null;
}
export interface Match extends Located {
  _type: "Match";
  subject: Expr;
  cases: MatchCase[];
}
export interface Nonlocal extends Located {
  _type: "Nonlocal";
  names: string[];
}
export interface Pass extends Located {
  _type: "Pass";
}
export interface Raise extends Located {
  _type: "Raise";
  exc: Expr | null;
  cause: Expr | null;
}
export interface Return extends Located {
  _type: "Return";
  value: Expr | null;
}
export interface Try extends Located {
  _type: "Try";
  body: Stmt[];
  handlers: ExceptHandlerNode[];
  orelse: Stmt[];
  finalbody: Stmt[];
}
export interface TryStar extends Located {
  _type: "TryStar";
  body: Stmt[];
  handlers: ExceptHandlerNode[];
  orelse: Stmt[];
  finalbody: Stmt[];
}
export interface While extends Located {
  _type: "While";
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface With extends Located {
  _type: "With";
  items: WithItem[];
  body: Stmt[];
  type_comment: string | null;
}
export interface TypeAlias extends Located {
  _type: "TypeAlias";
  name: Expr;
  type_params: TypeParam[];
  value: Expr;
}
export type Stmt = AnnAssign | Assert | Assign | AsyncFor | AsyncFunctionDef | AsyncWith | AugAssign | Break | ClassDef | Continue | Delete | ExprStmt | For | FunctionDef | Global | If | Import | ImportFrom | Match | Nonlocal | Pass | Raise | Return | Try | TryStar | While | With | TypeAlias;

export interface Attribute extends Located {
  _type: "Attribute";
  value: Expr;
  attr: string;
  ctx: ExprContext;
}
export interface Await extends Located {
  _type: "Await";
  value: Expr;
}
export interface BinOp extends Located {
  _type: "BinOp";
  left: Expr;
  op: Operator;
  right: Expr;
}
export interface BoolOp extends Located {
  _type: "BoolOp";
  op: BoolOpKind;
  values: Expr[];
}
export interface Call extends Located {
  _type: "Call";
  func: Expr;
  args: Expr[];
  keywords: Keyword[];
}
export interface Compare extends Located {
  _type: "Compare";
  left: Expr;
  ops: CmpOp[];
  comparators: Expr[];
}
export interface Constant extends Located {
  _type: "Constant";
  value: ConstantValue;
  kind: string | null;
}
export interface Dict extends Located {
  _type: "Dict";
  /** null for `**mapping` entries. */
  keys: (Expr | null)[];
  values: Expr[];
}
export interface DictComp extends Located {
  _type: "DictComp";
  key: Expr;
  value: Expr;
  generators: Comprehension[];
}
export interface FormattedValue extends Located {
  _type: "FormattedValue";
  value: Expr;
  conversion: number;
  format_spec: Expr | null;
}
export interface GeneratorExp extends Located {
  _type: "GeneratorExp";
  elt: Expr;
  generators: Comprehension[];
}
export interface IfExp extends Located {
  _type: "IfExp";
  test: Expr;
  body: Expr;
  orelse: Expr;
}
export interface JoinedStr extends Located {
  _type: "JoinedStr";
  values: Expr[];
}
export interface Lambda extends Located {
  _type: "Lambda";
  args: Arguments;
  body: Expr;
}
export interface List extends Located {
  _type: "List";
  elts: Expr[];
  ctx: ExprContext;
}
export interface ListComp extends Located {
  _type: "ListComp";
  elt: Expr;
  generators: Comprehension[];
}
export interface Name extends Located {
  _type: "Name";
  id: string;
  ctx: ExprContext;
}
export interface NamedExpr extends Located {
  _type: "NamedExpr";
  target: Expr;
  value: Expr;
}
export interface Set extends Located {
  _type: "Set";
  elts: Expr[];
}
export interface SetComp extends Located {
  _type: "SetComp";
  elt: Expr;
  generators: Comprehension[];
}
export interface Slice extends Located {
  _type: "Slice";
  lower: Expr | null;
  upper: Expr | null;
  step: Expr | null;
}
export interface Starred extends Located {
  _type: "Starred";
  value: Expr;
  ctx: ExprContext;
}
export interface Subscript extends Located {
  _type: "Subscript";
  value: Expr;
  slice: Expr;
  ctx: ExprContext;
}
export interface Tuple extends Located {
  _type: "Tuple";
  elts: Expr[];
  ctx: ExprContext;
}
export interface UnaryOp extends Located {
  _type: "UnaryOp";
  op: UnaryOpKind;
  operand: Expr;
}
export interface Yield extends Located {
  _type: "Yield";
  value: Expr | null;
}
export interface YieldFrom extends Located {
  _type: "YieldFrom";
  value: Expr;
}
export type Expr = Attribute | Await | BinOp | BoolOp | Call | Compare | Constant | Dict | DictComp | FormattedValue | GeneratorExp | IfExp | JoinedStr | Lambda | List | ListComp | Name | NamedExpr | Set | SetComp | Slice | Starred | Subscript | Tuple | UnaryOp | Yield | YieldFrom;

export interface ExceptHandler extends Located {
  _type: "ExceptHandler";
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}
export type ExceptHandlerNode = ExceptHandler;

export interface MatchAs extends Located {
  _type: "MatchAs";
  pattern: Pattern | null;
  name: string | null;
}
export interface MatchClass extends Located {
  _type: "MatchClass";
  cls: Expr;
  patterns: Pattern[];
  kwd_attrs: string[];
  kwd_patterns: Pattern[];
}
export interface MatchMapping extends Located {
  _type: "MatchMapping";
  keys: Expr[];
  patterns: Pattern[];
  rest: string | null;
}
export interface MatchOr extends Located {
  _type: "MatchOr";
  patterns: Pattern[];
}
export interface MatchSequence extends Located {
  _type: "MatchSequence";
  patterns: Pattern[];
}
export interface MatchSingleton extends Located {
  _type: "MatchSingleton";
  value: ConstantValue;
}
export interface MatchStar extends Located {
  _type: "MatchStar";
  name: string | null;
}
export interface MatchValue extends Located {
  _type: "MatchValue";
  value: Expr;
}
export type Pattern = MatchAs | MatchClass | MatchMapping | MatchOr | MatchSequence | MatchSingleton | MatchStar | MatchValue;

export interface TypeIgnore {
  _type: "TypeIgnore";
  lineno: number;
  tag: string;
}
export type TypeIgnoreNode = TypeIgnore;

export interface TypeVar extends Located {
  _type: "TypeVar";
  name: string;
  bound: Expr | null;
}
export interface ParamSpec extends Located {
  _type: "ParamSpec";
  name: string;
}
export interface TypeVarTuple extends Located {
  _type: "TypeVarTuple";
  name: string;
}
export type TypeParam = TypeVar | ParamSpec | TypeVarTuple;

export interface Alias extends Located {
  _type: "alias";
  name: string;
  asname: string | null;
}
export interface Arg extends Located {
  _type: "arg";
  arg: string;
  annotation: Expr | null;
  type_comment: string | null;
}
export interface Arguments {
  _type: "arguments";
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** null for keyword-only parameters without a default. */
  kw_defaults: (Expr | null)[];
  kwarg: Arg | null;
  defaults: Expr[];
}
export interface Comprehension {
  _type: "comprehension";
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  is_async: number;
}
export interface Keyword extends Located {
  _type: "keyword";
  arg: string | null;
  value: Expr;
}
export interface MatchCase {
  _type: "match_case";
  pattern: Pattern;
  guard: Expr | null;
  body: Stmt[];
}
export interface WithItem {
  _type: "withitem";
  context_expr: Expr;
  optional_vars: Expr | null;
}

/** Every node with a `_type`, the union the dumper and the compiler switch over. */
export type Node = Mod | Stmt | Expr | ExceptHandlerNode | Pattern | TypeIgnoreNode | TypeParam | Alias | Arg | Arguments | Comprehension | Keyword | MatchCase | WithItem;

/** The kind of a field as ASDL declares it: "expr?" is optional, "stmt*" a sequence. */
export interface FieldSpec {
  name: string;
  type: string;
}
/** Per node kind: its abstract base, its fields in order and whether it has position attributes. */
export interface NodeSpec {
  base: string;
  fields: readonly FieldSpec[];
  located: boolean;
}
export const NODE_SPECS: Readonly<Record<string, NodeSpec>> = {
  Add: { base: "operator", fields: [], located: false },
  And: { base: "boolop", fields: [], located: false },
  AnnAssign: { base: "stmt", fields: [{ name: "target", type: "expr" }, { name: "annotation", type: "expr" }, { name: "value", type: "expr?" }, { name: "simple", type: "int" }], located: true },
  Assert: { base: "stmt", fields: [{ name: "test", type: "expr" }, { name: "msg", type: "expr?" }], located: true },
  Assign: { base: "stmt", fields: [{ name: "targets", type: "expr*" }, { name: "value", type: "expr" }, { name: "type_comment", type: "string?" }], located: true },
  AsyncFor: { base: "stmt", fields: [{ name: "target", type: "expr" }, { name: "iter", type: "expr" }, { name: "body", type: "stmt*" }, { name: "orelse", type: "stmt*" }, { name: "type_comment", type: "string?" }], located: true },
  AsyncFunctionDef: { base: "stmt", fields: [{ name: "name", type: "identifier" }, { name: "args", type: "arguments" }, { name: "body", type: "stmt*" }, { name: "decorator_list", type: "expr*" }, { name: "returns", type: "expr?" }, { name: "type_comment", type: "string?" }, { name: "type_params", type: "type_param*" }], located: true },
  AsyncWith: { base: "stmt", fields: [{ name: "items", type: "withitem*" }, { name: "body", type: "stmt*" }, { name: "type_comment", type: "string?" }], located: true },
  Attribute: { base: "expr", fields: [{ name: "value", type: "expr" }, { name: "attr", type: "identifier" }, { name: "ctx", type: "expr_context" }], located: true },
  AugAssign: { base: "stmt", fields: [{ name: "target", type: "expr" }, { name: "op", type: "operator" }, { name: "value", type: "expr" }], located: true },
  Await: { base: "expr", fields: [{ name: "value", type: "expr" }], located: true },
  BinOp: { base: "expr", fields: [{ name: "left", type: "expr" }, { name: "op", type: "operator" }, { name: "right", type: "expr" }], located: true },
  BitAnd: { base: "operator", fields: [], located: false },
  BitOr: { base: "operator", fields: [], located: false },
  BitXor: { base: "operator", fields: [], located: false },
  BoolOp: { base: "expr", fields: [{ name: "op", type: "boolop" }, { name: "values", type: "expr*" }], located: true },
  Break: { base: "stmt", fields: [], located: true },
  Call: { base: "expr", fields: [{ name: "func", type: "expr" }, { name: "args", type: "expr*" }, { name: "keywords", type: "keyword*" }], located: true },
  ClassDef: { base: "stmt", fields: [{ name: "name", type: "identifier" }, { name: "bases", type: "expr*" }, { name: "keywords", type: "keyword*" }, { name: "body", type: "stmt*" }, { name: "decorator_list", type: "expr*" }, { name: "type_params", type: "type_param*" }], located: true },
  Compare: { base: "expr", fields: [{ name: "left", type: "expr" }, { name: "ops", type: "cmpop*" }, { name: "comparators", type: "expr*" }], located: true },
  Constant: { base: "expr", fields: [{ name: "value", type: "constant" }, { name: "kind", type: "string?" }], located: true },
  Continue: { base: "stmt", fields: [], located: true },
  Del: { base: "expr_context", fields: [], located: false },
  Delete: { base: "stmt", fields: [{ name: "targets", type: "expr*" }], located: true },
  Dict: { base: "expr", fields: [{ name: "keys", type: "expr*" }, { name: "values", type: "expr*" }], located: true },
  DictComp: { base: "expr", fields: [{ name: "key", type: "expr" }, { name: "value", type: "expr" }, { name: "generators", type: "comprehension*" }], located: true },
  Div: { base: "operator", fields: [], located: false },
  Eq: { base: "cmpop", fields: [], located: false },
  ExceptHandler: { base: "excepthandler", fields: [{ name: "type", type: "expr?" }, { name: "name", type: "identifier?" }, { name: "body", type: "stmt*" }], located: true },
  Expr: { base: "stmt", fields: [{ name: "value", type: "expr" }], located: true },
  Expression: { base: "mod", fields: [{ name: "body", type: "expr" }], located: false },
  FloorDiv: { base: "operator", fields: [], located: false },
  For: { base: "stmt", fields: [{ name: "target", type: "expr" }, { name: "iter", type: "expr" }, { name: "body", type: "stmt*" }, { name: "orelse", type: "stmt*" }, { name: "type_comment", type: "string?" }], located: true },
  FormattedValue: { base: "expr", fields: [{ name: "value", type: "expr" }, { name: "conversion", type: "int" }, { name: "format_spec", type: "expr?" }], located: true },
  FunctionDef: { base: "stmt", fields: [{ name: "name", type: "identifier" }, { name: "args", type: "arguments" }, { name: "body", type: "stmt*" }, { name: "decorator_list", type: "expr*" }, { name: "returns", type: "expr?" }, { name: "type_comment", type: "string?" }, { name: "type_params", type: "type_param*" }], located: true },
  FunctionType: { base: "mod", fields: [{ name: "argtypes", type: "expr*" }, { name: "returns", type: "expr" }], located: false },
  GeneratorExp: { base: "expr", fields: [{ name: "elt", type: "expr" }, { name: "generators", type: "comprehension*" }], located: true },
  Global: { base: "stmt", fields: [{ name: "names", type: "identifier*" }], located: true },
  Gt: { base: "cmpop", fields: [], located: false },
  GtE: { base: "cmpop", fields: [], located: false },
  If: { base: "stmt", fields: [{ name: "test", type: "expr" }, { name: "body", type: "stmt*" }, { name: "orelse", type: "stmt*" }], located: true },
  IfExp: { base: "expr", fields: [{ name: "test", type: "expr" }, { name: "body", type: "expr" }, { name: "orelse", type: "expr" }], located: true },
  Import: { base: "stmt", fields: [{ name: "names", type: "alias*" }], located: true },
  ImportFrom: { base: "stmt", fields: [{ name: "module", type: "identifier?" }, { name: "names", type: "alias*" }, { name: "level", type: "int?" }], located: true },
  In: { base: "cmpop", fields: [], located: false },
  Interactive: { base: "mod", fields: [{ name: "body", type: "stmt*" }], located: false },
  Invert: { base: "unaryop", fields: [], located: false },
  Is: { base: "cmpop", fields: [], located: false },
  IsNot: { base: "cmpop", fields: [], located: false },
  JoinedStr: { base: "expr", fields: [{ name: "values", type: "expr*" }], located: true },
  LShift: { base: "operator", fields: [], located: false },
  Lambda: { base: "expr", fields: [{ name: "args", type: "arguments" }, { name: "body", type: "expr" }], located: true },
  List: { base: "expr", fields: [{ name: "elts", type: "expr*" }, { name: "ctx", type: "expr_context" }], located: true },
  ListComp: { base: "expr", fields: [{ name: "elt", type: "expr" }, { name: "generators", type: "comprehension*" }], located: true },
  Load: { base: "expr_context", fields: [], located: false },
  Lt: { base: "cmpop", fields: [], located: false },
  LtE: { base: "cmpop", fields: [], located: false },
  MatMult: { base: "operator", fields: [], located: false },
  Match: { base: "stmt", fields: [{ name: "subject", type: "expr" }, { name: "cases", type: "match_case*" }], located: true },
  MatchAs: { base: "pattern", fields: [{ name: "pattern", type: "pattern?" }, { name: "name", type: "identifier?" }], located: true },
  MatchClass: { base: "pattern", fields: [{ name: "cls", type: "expr" }, { name: "patterns", type: "pattern*" }, { name: "kwd_attrs", type: "identifier*" }, { name: "kwd_patterns", type: "pattern*" }], located: true },
  MatchMapping: { base: "pattern", fields: [{ name: "keys", type: "expr*" }, { name: "patterns", type: "pattern*" }, { name: "rest", type: "identifier?" }], located: true },
  MatchOr: { base: "pattern", fields: [{ name: "patterns", type: "pattern*" }], located: true },
  MatchSequence: { base: "pattern", fields: [{ name: "patterns", type: "pattern*" }], located: true },
  MatchSingleton: { base: "pattern", fields: [{ name: "value", type: "constant" }], located: true },
  MatchStar: { base: "pattern", fields: [{ name: "name", type: "identifier?" }], located: true },
  MatchValue: { base: "pattern", fields: [{ name: "value", type: "expr" }], located: true },
  Mod: { base: "operator", fields: [], located: false },
  Module: { base: "mod", fields: [{ name: "body", type: "stmt*" }, { name: "type_ignores", type: "type_ignore*" }], located: false },
  Mult: { base: "operator", fields: [], located: false },
  Name: { base: "expr", fields: [{ name: "id", type: "identifier" }, { name: "ctx", type: "expr_context" }], located: true },
  NamedExpr: { base: "expr", fields: [{ name: "target", type: "expr" }, { name: "value", type: "expr" }], located: true },
  Nonlocal: { base: "stmt", fields: [{ name: "names", type: "identifier*" }], located: true },
  Not: { base: "unaryop", fields: [], located: false },
  NotEq: { base: "cmpop", fields: [], located: false },
  NotIn: { base: "cmpop", fields: [], located: false },
  Or: { base: "boolop", fields: [], located: false },
  ParamSpec: { base: "type_param", fields: [{ name: "name", type: "identifier" }], located: true },
  Pass: { base: "stmt", fields: [], located: true },
  Pow: { base: "operator", fields: [], located: false },
  RShift: { base: "operator", fields: [], located: false },
  Raise: { base: "stmt", fields: [{ name: "exc", type: "expr?" }, { name: "cause", type: "expr?" }], located: true },
  Return: { base: "stmt", fields: [{ name: "value", type: "expr?" }], located: true },
  Set: { base: "expr", fields: [{ name: "elts", type: "expr*" }], located: true },
  SetComp: { base: "expr", fields: [{ name: "elt", type: "expr" }, { name: "generators", type: "comprehension*" }], located: true },
  Slice: { base: "expr", fields: [{ name: "lower", type: "expr?" }, { name: "upper", type: "expr?" }, { name: "step", type: "expr?" }], located: true },
  Starred: { base: "expr", fields: [{ name: "value", type: "expr" }, { name: "ctx", type: "expr_context" }], located: true },
  Store: { base: "expr_context", fields: [], located: false },
  Sub: { base: "operator", fields: [], located: false },
  Subscript: { base: "expr", fields: [{ name: "value", type: "expr" }, { name: "slice", type: "expr" }, { name: "ctx", type: "expr_context" }], located: true },
  Try: { base: "stmt", fields: [{ name: "body", type: "stmt*" }, { name: "handlers", type: "excepthandler*" }, { name: "orelse", type: "stmt*" }, { name: "finalbody", type: "stmt*" }], located: true },
  TryStar: { base: "stmt", fields: [{ name: "body", type: "stmt*" }, { name: "handlers", type: "excepthandler*" }, { name: "orelse", type: "stmt*" }, { name: "finalbody", type: "stmt*" }], located: true },
  Tuple: { base: "expr", fields: [{ name: "elts", type: "expr*" }, { name: "ctx", type: "expr_context" }], located: true },
  TypeAlias: { base: "stmt", fields: [{ name: "name", type: "expr" }, { name: "type_params", type: "type_param*" }, { name: "value", type: "expr" }], located: true },
  TypeIgnore: { base: "type_ignore", fields: [{ name: "lineno", type: "int" }, { name: "tag", type: "string" }], located: false },
  TypeVar: { base: "type_param", fields: [{ name: "name", type: "identifier" }, { name: "bound", type: "expr?" }], located: true },
  TypeVarTuple: { base: "type_param", fields: [{ name: "name", type: "identifier" }], located: true },
  UAdd: { base: "unaryop", fields: [], located: false },
  USub: { base: "unaryop", fields: [], located: false },
  UnaryOp: { base: "expr", fields: [{ name: "op", type: "unaryop" }, { name: "operand", type: "expr" }], located: true },
  While: { base: "stmt", fields: [{ name: "test", type: "expr" }, { name: "body", type: "stmt*" }, { name: "orelse", type: "stmt*" }], located: true },
  With: { base: "stmt", fields: [{ name: "items", type: "withitem*" }, { name: "body", type: "stmt*" }, { name: "type_comment", type: "string?" }], located: true },
  Yield: { base: "expr", fields: [{ name: "value", type: "expr?" }], located: true },
  YieldFrom: { base: "expr", fields: [{ name: "value", type: "expr" }], located: true },
  alias: { base: "AST", fields: [{ name: "name", type: "identifier" }, { name: "asname", type: "identifier?" }], located: true },
  arg: { base: "AST", fields: [{ name: "arg", type: "identifier" }, { name: "annotation", type: "expr?" }, { name: "type_comment", type: "string?" }], located: true },
  arguments: { base: "AST", fields: [{ name: "posonlyargs", type: "arg*" }, { name: "args", type: "arg*" }, { name: "vararg", type: "arg?" }, { name: "kwonlyargs", type: "arg*" }, { name: "kw_defaults", type: "expr*" }, { name: "kwarg", type: "arg?" }, { name: "defaults", type: "expr*" }], located: false },
  comprehension: { base: "AST", fields: [{ name: "target", type: "expr" }, { name: "iter", type: "expr" }, { name: "ifs", type: "expr*" }, { name: "is_async", type: "int" }], located: false },
  keyword: { base: "AST", fields: [{ name: "arg", type: "identifier?" }, { name: "value", type: "expr" }], located: true },
  match_case: { base: "AST", fields: [{ name: "pattern", type: "pattern" }, { name: "guard", type: "expr?" }, { name: "body", type: "stmt*" }], located: false },
  withitem: { base: "AST", fields: [{ name: "context_expr", type: "expr" }, { name: "optional_vars", type: "expr?" }], located: false },
};
/** Singleton-valued sum types (operators, contexts): their members are written `Add()` by ast.dump. */
export const SIMPLE_SUMS: Readonly<Record<string, readonly string[]>> = {
  operator: ["Add", "BitAnd", "BitOr", "BitXor", "Div", "FloorDiv", "LShift", "MatMult", "Mod", "Mult", "Pow", "RShift", "Sub"],
  boolop: ["And", "Or"],
  unaryop: ["Invert", "Not", "UAdd", "USub"],
  cmpop: ["Eq", "Gt", "GtE", "In", "Is", "IsNot", "Lt", "LtE", "NotEq", "NotIn"],
  expr_context: ["Del", "Load", "Store"],
};
