import codecs, json
print(json.dumps({"a": [1, 2.5, "x\u1234"]}), json.loads('{"b": "\\u00e9"}'))
print("héllo".encode("utf-8"), "héllo".encode("cp1252"), b"h\xe9llo".decode("cp1252"), "abc".encode("utf-16"), "a\U00012345".encode("utf-32-be"))
print(codecs.lookup("UTF 8").name, codecs.lookup("latin1").name, codecs.lookup("ISO-8859-15").name)
for h in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogateescape", "surrogatepass", "strict"]:
    for e in ["ascii", "latin-1", "utf-8", "utf-16-le", "utf-32-be", "cp1252"]:
        try: print(h, e, "a\xe9\u1234\U00012345\udc80\ud800".encode(e, h))
        except Exception as x: print(h, e, type(x).__name__, x)
for d in [b"a\xff\xe2\x82b", b"\xed\xa0\x80x", b"\xf0\x90\x80", b"\xe0\x80\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80"]:
    for h in ["ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass", "strict"]:
        for e in ["utf-8", "ascii", "utf-16-be", "utf-32-le", "cp1252"]:
            try: print(h, e, ascii(d.decode(e, h)))
            except Exception as x: print(h, e, type(x).__name__, x)
print(codecs.utf_8_decode(b"ab\xe2\x82", "strict", False), codecs.utf_16_ex_decode(b"\xff\xfea\x00b", "strict", 0, False))
print(codecs.utf_16_decode(b"\xfe\xff\x00a\xd8\x00", "strict", False), codecs.utf_32_ex_decode(b"\x00\x00\xfe\xff\x00\x00\x00a"))
print(codecs.escape_encode(b"a'\"\x00\x7f\\"), codecs.escape_decode(b"a\\x41\\n\\101"), codecs.unicode_escape_encode("a'\x00\u1234\U00012345\\"))
print(codecs.escape_decode(b"a\\x4g", "replace"), codecs.escape_decode(b"a\\x4g", "ignore"))
try: codecs.escape_decode(b"ab\\x4")
except ValueError as x: print(x)
print(codecs.unicode_escape_decode(b"a\\u00e9\\N{BULLET}\\x41\\t\\\n"), codecs.raw_unicode_escape_decode(b"a\\u00e9\\\\u1234\\x"), codecs.raw_unicode_escape_encode("a\xe9\u1234"))
for d in [b"\\x1", b"\\N{foo}", b"ab\\", b"\\U00110000", b"\\N", b"\\N{", b"\\u12"]:
    try: print(codecs.unicode_escape_decode(d))
    except Exception as x: print(type(x).__name__, x, x.start, x.end)
    print(codecs.unicode_escape_decode(d, "replace"))
    try: print(codecs.unicode_escape_decode(d, "strict", False))
    except Exception as x: print(type(x).__name__, x)
print(codecs.charmap_decode(b"\x00\x01\x02", "strict", "xyz"), codecs.charmap_encode("zyx", "strict", codecs.charmap_build("xyz")))
print(codecs.charmap_decode(b"\x00\x05", "replace", {0: "ab", 5: 0x263a}), codecs.charmap_encode("ab?", "replace", {97: 1, 98: b"XY", 63: 63}))
print(type(codecs.charmap_build("xyz")).__name__, "caf\xe9\u20ac".encode("cp437", "replace"), "€".encode("iso8859-15"), b"\x80\x81".decode("cp1252", "replace"))
def h(e): return ("[%d:%d]" % (e.start, e.end), e.end)
codecs.register_error("mine", h)
print("a\xe9\xe9b".encode("ascii", "mine"), b"a\xff\xfeb".decode("utf-8", "mine"), b"a\x81b".decode("cp1252", "mine"))
codecs.register_error("neg", lambda e: ("", -1))
print("a\xe9b".encode("ascii", "neg"))
codecs.register_error("bad", lambda e: 1)
try: "\xe9".encode("ascii", "bad")
except TypeError as x: print(x)
print(codecs.lookup_error("strict"), codecs.backslashreplace_errors(UnicodeDecodeError("x", b"ab\xff", 2, 3, "r")))
try: "a".encode("rot13")
except Exception as x: print(type(x).__name__, x)
try: b"a".decode("hex")
except Exception as x: print(type(x).__name__, x)
print(codecs.encode("abc", "rot13"), codecs.decode(b"616263", "hex"), codecs.encode(b"abc", "base64"))
try: codecs.decode(b"6", "hex")
except Exception as x: print(type(x).__name__, x, type(x.__cause__).__name__)
for f in [lambda: codecs.lookup("nope"), lambda: "\xe9".encode("ascii", "bogus"), lambda: codecs.lookup_error("x")]:
    try: f()
    except Exception as x: print(type(x).__name__, x)
dec = codecs.getincrementaldecoder("utf-8")()
print(dec.decode(b"\xe2"), dec.decode(b"\x82"), dec.decode(b"\xac", final=True))
dec = codecs.getincrementaldecoder("utf-16")()
print(dec.decode(b"\xff"), dec.decode(b"\xfea"), dec.decode(b"\x00b\x00", final=True) if False else dec.decode(b"\x00b\x00"))
print(b"\xff\xfea\x00".decode("utf-16"), "€".encode("utf-16-le"), codecs.BOM_UTF8, "x".encode("utf_8_sig"), b"\xef\xbb\xbfx".decode("utf-8-sig"))
print(str(b"abc", "ascii"), str(bytearray(b"\xe9"), "latin-1"), "é".encode("mac_roman"), "é".encode("utf_8"), "abc".encode("idna") if False else "")
import encodings.aliases
print(len("x".join(sorted(encodings.aliases.aliases))) > 100)
import codecs
for s in ["Hi Mom -\u263a-!", "A\u2262\u0391.", "日本語", "a+b", "~\\x", "\U0001f600 end", "", "x\x00y", "tab\there-", "+-+", "é-é", "\ud800x"]:
    e = s.encode("utf-7"); print(e, e.decode("utf-7") == s)
for b in [b"+AGE", b"+AGEA-", b"a+", b"+2D3eAA-", b"+2D3-", b"\xe9", b"+!", b"+AG-", b"+AGE-x", b"+ZeVnLIqe-"]:
    for h in ["strict", "replace"]:
        try: print(h, ascii(b.decode("utf-7", h)))
        except UnicodeDecodeError as x: print(h, x)
    try: print(codecs.utf_7_decode(b, "strict", False))
    except UnicodeDecodeError as x: print("partial", x)
d = codecs.getincrementaldecoder("utf-7")(); print([d.decode(bytes([c])) for c in b"a+AGEAYQ-b"], d.decode(b"", True))
