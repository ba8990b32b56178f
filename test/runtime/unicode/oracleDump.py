# Dumps, for every code point, the character properties pypack's unicode tables must reproduce, as run-length JSON.
# Runs unchanged under python3 (CPython 3.11, prints) and Pyodide (CPython 3.12.7, last expression is the result).
import json
import unicodedata as u


def rle(values):
    out = []
    prev = None
    n = 0
    for v in values:
        if n and v == prev:
            n += 1
        else:
            if n:
                out.append([prev, n])
            prev, n = v, 1
    out.append([prev, n])
    return out


def mapped(c, r):
    # One code point: its distance from c (so runs like A..Z -> a..z compress); several: hex list.
    if len(r) == 1:
        return "d%d" % (ord(r) - c)
    return " ".join("%X" % ord(x) for x in r)


def flags(ch):
    bits = (ch.isalpha(), ch.isdecimal(), ch.isdigit(), ch.isnumeric(), ch.isalnum(), ch.isspace(),
            ch.islower(), ch.isupper(), ch.istitle(), ch.isprintable(), ch.isidentifier(),
            ("a" + ch).isidentifier(), len(("a" + ch + "b").splitlines()) > 1)
    return sum(1 << i for i, b in enumerate(bits) if b)


def dump():
    chars = [chr(c) for c in range(0x110000)]
    props = {
        "category": rle(u.category(ch) for ch in chars),
        "bidirectional": rle(u.bidirectional(ch) for ch in chars),
        "combining": rle(u.combining(ch) for ch in chars),
        "east_asian_width": rle(u.east_asian_width(ch) for ch in chars),
        "mirrored": rle(u.mirrored(ch) for ch in chars),
        "decomposition": rle(u.decomposition(ch) for ch in chars),
        "decimal": rle(u.decimal(ch, -1) for ch in chars),
        "digit": rle(u.digit(ch, -1) for ch in chars),
        "numeric": rle(repr(u.numeric(ch, None)) for ch in chars),
        "flags": rle(flags(ch) for ch in chars),
    }
    for name in ("lower", "upper", "title", "casefold", "swapcase", "capitalize"):
        props[name] = rle(mapped(c, getattr(ch, name)()) for c, ch in enumerate(chars))
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        props[form] = rle(mapped(c, u.normalize(form, ch)) for c, ch in enumerate(chars))
    props["is_normalized"] = rle(sum(1 << i for i, f in enumerate(("NFC", "NFD", "NFKC", "NFKD"))
                                     if u.is_normalized(f, ch)) for ch in chars)
    return json.dumps({"version": u.unidata_version, "props": props})


RESULT = dump()
RESULT
