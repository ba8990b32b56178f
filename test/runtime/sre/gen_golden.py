# Golden-case generator body, run inside Pyodide (CPython 3.12.7) by gen_golden.mjs after cases.py; the value of the last expression is the JSON.
import re, json, random
from re import _parser, _compiler

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

def random_pattern2(rnd, depth=0):
    # Richer atoms: classes, categories, case-insensitive letters, non-ASCII and astral characters, backreferences.
    atoms = ["a", "B", "\u00e9", "\u00c9", "k", "\u212a", "s", "\u017f", "\U0001f600", "[a-c]", "[^b\u00e9]", "[\\w\u00e9]",
             "\\d", "\\s", "\\W", "[\\S]", ".", "\\b", "\\B", "^", "$", "\\A", "\\Z", "[k-m]", "[\u00e0-\u00ff]", "\\1", "(?:\\1)?"]
    n = rnd.randint(1, 4)
    parts = []
    for _ in range(n):
        r = rnd.random()
        if depth < 2 and r < 0.3:
            inner = random_pattern2(rnd, depth + 1)
            kind = rnd.choice(["(%s)", "(?:%s)", "(%s|%s)", "(?=%s)", "(?!%s)", "(?>%s)", "(?i:%s)"])
            atom = kind % ((inner, random_pattern2(rnd, depth + 1)) if kind.count("%s") == 2 else inner)
        else:
            atom = rnd.choice(atoms)
        if rnd.random() < 0.4:
            atom += rnd.choice(["*", "+", "?", "*?", "+?", "{1,3}", "{2}?", "*+", "++"])
        parts.append(atom)
    return "".join(parts)

subjects2 = ["", "a", "Ab\u00e9", "\u00c9\u00e9K\u212a", "s\u017fS", "a1 b2", "\U0001f600a\U0001f600", "kK\u212a k",
             "x\ny\n", "BAab", "\u00e0\u00ff\u0100", "12 34", "aA\u00e9\u00c9 "]
seen2 = set()
while len(seen2) < 500:
    p = random_pattern2(rnd)
    if p in seen2:
        continue
    f = rnd.choice([0, I, I, I | A, M, S, A, I | M])
    try:
        re.compile(p, f)
    except (re.error, OverflowError, RecursionError):
        continue
    seen2.add(p)
    CASES.append((p, f, rnd.sample(subjects2, 5)))

def random_pattern3(rnd, depth=0, ngroups=[0]):
    # Nested counted/lazy/possessive repeats of groups, conditionals and backreferences over a two-letter alphabet.
    n = rnd.randint(1, 3)
    parts = []
    for _ in range(n):
        r = rnd.random()
        if depth < 3 and r < 0.45:
            inner = random_pattern3(rnd, depth + 1, ngroups)
            kind = rnd.choice(["(%s)", "(?:%s)", "(?:%s|%s)", "(%s|%s)", "(?>%s)", "(?=%s)", "(?!%s)"])
            if kind.count("%s") == 2:
                atom = kind % (inner, random_pattern3(rnd, depth + 1, ngroups))
            else:
                atom = kind % inner
            if kind.startswith("(%") or kind.startswith("(%s|"):
                ngroups[0] += 1
        elif r < 0.55 and ngroups[0]:
            g = rnd.randint(1, ngroups[0])
            atom = rnd.choice(["\\%d" % g, "(?(%d)a|b)" % g, "(?(%d)b)" % g])
        else:
            atom = rnd.choice(["a", "b", "a?", "[ab]", "."])
        if rnd.random() < 0.5:
            atom += rnd.choice(["*", "+", "?", "{2,3}", "{0,2}", "{1,}", "*?", "+?", "{1,3}?", "*+", "?+", "{2,}+"])
        parts.append(atom)
    return "".join(parts)

subjects3 = ["", "a", "b", "ab", "ba", "aab", "abab", "abba", "aaaa", "bbbb", "aabb", "ababab", "abaabaaab", "bbaabbaa"]
seen3 = set()
while len(seen3) < 500:
    p = random_pattern3(rnd, 0, [0])
    if p in seen3:
        continue
    try:
        re.compile(p)
    except (re.error, OverflowError, RecursionError):
        continue
    seen3.add(p)
    CASES.append((p, 0, rnd.sample(subjects3, 6)))

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

# Damaged code: _sre.compile must accept exactly what CPython's validator accepts.
import _sre
invalid = []
for case in rnd.sample(out, 400):
    code = list(case["code"])
    kind = rnd.choice(["set", "set", "truncate", "delete", "insert"])
    i = rnd.randrange(len(code))
    if kind == "set":
        code[i] = rnd.choice([0, 1, 2, 7, 15, 17, 31, 255, rnd.randrange(64), code[i] + 1, max(code[i] - 1, 0)])
    elif kind == "truncate":
        code = code[:i]
    elif kind == "delete":
        del code[i]
    else:
        code.insert(i, rnd.randrange(64))
    try:
        _sre.compile(None, 0, code, case["groups"], {}, ())
        valid = True
    except RuntimeError:
        valid = False
    invalid.append({"code": code, "groups": case["groups"], "valid": valid})

json.dumps({"cases": out, "big": big, "validate": invalid}, ensure_ascii=True)
