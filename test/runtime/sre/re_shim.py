# End-to-end _sre check through CPython's own pattern compiler (re._parser / re._compiler from the stdlib) without
# importing the `re` package itself: a stand-in `re` module provides the package path and _compile_template, and the
# helpers below do what re.compile / re.sub / ... do. Expected output: re_shim.out (CPython 3.12.7, gen_re_shim.mjs).
import sys
import types

_stdlib = types.__file__.rsplit("/", 1)[0]
_real_re = sys.modules.get("re")
_shim = type(sys)("re")
_shim.__path__ = [_stdlib + "/re"]
_shim.__package__ = "re"
sys.modules["re"] = _shim

from re import _compiler, _parser, _constants
import _sre

try:
    memoryview(bytes(4)).cast("I")
except AttributeError:
    # The VM's memoryview has no cast() yet; re._compiler needs it only to pack BIGCHARSET block indices into words
    # (native order: little-endian), which this does the same way. Under CPython the real function is used.
    _compiler._bytes_to_codes = lambda b: [int.from_bytes(b[i : i + 4], "little") for i in range(0, len(b), 4)]


def _compile_template(pattern, repl):
    return _sre.template(pattern, _parser.parse_template(repl, pattern))


_shim._compile_template = _compile_template
I, M, S, X, A = 2, 8, 16, 64, 256
_cache = {}


def compile(pattern, flags=0):
    key = (type(pattern), pattern, flags)
    if key not in _cache:
        _cache[key] = _compiler.compile(pattern, flags)
    return _cache[key]


def match(p, s, flags=0):
    return compile(p, flags).match(s)


def search(p, s, flags=0):
    return compile(p, flags).search(s)


def fullmatch(p, s, flags=0):
    return compile(p, flags).fullmatch(s)


def findall(p, s, flags=0):
    return compile(p, flags).findall(s)


def finditer(p, s, flags=0):
    return compile(p, flags).finditer(s)


def sub(p, repl, s, count=0, flags=0):
    return compile(p, flags).sub(repl, s, count)


def subn(p, repl, s, count=0, flags=0):
    return compile(p, flags).subn(repl, s, count)


def split(p, s, maxsplit=0, flags=0):
    return compile(p, flags).split(s, maxsplit)


