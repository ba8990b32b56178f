import hashlib, hmac, secrets
for n in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s", "sha512_256", "md5-sha1"]:
    h = hashlib.new(n, b"abc"); h2 = h.copy(); h2.update(b"def")
    print(n, h.name, h.digest_size, h.block_size, h.hexdigest(), h2.hexdigest()[:16], getattr(hashlib, n, hashlib.new)(b"x" if n in dir(hashlib) else n).hexdigest()[:8] if n in dir(hashlib) else "")
for n in ["shake_128", "shake_256"]:
    h = hashlib.new(n, b"abc"); print(n, h.name, h.digest_size, h.block_size, h.hexdigest(10), h.digest(0), len(h.digest(100)))
print(hashlib.sha256(b"a" * 1000).hexdigest(), hashlib.md5(usedforsecurity=False).hexdigest(), hashlib.new("SHA256", b"x").name)
print(hashlib.pbkdf2_hmac("sha256", b"pw", b"salt", 1000).hex(), hashlib.pbkdf2_hmac("sha1", b"pw", b"salt", 2, 10).hex())
print(hashlib.scrypt(b"pw", salt=b"salt", n=16, r=8, p=1, dklen=16).hex())
print(hmac.new(b"key", b"msg", "sha256").hexdigest(), hmac.new(b"key", b"msg", hashlib.sha1).hexdigest(), hmac.digest(b"k", b"m", "md5").hex())
m = hmac.new(b"key", digestmod="sha512"); m.update(b"a"); c = m.copy(); c.update(b"b"); print(m.hexdigest()[:20], c.hexdigest()[:20], m.name, m.digest_size, m.block_size)
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("abc", "abd"), secrets.compare_digest(b"a", b"ab"))
for f in [lambda: hashlib.new("nope"), lambda: hashlib.sha256("str"), lambda: hmac.compare_digest("a", b"a"), lambda: hashlib.pbkdf2_hmac("sha256", b"p", b"s", 0)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
print(sorted(hashlib.algorithms_guaranteed), hashlib.file_digest.__name__)
import io; print(hashlib.file_digest(io.BytesIO(b"data"), "sha256").hexdigest())
