import binascii, base64
print(binascii.hexlify(b"\x00\xffab"), binascii.b2a_hex(b"abcdef", "-", 2), binascii.hexlify(b"abcde", b":", -2), binascii.unhexlify("00fFab"), binascii.a2b_hex(b"4142"))
for f in [lambda: binascii.unhexlify("abc"), lambda: binascii.unhexlify("zz"), lambda: binascii.a2b_hex("\xe9\xe9"), lambda: binascii.hexlify("s"),
          lambda: binascii.a2b_base64(b"abcde"), lambda: binascii.a2b_base64(b"ab"), lambda: binascii.a2b_base64(b"=ab", strict_mode=True),
          lambda: binascii.a2b_base64(b"ab!c", strict_mode=True), lambda: binascii.a2b_base64(b"ab==cd", strict_mode=True), lambda: binascii.a2b_base64(b"ab=c=", strict_mode=True),
          lambda: binascii.b2a_uu(b"x" * 46), lambda: binascii.a2b_uu(b"!!!!!!!!!zz"), lambda: binascii.crc_hqx(b"a")]:
    try: print(f())
    except Exception as e: print(type(e).__module__, type(e).__name__, e)
print(binascii.a2b_base64(b"YW Jj\nZA==garbage"), binascii.a2b_base64("YWJjZA=="), binascii.b2a_base64(b"abcd"), binascii.b2a_base64(b"abcd", newline=False))
print(binascii.b2a_uu(b"hello world"), binascii.b2a_uu(b""), binascii.b2a_uu(b"\x00\x00\x00", backtick=True), binascii.a2b_uu(b"+:&5L;&\\@=V]R;&0 \n"), binascii.a2b_uu(b""))
print(binascii.crc32(b"hello"), binascii.crc32(b" world", binascii.crc32(b"hello")), binascii.crc32(b"x", -1), binascii.crc_hqx(b"hello", 0), binascii.crc_hqx(b"hello", 0xffff))
print(base64.b64encode(b"\xff\xfe"), base64.urlsafe_b64encode(b"\xff\xfe"), base64.b64decode("//4="), base64.b32encode(b"abc"), base64.b16decode(b"4142"), base64.b85encode(b"abc"), base64.a85encode(b"abcd"))
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, binascii.Incomplete.__mro__)
import codecs
print(codecs.decode(b"616263", "hex"), codecs.encode(b"abc", "base64"), codecs.encode(b"abc", "uu"))
try: codecs.decode(b"6", "hex")
except Exception as x: print(type(x).__name__, x, type(x.__cause__).__name__)
import binascii, quopri
tests = [b"caf\xe9 = ok", b"hello world", b"line  \nnext\t\n", b"a" * 100, b"x" * 74 + b"==", b".\nabc", b"a\r\nb \r\n", b"tab\tend\t", b"under_score here", b"\x00\x01 ctrl", (b"word " * 30).strip()]
for t in tests:
    for kw in [{}, {"quotetabs": True}, {"istext": False}, {"header": True}]:
        e = binascii.b2a_qp(t, **kw); print(e, binascii.a2b_qp(e, header=kw.get("header", False)) == t)
print(binascii.a2b_qp(b"a=\nb=\r\nc=3d=XY=4=", header=False), binascii.a2b_qp(b"a_b=5F", header=True), binascii.a2b_qp("plain"))
print(quopri.encodestring(b"caf\xe9 ok\n"), quopri.decodestring(b"caf=E9"))
