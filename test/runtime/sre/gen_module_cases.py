# Builds module_cases.py: a program that drives _sre directly (Pattern/Match/Scanner objects, errors) with CPython 3.12's
# compiled code for the shared cases. Run inside Pyodide after cases.py by gen_module_cases.mjs; the last expression is the
# program text. The program itself needs only builtins and _sre, so it runs before pypack's VM can import `re`.
from re import _parser, _compiler

HEADER = r'''
import _sre

def show_match(p, m):
    if m is None:
        print("  None")
        return
    print("  ", repr(m), m.span(), m.start(), m.end(), m.pos, m.endpos, m.lastindex, m.lastgroup, m.re is p)
    print("  ", m.group(), m.groups(), m.groups("-"), m.groupdict(), m.groupdict(0), m.regs)
    for g in range(p.groups + 1):
        print("   ", g, repr(m.group(g)), repr(m[g]), m.span(g), m.start(g), m.end(g))
    if p.groups >= 2:
        print("   ", m.group(1, 2), m.group(0, 1))
    for name in p.groupindex:
        print("   ", name, repr(m.group(name)), repr(m[name]), m.span(name))
    for bad in (p.groups + 1, -1, "nosuchgroup"):
        try:
            m.group(bad)
        except IndexError as e:
            print("    IndexError", e)

def show(p, subjects):
    print(repr(p), repr(p.pattern), p.flags, p.groups, dict(p.groupindex), p == p, hash(p) == hash(p))
    for s, n in subjects:
        print("subject", repr(s))
        for pos, endpos in ((0, n), (1, n), (0, max(n - 1, 0))):
            print(" match", pos, endpos); show_match(p, p.match(s, pos, endpos))
            print(" fullmatch", pos, endpos); show_match(p, p.fullmatch(s, pos, endpos))
            print(" search", pos, endpos); show_match(p, p.search(s, pos, endpos))
        print(" findall", p.findall(s), p.findall(s, 1), p.findall(s, 0, max(n - 1, 0)))
        print(" finditer", [(m.span(), m.groups()) for m in p.finditer(s)])
        print(" split", p.split(s), p.split(s, 1), p.split(s, maxsplit=2))
        if isinstance(s, str):
            wrap = lambda m: "<" + m.group() + ">"
            lit, bs = "#", "\\"
        else:
            wrap = lambda m: b"<" + m.group() + b">"
            lit, bs = b"#", b"\\"
        print(" sub", repr(p.sub(wrap, s)), repr(p.sub(lit, s)), p.subn(lit, s), repr(p.sub(lit, s, 1)), p.subn(wrap, s, count=2))
        print(" sub None", repr(p.sub(lambda m: None, s)))
        sc = p.scanner(s)
        print(" scanner", [m and m.span() for m in (sc.match(), sc.match(), sc.search(), sc.search(), sc.search())], sc.pattern is p)

def errors(p, s):
    other = b"x" if isinstance(s, str) else "x"
    for f in (lambda: p.match(other), lambda: p.search(1), lambda: p.sub(lambda m: 1, s), lambda: p.match(s, "x"),
              lambda: p.findall(), lambda: p.match(s, pos=0, bad=1)):
        try:
            r = f()
            print("  ok", repr(r))
        except (TypeError, IndexError, ValueError, OverflowError) as e:
            print("  ", type(e).__name__, e)
'''

def compile_args(pat, flags):
    parsed = _parser.parse(pat, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for k, v in groupindex.items():
        indexgroup[v] = k
    return (pat, int(flags | parsed.state.flags), code, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))

EXTRA = [("x+", 0, ["a" + "x" * 100]), ("y" * 300, 0, ["y" * 300]), ("(?P<n>\\d+)|(?P<w>[a-z]+)", 0, ["ab 12 cd"])]
str_lines = [HEADER]
bytes_lines = [HEADER]
for i, (pat, flags, subjects) in enumerate(CASES + EXTRA):
    lines = bytes_lines if isinstance(pat, bytes) else str_lines
    args = compile_args(pat, flags)
    lines.append("p = _sre.compile(%s)" % ", ".join(repr(a) for a in args))
    lines.append("show(p, %r)" % ([(s, len(s)) for s in subjects],))
    if i % 10 == 0:
        lines.append("errors(p, %r)" % (subjects[0],))

