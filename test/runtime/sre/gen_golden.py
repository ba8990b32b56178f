# Golden-case generator body, run inside Pyodide (CPython 3.12.7) by gen_golden.mjs; the value of the last expression is the JSON.
import re, json, random
from re import _parser, _compiler

I, M, S, X, A, L, U = re.I, re.M, re.S, re.X, re.A, re.L, re.U

# (pattern, flags, subjects). Subjects of a bytes pattern are bytes.
CASES = [
    ("abc", 0, ["abc", "xabcx", "ab", "", "aabcabc"]),
    ("a", 0, ["", "a", "ba", "bbb"]),
    ("", 0, ["", "abc"]),
    ("a*", 0, ["", "aaa", "baaa", "aba"]),
    ("a+?", 0, ["aaa", "baa"]),
    ("a{2,3}", 0, ["a", "aa", "aaaa", "baaaab"]),
    ("a{2,3}?", 0, ["aaaa", "xaaa"]),
    ("a{,2}b", 0, ["aaab", "b", "ab"]),
    ("(a|b)*c", 0, ["ababc", "abab", "c", "xxabc"]),
    ("(a|b)*?c", 0, ["ababc", "abxc"]),
    ("(a|bc|d)+e", 0, ["abcde", "bcbce", "ae", "bce"]),
    ("(ab|a)(bc|c)", 0, ["abc", "abcc"]),
    ("((a)|(b))+", 0, ["ab", "ba", "aab", "c"]),
    ("(a)|(b)", 0, ["a", "b", "c"]),
    ("(a)?(b)?c", 0, ["c", "ac", "bc", "abc"]),
    ("(a*)*b", 0, ["aaab", "b", "aaa"]),
    ("(a*)+b", 0, ["aaab", "b"]),
    ("(a|)+b", 0, ["aab", "b"]),
    ("(?:a*?)*b", 0, ["aab", "b"]),
    ("(a*?)+?b", 0, ["aab"]),
    ("(\\w+)\\s+\\1", 0, ["hello hello", "hello world", "ab ab ab"]),
    ("(a)(b)?\\2", 0, ["ab", "abb", "a"]),
    ("(?P<x>a+)(?P=x)", 0, ["aaaa", "aaa", "a"]),
    ("(a)?(?(1)b|c)", 0, ["ab", "c", "ac", "b"]),
    ("(?P<q>['\"])?\\w+(?(q)(?P=q))", 0, ["'abc'", "abc", "\"abc'"]),
    ("(?=a)\\w+", 0, ["abc", "bac"]),
    ("\\w+(?=!)", 0, ["hi there!", "none"]),
    ("(?!a)\\w+", 0, ["abc", "bac"]),
    ("(?<=a)b", 0, ["ab", "cb", "b"]),
    ("(?<!a)b", 0, ["ab", "cb", "b"]),
    ("(?<=(a))b", 0, ["ab"]),
    ("(?<=\\$)\\d+(\\.\\d\\d)?", 0, ["cost $12.50 now", "12"]),
    ("(?<=ab|cd)e", 0, ["abe", "cde", "xe"]),
    ("(?<!ab|cd)e", 0, ["abe", "xe"]),
    ("(?=(a+))a*b\\1", 0, ["baaabac"]),
    ("(?!(a)b)\\w", 0, ["ab", "ac"]),
    ("(?>a+)b", 0, ["aab", "aa"]),
    ("(?>a|ab)c", 0, ["abc", "ac"]),
    ("a++b", 0, ["aaab", "aaa"]),
    ("a++a", 0, ["aaaa"]),
    ("(?:ab)++c", 0, ["ababc", "ababa"]),
    ("(?:ab)*+ab", 0, ["abab"]),
    ("(a|b)++c", 0, ["abbac", "ab"]),
    ("a?+a", 0, ["a", "aa"]),
    ("(?:a|b){2,}+c", 0, ["abc", "ac", "ababc"]),
    ("x*+", 0, ["", "xxx", "axx"]),
    ("(?:x|)*+y", 0, ["xxy", "y"]),
    ("^abc", 0, ["abc", "xabc", "x\nabc"]),
    ("^abc", M, ["x\nabc", "abc"]),
    ("abc$", 0, ["abc", "abc\n", "abc\n\n", "abcd"]),
    ("abc$", M, ["abc\nx", "abcx"]),
    ("\\Aabc\\Z", 0, ["abc", "abc\n"]),
    ("^$", M, ["", "a\n\nb", "\n"]),
    ("^", M, ["a\nb\n"]),
    ("$", M, ["a\nb\n"]),
    ("$", 0, ["a\nb\n", "ab"]),
    ("a.c", 0, ["abc", "a\nc"]),
    ("a.c", S, ["a\nc"]),
    (".*", 0, ["ab\ncd", ""]),
    (".*", S, ["ab\ncd"]),
    ("a.*?c", S, ["a\nbcxc"]),
    ("\\bfoo\\b", 0, ["foo", "a foo b", "foobar", "barfoo"]),
    ("\\Bfoo\\B", 0, ["xfoox", "foo"]),
    ("\\b", 0, ["", "ab cd"]),
    ("\\B", 0, ["", "ab"]),
    ("\\d+", 0, ["abc123def", "\u0663\u0664", "x\uff11"]),
    ("\\d+", A, ["\u0663\u0664 12"]),
    ("\\w+", 0, ["caf\u00e9 na\u00efve", "\u00b2\u00bd", "_x1", "\u4e2d\u6587"]),
    ("\\w+", A, ["caf\u00e9"]),
    ("\\W+", 0, ["a, b!c"]),
    ("\\s+", 0, ["a \t\n\r\x0b\x0cb", "a\u00a0\u2003b", "a\x1cb", "a\x85b"]),
    ("\\s+", A, ["a\u00a0 b"]),
    ("\\S+", 0, ["  ab  "]),
    ("[a-z]+", 0, ["Hello World"]),
    ("[^a-z]+", 0, ["Hello World"]),
    ("[a-cx-z0-3_]+", 0, ["--abxz01_9"]),
    ("[\\d\\s]+", 0, ["a1 2\t3b"]),
    ("[\\w.-]+@[\\w.-]+", 0, ["mail me at john.doe@example.com now"]),
    ("[^\\W\\d]+", 0, ["123abc456"]),
    ("[\u0100-\u0200]+", 0, ["a\u0101\u0150\u0201"]),
    ("[\u4e00-\u9fff]+", 0, ["abc\u4e2d\u6587def"]),
    ("[\U0001F600-\U0001F64F]+", 0, ["hi \U0001F600\U0001F601!"]),
    ("\U0001F600", 0, ["a\U0001F600b"]),
    ("a\U0001F600*b", 0, ["a\U0001F600\U0001F600b"]),
    ("[^\U0001F600]", 0, ["\U0001F600x"]),
    ("[\u00e0-\u00ff\u0100\u2000-\u20ff\U00010000-\U0001ffff]", 0, ["abc\u00e9", "\u20ac", "\U0001F600"]),
    ("[a\u00e9\u4e2d\U0001F600]+", 0, ["xa\u00e9\u4e2d\U0001F600y"]),
    ("abc", I, ["ABC", "aBc", "xAbC"]),
    ("[a-z]+", I, ["HeLLo"]),
    ("[^a-z]+", I, ["HeLLo123"]),
    ("\u00e9", I, ["\u00c9", "\u00e9"]),
    ("[\u00e0-\u00ef]+", I, ["\u00c0\u00c9\u00cf"]),
    ("k", I, ["K", "\u212a", "k"]),
    ("s", I, ["S", "\u017f"]),
    ("[k]", I, ["\u212a"]),
    ("[a-z]", I, ["\u212a", "\u017f", "\u0130", "\u0131"]),
    ("\u03c3", I, ["\u03a3", "\u03c2", "\u03c3"]),
    ("[\u03c3]", I, ["\u03c2"]),
    ("\u00df", I, ["\u1e9e", "SS"]),
    ("i", I, ["\u0130", "\u0131", "I"]),
    ("\u0130", I, ["i", "\u0130"]),
    ("[\u1f80-\u1f87]", I, ["\u1f88", "\u1f80"]),
    ("\u1fb3", I, ["\u1fbc", "\u1fb3"]),
    ("(a)\\1", I, ["aA", "Aa", "ab"]),
    ("(\u00e9)\\1", I, ["\u00e9\u00c9"]),
    ("abc", I | A, ["ABC"]),
    ("\u00e9", I | A, ["\u00c9"]),
    ("[a-z\u00e9]+", I | A, ["AB\u00c9"]),
    ("(?i)a(?-i:b)c", 0, ["AbC", "ABC"]),
    ("a[^b]c", I, ["aBc", "axc"]),
    ("[^k]", I, ["\u212a", "K", "x"]),
    ("a b c  # comment", X, ["abc", "a b c"]),
    ("[ ] x", X, [" x"]),
    ("(?x) a \\ b", 0, ["a b"]),
    ("\\x41\\u00e9\\N{GREEK SMALL LETTER ALPHA}", 0, ["A\u00e9\u03b1"]),
    ("a|b|c|d", 0, ["xxd", "xxx"]),
    ("foo|foobar", 0, ["foobar"]),
    ("(foo|foobar)$", 0, ["foobar"]),
    ("(?:a|b|c)(?:d|e|f)", 0, ["xbe", "af"]),
    ("ab|cd|[e-g]h", 0, ["xfh", "cd"]),
    ("(x)(y)(z)?", 0, ["xy", "xyz"]),
    ("((((((((((a))))))))))\\10", 0, ["aa"]),
    ("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)\\11", 0, ["abcdefghijkk"]),
    ("(?:(a)|b)*", 0, ["ab", "ba", "aba"]),
    ("(a|ab)(c|bcd)(d*)", 0, ["abcd"]),
    ("(a+|b+)*c", 0, ["aabbac"]),
    ("([ab]*?)(b)?(c)$", 0, ["abac", "abbc"]),
    ("(.*?)(\\d+)", 0, ["abc 123 def 45"]),
    ("(.*)(\\d+)", 0, ["abc 123 def 45"]),
    ("(\\d+)-(\\d+)-(\\d+)", 0, ["on 2024-01-15 and 1999-12-31"]),
    ("\"(?:[^\"\\\\]|\\\\.)*\"", 0, ["say \"hi \\\"there\\\"\" ok"]),
    ("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?", 0, ["x=-12.5e+3;", "42", "-0.1"]),
    ("(-?(?:0|[1-9]\\d*))(\\.\\d+)?([eE][-+]?\\d+)?", 0, ["-0.25e10", "123"]),
    ("[ \\t\\n\\r]*", 0, ["  \n x"]),
    ("(?s)(.*?)\\n", 0, ["line1\nline2\n"]),
    ("a{3}", 0, ["aa", "aaaa"]),
    ("(?:ab){2}", 0, ["ababab"]),
    ("(ab){1,2}?c", 0, ["ababc"]),
    ("(a){0}b", 0, ["ab"]),
    ("(?:a{2})*b", 0, ["aaab", "aaaab"]),
    ("(?:(?:a)*)*b", 0, ["aab"]),
    ("(a(b(c)))", 0, ["abc"]),
    ("(?P<first>\\w+) (?P<last>\\w+)", 0, ["Jane Doe", "x"]),
    ("x(?#comment)y", 0, ["xy"]),
    ("\\.", 0, ["a.b"]),
    ("[.]", 0, ["a.b"]),
    ("[]a]+", 0, ["]a]"]),
    ("[a-]+", 0, ["-a-"]),
    ("[\\]\\\\]+", 0, ["x]\\y"]),
    ("(a)|b", 0, ["b"]),
    ("(?:)", 0, ["abc"]),
    ("()", 0, ["abc"]),
    ("(|a)*", 0, ["aa"]),
    ("(a*)*", 0, ["b", "aab"]),
    ("(a*)+", 0, ["b"]),
    ("(a|b)*?", 0, ["ab"]),
    ("\\b\\w+\\b", 0, ["The quick brown fox"]),
    ("\\b\\w", 0, ["ab cd ef"]),
    ("\\w*", 0, ["ab cd"]),
    ("\\w*?", 0, ["ab"]),
    ("a*?", 0, ["aa"]),
    ("x*", 0, ["axbxx"]),
    ("(?m)^\\s*#.*$", 0, ["code\n  # comment\nmore # x\n#last"]),
    ("(?<=\\b)\\w", 0, ["ab cd"]),
    ("(?<=\\d{3})x", 0, ["123x 12x"]),
    ("(?<!^)x", 0, ["xx"]),
    ("(?<=,)\\w*", 0, [",a,,b"]),
    ("a(?=b)|a", 0, ["ab", "ac"]),
    ("(?=.*\\d)(?=.*[a-z]).{6,}", 0, ["abc123", "abcdef", "12345678"]),
    ("(\\w)(?=(\\w))", 0, ["abc"]),
    ("([a-c]*)\\1", 0, ["abcabc", "abcab"]),
    ("(a)|\\1", 0, ["a", "x"]),
    ("(?:(a)|b)\\1", 0, ["aa", "ba"]),
    ("(?:(a)|(b))(?(1)x|y)", 0, ["ax", "by", "ay", "bx"]),
    ("(a)?(?(1)|b)", 0, ["a", "b", "x"]),
    ("\\d{2,4}?\\d", 0, ["12345"]),
    ("[0-9a-fA-F]+", 0, ["0xDEADbeef"]),
    ("(?:[a-z]|\\d)+", I, ["AbC123"]),
    ("\\$\\{(\\w+)\\}", 0, ["${name} and ${x}"]),
    ("(?:\\r\\n|\\n|\\r)", 0, ["a\r\nb\nc\rd"]),
    ("[\\s\\S]+?x", 0, ["ab\ncx"]),
    ("(\\s*)(\\S+)(\\s*)", 0, ["  word  "]),
    ("(?a)\\w+", 0, ["ab\u00e9c"]),
    ("(?u)\\w+", 0, ["ab\u00e9c"]),
    ("(a)(?:b(c)|d)*", 0, ["abcbd", "abdbc"]),
    ("(?:a(b)?)+", 0, ["aba", "aab"]),
    ("(?:(a)|(b)|(c))+", 0, ["abc", "cba"]),
    ("((a)|b)+", 0, ["ab", "ba"]),
    ("(a|(b))+", 0, ["ab", "ba", "bab"]),
    ("(?:(a)b|ac)+", 0, ["abac"]),
    ("(?:x(a)|x(b))+", 0, ["xaxb", "xbxa"]),
    ("(?:(a)|b)+?c", 0, ["abc"]),
    ("(a)*?b\\1", 0, ["aaba"]),
    ("(?:(a)+?b)*", 0, ["abaab"]),
    (b"abc", 0, [b"xabcx", b"ab"]),
    (b"\\w+", 0, [b"ab\xe9cd", b"__1"]),
    (b"[\\x80-\\xff]+", 0, [b"ab\x80\xfe\xffc"]),
    (b"\\d+\\s*", 0, [b"12  x"]),
    (b"abc", I, [b"ABC", b"aBc"]),
    (b"[a-z]+", I, [b"HeLLo"]),
    (b"\\xe9", I, [b"\xc9", b"\xe9"]),
    (b"abc", L | I, [b"ABC"]),
    (b"[a-z]+", L | I, [b"ABc"]),
    (b"\\w+", L, [b"ab\xe9cd"]),
    (b"\\bab\\b", L, [b"x ab y", b"xab"]),
    (b"(a)\\1", L | I, [b"aA"]),
    (b"[^a]", L | I, [b"A", b"b"]),
    (b"a[^b]", L | I, [b"aB", b"ac"]),
    (b"(?:a|B)+", L | I, [b"AbAB"]),
    (b"\\bab\\b", 0, [b"x ab y"]),
    (b"\\x00+", 0, [b"a\x00\x00b"]),
    (b"(?s).+", 0, [b"a\nb"]),
    (b"^x$", M, [b"a\nx\nb"]),
]

