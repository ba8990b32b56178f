import random
random.seed(12345); print(random.random(), random.random(), random.getrandbits(100), random.randint(1, 10**30), random.choice("abcdef"))
random.seed("hello"); print(random.random(), random.uniform(1, 2), random.gauss(0, 1), random.sample(range(100), 5))
random.seed(b"bytes"); print(random.random()); random.seed(-7); print(random.random()); random.seed(2**100); print(random.random())
random.seed(1.5); print(random.random()); random.seed((1, 2)) if False else None
r = random.Random(42); l = list(range(20)); r.shuffle(l); print(l, r.randrange(0, 100, 7), r.getrandbits(32), r.getrandbits(0), r.triangular(), r.expovariate(2))
st = r.getstate(); a = r.random(); r.setstate(st); print(a == r.random(), len(st), st[1][-1], type(st[1]))
print(random.Random(0).random(), random.Random().random() != random.Random().random())
for f in [lambda: r.getrandbits(-1), lambda: r.setstate((3, (1,), None)), lambda: random.Random(1, 2), lambda: r.seed([1]), lambda: r.choices([], k=1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class MyR(random.Random):
    def random(self): return 0.5
print(MyR(3).choice([1, 2, 3]), MyR(3).randrange(10))
print(random.choices(range(10), k=3), random.randbytes(4))
