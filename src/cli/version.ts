export const PYPACK_VERSION = "0.1.0";
