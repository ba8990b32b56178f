# End-to-end: unicodedata, ucd_3_2_0 (through stringprep) and the Unicode-dependent str methods, as a program sees them.
import unicodedata
import stringprep

SAMPLES = ["A", "é", "ß", "İ", "ǅ", "Σ", "ⅷ", "⅓", "一", "가", "\u0345", "\ufb01", "\u2028", "\U0001f600",
           "\U00011f00", "\u0378", "\ud800", "\ue000", "\u00a0", "\u0660", "\u00b2", "_", "\u1e9e"]

for ch in SAMPLES:
    print(ascii(ch), unicodedata.category(ch), unicodedata.bidirectional(ch), unicodedata.combining(ch),
          unicodedata.east_asian_width(ch), unicodedata.mirrored(ch), unicodedata.decomposition(ch),
          unicodedata.decimal(ch, None), unicodedata.digit(ch, None), unicodedata.numeric(ch, None),
          unicodedata.name(ch, None), unicodedata.ucd_3_2_0.category(ch), unicodedata.ucd_3_2_0.name(ch, None))
    print("  ", ascii(ch.lower()), ascii(ch.upper()), ascii(ch.title()), ascii(ch.casefold()),
          ascii(ch.swapcase()), ascii(ch.capitalize()), ch.isalpha(), ch.isdecimal(), ch.isdigit(),
          ch.isnumeric(), ch.isalnum(), ch.isspace(), ch.islower(), ch.isupper(), ch.istitle(),
          ch.isprintable(), ch.isidentifier(), repr(ch) == "'" + ch + "'")

for text in ["ΟΔΟΣ ΑΣ", "hello wORLD ǆungla", "straße İstanbul", "A\u030a\u0323 \u1e9b\u0323 \uac00\u11a8",
             "ﬁﬂ ⅷ ①"]:
    print(ascii(text.lower()), ascii(text.title()), ascii(text.swapcase()), text.istitle())
    for form in ("NFC", "NFD", "NFKC", "NFKD"):
        print("  ", form, ascii(unicodedata.normalize(form, text)), unicodedata.is_normalized(form, text),
              ascii(unicodedata.ucd_3_2_0.normalize(form, text)))

print(ascii("a\u2028b\x1cc\rd\r\ne\x85f".splitlines()))
print(ascii(" \u3000x\u2000y\x1f".split()))
print([stringprep.in_table_a1(chr(c)) for c in (0x221, 0x378, 0x1f600, 0x41)])
print([ascii(stringprep.map_table_b2(c)) for c in "\u00c5\u2168\u03a3\u1e9e"], ascii(stringprep.map_table_b3("\u1e9e")))
print(unicodedata.lookup("LATIN SMALL LETTER A WITH MACRON AND GRAVE") == "\u0101\u0300")
for bad in ("NO SUCH CHARACTER", "LATIN CAPITAL LETTER GHA"):
    try:
        print(ascii(unicodedata.ucd_3_2_0.lookup(bad)))
    except KeyError as e:
        print("KeyError", e)


class S(str):
    pass


# normalize() hands back its argument itself only when the quick check proves it normalized.
for text in ("\u00e9", "x\u0301", "abc", ""):
    for db in (unicodedata, unicodedata.ucd_3_2_0):
        print(ascii(text), type(db.normalize("NFC", S(text))).__name__, type(db.normalize("NFD", S(text))).__name__)
