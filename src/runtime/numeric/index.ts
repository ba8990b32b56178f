// Public API of the numeric algorithms (pure functions on JS numbers/bigints/strings) the VM's int/float/complex/str code calls.
export * from "./errors";
export * from "./digits";
export * from "./floatRepr";
export * from "./hash";
export * from "./intStr";
export * from "./unicode";
export * from "./formatSpec";
export * from "./parse";
export * from "./bigFloat";
export * from "./floatOps";
export * from "./intOps";
export * from "./percentFormat";
export * from "./libm";
export * from "./powCore";
export * from "./mathFuncs";
export * from "./complexOps";