def random_pattern(rnd, depth=0):
    atoms = ["a", "b", "c", ".", "[ab]", "[^a]", "\\w", "\\b", "^", "$", "", "(?:a|b)", "\\1"]
    n = rnd.randint(1, 4)
    parts = []
    for _ in range(n):
        r = rnd.random()
        if depth < 3 and r < 0.25:
            inner = random_pattern(rnd, depth + 1)
            kind = rnd.choice(["(%s)", "(?:%s)", "(%s|%s)", "(?=%s)", "(?!%s)", "(?>%s)", "(?P<g%d>%s)"])
            if kind == "(%s|%s)":
                atom = kind % (inner, random_pattern(rnd, depth + 1))
            elif kind == "(?P<g%d>%s)":
                atom = kind % (rnd.randint(0, 10**6), inner)
            else:
                atom = kind % inner
        elif r < 0.3:
            atom = rnd.choice(["(?<=a)", "(?<!b)", "(?<=ab)", "(?<!a|b)"])
        else:
            atom = rnd.choice(atoms)
        if atom and rnd.random() < 0.4:
            atom += rnd.choice(["*", "+", "?", "*?", "+?", "??", "{1,2}", "{2}", "{0,3}?", "*+", "++", "?+", "{1,3}+"])
        parts.append(atom)
    return "".join(parts)

