// _tokenize: the module tokenize.py imports at load time. TokenizerIter (the C tokenizer behind
// tokenize.generate_tokens) is not wired to pypack's tokenizer yet and raises NotImplementedError when used.
import { makeBuiltinType, ObjectType, NotImplementedErrorType, newException } from "../core";
import { defStaticMethod, makeModule } from "../define";
import { registerNativeModule } from "./registry";

const TokenizerIterType = makeBuiltinType("TokenizerIter", ObjectType);
TokenizerIterType.dict.setStr("__module__", "_tokenize");
defStaticMethod(TokenizerIterType, "__new__", () => {
  throw newException(NotImplementedErrorType, "_tokenize.TokenizerIter (tokenize.generate_tokens) is not implemented by pypack yet");
});

registerNativeModule("_tokenize", () => makeModule("_tokenize", { TokenizerIter: TokenizerIterType }));
