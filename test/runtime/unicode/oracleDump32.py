# Dumps unicodedata.ucd_3_2_0's view of every code point as run-length JSON (run in Pyodide, CPython 3.12.7).
import json
import unicodedata

o = unicodedata.ucd_3_2_0


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
    if len(r) == 1:
        return "d%d" % (ord(r) - c)
    return " ".join("%X" % ord(x) for x in r)


def dump():
    chars = [chr(c) for c in range(0x110000)]
    props = {
        "category": rle(o.category(ch) for ch in chars),
        "bidirectional": rle(o.bidirectional(ch) for ch in chars),
        "combining": rle(o.combining(ch) for ch in chars),
        "east_asian_width": rle(o.east_asian_width(ch) for ch in chars),
        "mirrored": rle(o.mirrored(ch) for ch in chars),
        "decomposition": rle(o.decomposition(ch) for ch in chars),
        "decimal": rle(o.decimal(ch, -1) for ch in chars),
        "digit": rle(o.digit(ch, -1) for ch in chars),
        "numeric": rle(repr(o.numeric(ch, None)) for ch in chars),
    }
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        props[form] = rle(mapped(c, o.normalize(form, ch)) for c, ch in enumerate(chars))
    return json.dumps({"version": o.unidata_version, "props": props})


dump()