try:
    m = match(r"(?P<user>[\w.+-]+)@(?P<host>[\w-]+)\.(?P<tld>com|org|net)", "jo.doe+x@mail-box.org, more")
    print(m, m.groups(), m.groupdict(), m.lastindex, m.lastgroup, m.span("host"), m.expand(r"\g<host>.\3 <\1>"))
    print(m.re, dict(m.re.groupindex), type(m.re.groupindex).__name__, m.re.groups, m.re.flags, m.string, m.pos, m.endpos, m.regs)
    print(search(r"\d+", "abc 123 def"), fullmatch(r"\d+", "123"), fullmatch(r"\d+", "123x"), match("", ""))
    print(findall(r"\b\w", "the quick brown fox"), findall(r"(\w)(\d)?", "a1 b c3"), findall(r"", "ab"))
    print([m.span() for m in finditer(r"a*", "baaac")], [m.group() for m in finditer(r"\w+", "x, yy; zzz")])
    print(sub(r"(\w+) (\w+)", r"\2 \1", "hello world foo bar"), sub(r"a|(b)", r"[\1]", "abcab"), sub("x*", "-", "abxd"))
    print(sub(r"\d+", lambda m: str(int(m.group()) + 1), "a9 b99 c999"), subn(r"o", "0", "foo boo", 3), sub(r"(?m)^", "> ", "a\nb\n"))
    print(sub(r"(?P<w>\w+)", r"<\g<w>|\g<0>|\g<1>>", "ab cd"), sub(r"\s+", r"\n", "a  b\tc"), sub("a", r"\\", "banana"))
    print(split(r"[,;]\s*", "a, b;c,  d"), split(r"(,)", "a,b,c"), split(r"\s+", "  lead trail  "), split(r"x*", "axbc"), split(",", "a,b,c,d", 2))
    print(split(r"\b", "hi there"), split(r"(?<=-)", "a-b-c"), split(r"(a)|b", "1a2b3"))
    print(findall(r"[A-Z]+", "Hello World", I), search(r"HELLO", "say hello", I), findall(r"(?i)straße", "STRASSE Straße STRAßE"))
    print(findall(r"\w+", "naïve café ÉCOLE", I), findall(r"[à-ÿ]+", "àéî ÀÉÎŸ", I), findall(r"k", "Kk\u212a", I), findall(r"s", "Ss\u017f", I))
    print(findall(r"\d", "١٢3"), findall(r"\d", "١٢3", A), findall(r"\w+", "naïve café", A), findall(r"\s", "a\u00a0b\u2003c"))
    print(findall(r"^\w+$", "ab\ncd\n", M), findall(r".+", "a\nb", S), findall(r"a.c", "abc a\nc"), findall(r"(?x) a \  b # c", "a bab"))
    print(findall(r"\w+(?=!)", "wow! nice yes!"), findall(r"(?<=\$)\d+", "cost $30 or $45"), findall(r"\b\w+(?<!s)\b", "cats dog birds fish"))
    print(findall(r"<.+>", "<a><b>"), findall(r"<.+?>", "<a><b>"), findall(r"a{2,3}", "aaaaaaa"), findall(r"a{2,3}?", "aaaaaaa"))
    print(findall(r"(?>a+)b", "aaab aa"), findall(r"a++b", "aaab"), findall(r"(?:ab)*+c", "ababc abc"), findall(r"x?+x", "x xx"))
    print(findall(r"(\w)\1", "aabbcdd"), search(r"(?P<q>[\"']).*?(?P=q)", "say \"hi\" now").group(), findall(r"(a)?(?(1)b|c)", "ab c ac"))
    print(findall(r"[\u0100-\u2000\U0001F600-\U0001F64F]+", "a\u0101\u1234\U0001F600b"), findall(r"[^\u0100-\u01ff]+", "ab\u0150cd"), findall(r"\U0001F600+", "\U0001F600\U0001F600x"))
    print(search(r"\Bend", "bending weekend").span(), findall(r"\bend\b", "end bend end."), search(r"b\Z", "ab\n"), search(r"b$", "ab\n").span())
    print(compile(r"(\d+)-(\d+)").sub(r"\2-\1", "1-2 30-40"), compile(r"\d").match("x1", 1), compile(r"\d").search("12345", 1, 3))
    p = compile(r"(?P<k>\w+)=(?P<v>\w*)")
    print(p, dict(p.groupindex), [m.groupdict() for m in p.finditer("a=1 b= c=3")], p.scanner("a=1 b=2").search().span())
    print(repr(compile("a" * 250)), compile(b"abc", I), compile("x", M | S | X), compile(r"\w", A))
    print(findall(rb"\w+", b"ab\xe9 cd"), sub(rb"(\w)", rb"<\1>", b"ab"), split(rb"\s", b"a b\tc"), search(rb"[\x80-\xff]+", b"a\x81\xfeb"))
    mv = memoryview(b"ab12cd")
    m = search(rb"\d+", mv)
    print(m, m.string is mv, sub(rb"\d", b"#", mv), findall(rb"[a-z]+", mv[1:5]), sub(rb"b", memoryview(b"X"), b"abc"), split(rb"\d", bytearray(b"a1b")))
    for bad in [r"(unclosed", r"a{3,2}", r"[z-a]", r"(?<=a+)b", r"\1(a)", r"(?P<1>a)", "*a", r"\p"]:
        try:
            compile(bad)
        except _constants.error as e:
            print("error:", e.msg, e.pos)
    try:
        sub(r"(a)", r"\2", "a")
    except _constants.error as e:
        print("error:", e.msg, e.pos)
    try:
        sub(r"(?P<x>a)", r"\g<y>", "a")
    except IndexError as e:
        print("IndexError:", e)
    try:
        compile("a").match(b"a")
    except TypeError as e:
        print("TypeError:", e)
    log = "2024-01-05 ERROR disk full\n2024-01-05 INFO ok\n2024-01-06 ERROR cpu hot\n"
    print(findall(r"^(\S+) ERROR (.*)$", log, M), len(findall(r"^\d{4}", log, M)))
    tokens = findall(r"\d+\.\d+|\d+|[-+*/()]|\w+", "3.14*(radius+2)/x1")
    print(tokens, sub(r"(?P<word>\b\w)", lambda m: m.group("word").upper(), "title case this"))
finally:
    if _real_re is not None:
        sys.modules["re"] = _real_re
