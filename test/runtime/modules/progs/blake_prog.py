import hashlib
for f in (hashlib.blake2b, hashlib.blake2s):
    print(f(b"abc").hexdigest(), f(b"").hexdigest()[:16], f(b"abc", digest_size=16).hexdigest(), f(b"x" * 300, key=b"secret").hexdigest()[:32])
    print(f(b"data", salt=b"salty", person=b"me", fanout=2, depth=3, leaf_size=7, node_offset=5, node_depth=1, inner_size=8, last_node=True).hexdigest()[:32])
    h = f(digest_size=20); h.update(b"a" * 127); h.update(b"b" * 129); c = h.copy(); c.update(b"z"); print(h.hexdigest(), c.hexdigest()[:16], h.digest_size, h.block_size, h.name)
    print(f(b"y" * f().block_size).hexdigest()[:16], f(key=b"k").hexdigest()[:16])
    for bad in [lambda: f(digest_size=0), lambda: f(key=b"k" * 65), lambda: f(salt=b"s" * 17), lambda: f(depth=0)]:
        try: bad()
        except ValueError as e: print(e)