bytes_lines.append("ARGS_A = %r" % (compile_args("a", re.I),))
bytes_lines.append("ARGS_BA = %r" % (compile_args(b"a", 0),))
bytes_lines.append(r'''
a = _sre.compile(*ARGS_A)
c = _sre.compile(*ARGS_BA)
print(a == c, repr(c))
''')
str_lines.append("ARGS_A = %r" % (compile_args("a", re.I),))
str_lines.append(r'''
print(_sre.MAGIC, _sre.CODESIZE, _sre.getcodesize(), _sre.copyright)
print([_sre.ascii_tolower(c) for c in (65, 97, 0xc9, 0x130)], [_sre.unicode_tolower(c) for c in (65, 0xc9, 0x130, 0x212a, 0x10400)])
print([_sre.ascii_iscased(c) for c in (65, 0x31, 0xe9)], [_sre.unicode_iscased(c) for c in (65, 0x31, 0xe9, 0xdf, 0x1fb3, 0x10400)])
a = _sre.compile(*ARGS_A)
b = _sre.compile(*ARGS_A)
print(a == b, a != b, hash(a) == hash(b), repr(a), a.__copy__() is a, a.__deepcopy__({}) is a)
for bad in ([-1], [2**64], ["x"]):
    try:
        _sre.compile("a", 0, bad, 0, {}, ())
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
for bad in ([], ["a", 1], ["a", -1, "b"]):
    try:
        _sre.template(a, bad)
        print("template ok")
    except TypeError as e:
        print(type(e).__name__, e)
try:
    _sre.compile(1, 0, [1], 0, {}, ())
except TypeError as e:
    print(type(e).__name__, e)
print(type(a).__name__, type(a).__module__, type(a.match("a")).__name__, type(a.scanner("a")).__name__)
''')
PROGRAMS = {"str": "\n".join(str_lines), "bytes": "\n".join(bytes_lines)}

# ---- Replacement templates: sub/subn/expand with backreferences. The program installs a stand-in `re` module whose
# _compile_template returns _sre.template(pattern, <CPython's parse_template result>), so it needs neither `re` nor the
# template parser on the VM; under CPython the results are the same as with the real module.
TEMPLATE_CASES = [
    ("(\\w+) (\\w+)", ["hello world", "a b c d", "x"], ["\\2 \\1", "[\\1]", "\\g<0>!", "\\g<2>\\g<1>", "x\\ny\\t\\\\", "\\1\\1"]),
    ("(?P<k>\\w+)=(?P<v>\\w*)", ["a=1 b= c=3"], ["\\g<v>:\\g<k>", "<\\g<k>>", "\\2"]),
    ("(a)|(b)", ["abcab"], ["[\\1|\\2]", "\\1", "-"]),
    ("", ["abc"], ["\\g<0>|"]),
    ("x*", ["axxb"], ["<\\g<0>>"]),
]
tl = [HEADER, "import sys", "TEMPLATES = {}"]
for i, (pat, subjects, repls) in enumerate(TEMPLATE_CASES):
    args = compile_args(pat, 0)
    rx = re.compile(pat)
    tl.append("p = _sre.compile(%s)" % ", ".join(repr(a) for a in args))
    for r in repls:
        tl.append("TEMPLATES[(%d, %r)] = %r" % (i, r, _parser.parse_template(r, rx)))
    tl.append("CASE = %d" % i)
    tl.append(r'''
class _StandInRe:
    @staticmethod
    def _compile_template(pattern, repl):
        return _sre.template(pattern, TEMPLATES[(CASE, repl)])
_real_re = sys.modules.get("re")
sys.modules["re"] = _StandInRe
try:
    for s in %r:
        for r in %r:
            print(repr(s), repr(r), repr(p.sub(r, s)), p.subn(r, s, 1))
            m = p.search(s)
            if m is not None:
                print("  expand", repr(m.expand(r)))
finally:
    if _real_re is not None:
        sys.modules["re"] = _real_re
''' % (subjects, repls))
tl.append(r'''
TEMPLATES[(CASE, "\\BAD")] = ["<", 7, ">"]
sys.modules["re"] = _StandInRe
try:
    p.sub("\\BAD", "axxb")
except IndexError as e:
    print("IndexError", e)
finally:
    if _real_re is not None:
        sys.modules["re"] = _real_re
''')
PROGRAMS["template"] = "\n".join(tl)
PROGRAMS