rnd = random.Random(20221023)
subjects = ["", "a", "ab", "abc", "aab", "abab", "ba", "cab", "aaa", "a b", "abcab", "bbaa\nab", "c", "abba"]
seen = set()
while len(seen) < 700:
    p = random_pattern(rnd)
    if p in seen:
        continue
    f = rnd.choice([0, 0, 0, I, M, S])
    try:
        re.compile(p, f)
    except (re.error, OverflowError, RecursionError):
        continue
    seen.add(p)
    CASES.append((p, f, rnd.sample(subjects, 5)))

def code_for(p, flags):
    parsed = _parser.parse(p, flags)
    code = _compiler._code(parsed, flags)
    return [int(c) for c in code], parsed.state.groups - 1, parsed.state.flags | flags

def regs(m):
    if m is None:
        return None
    return [list(r) for r in m.regs] + [m.lastindex]

def text(s):
    return list(s) if isinstance(s, bytes) else s

out = []
for p, flags, subjects in CASES:
    code, groups, allflags = code_for(p, flags)
    rx = re.compile(p, flags)
    runs = []
    for s in subjects:
        n = len(s)
        bounds = [(0, n)] + ([(1, n), (0, n - 1), (2, n + 5), (n - 1, 1)] if n >= 2 else [])
        r = {"s": text(s), "m": [], "f": [], "se": []}
        for pos, endpos in bounds:
            r["m"].append(regs(rx.match(s, pos, endpos)))
            r["f"].append(regs(rx.fullmatch(s, pos, endpos)))
            r["se"].append(regs(rx.search(s, pos, endpos)))
        r["b"] = bounds
        r["it"] = [regs(m) for m in rx.finditer(s)]
        runs.append(r)
    out.append({"p": p.decode("latin-1") if isinstance(p, bytes) else p, "bytes": isinstance(p, bytes),
                "flags": allflags, "code": code, "groups": groups, "runs": runs})
