import zlib, gzip, io
d = b"hello world " * 1000 + bytes(range(256)) * 10
for lv in [0, 6, 9, -1]:
    c = zlib.compress(d, lv); print(lv, len(c), zlib.crc32(c), zlib.decompress(c) == d)
print(zlib.compress(b"abc", wbits=-15).hex(), zlib.decompress(zlib.compress(b"abc", wbits=-15), -15), zlib.decompress(zlib.compress(b"abc", wbits=31), 47))
print(zlib.crc32(b"hello"), zlib.crc32(b"x", 12345), zlib.adler32(b"hello"), zlib.adler32(b"a" * 10000, 7))
co = zlib.compressobj(9); out = co.compress(d[:5000]) + co.compress(d[5000:]) + co.flush(); print(len(out), zlib.decompress(out) == d, out == zlib.compress(d, 9))
for w in [15, -15, 31]:
    co = zlib.compressobj(6, wbits=w); s1 = co.compress(d[:7000]) + co.flush(zlib.Z_SYNC_FLUSH); s2 = co.compress(d[7000:]) + co.flush(); print(w, zlib.decompress(s1 + s2, w) == d, zlib.decompressobj(w).decompress(s1)[:5])
do = zlib.decompressobj(); parts = [do.decompress(out[i:i + 100]) for i in range(0, len(out), 100)]; print(b"".join(parts) == d, do.eof, do.unused_data)
do = zlib.decompressobj(); r = do.decompress(out + b"extra"); print(r == d, do.eof, do.unused_data, do.unconsumed_tail)
do = zlib.decompressobj(); got = do.decompress(out, 1000); print(len(got))
for bad in [lambda: zlib.decompress(b"garbage"), lambda: zlib.decompress(out[:50]), lambda: zlib.compress(b"", 12), lambda: zlib.compressobj(wbits=99)]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f: f.write(d)
print(len(buf.getvalue()), gzip.decompress(buf.getvalue()) == d, gzip.decompress(gzip.compress(b"xyz", mtime=0)))
with gzip.GzipFile(fileobj=io.BytesIO(buf.getvalue())) as f: print(f.read(10), len(f.read()))
print(zlib.MAX_WBITS, zlib.Z_FINISH, zlib.DEFLATED, issubclass(zlib.error, Exception))