# Long subjects (built as unit * times + tail on both sides): deep backtracking must not overflow any stack.
BIG = [
    ("(a|b)*c", "ab", 100000, "c"),
    ("(a|b)*c", "ab", 100000, "d"),
    ("(?:a|b)*?c", "ab", 100000, "c"),
    ("(ab)*", "ab", 100000, "x"),
    ("(?:(a)|b)+$", "ab", 50000, ""),
    ("(a|b)++c", "ab", 100000, "c"),
    ("(?>(?:a|b)*)c", "ab", 100000, "c"),
    ("\\w+\\s", "word", 100000, " "),
    ("(.)*x", "ab", 100000, "x"),
    ("(?:a|b)*(?<=b)c", "ab", 100000, "c"),
    ("(a|b)*?(?=c)", "ab", 100000, "c"),
    ("(?:x|ab)*(c)", "ab", 100000, "c"),
]
big = []
for p, unit, times, tail in BIG:
    subject = unit * times + tail
    code, groups, allflags = code_for(p, 0)
    rx = re.compile(p)
    big.append({"p": p, "code": code, "groups": groups, "unit": unit, "times": times, "tail": tail,
                "m": regs(rx.match(subject)), "f": regs(rx.fullmatch(subject))})

json.dumps({"cases": out, "big": big}, ensure_ascii=True)
