import heapq, bisect, random
import _heapq, _bisect
print(heapq.heappush is _heapq.heappush, bisect.bisect is _bisect.bisect_right)
r = random.Random(5); data = [r.randrange(100) for _ in range(200)]
h = []
for x in data: heapq.heappush(h, x)
print(h[:20]); print([heapq.heappop(h) for _ in range(10)])
h2 = data[:]; heapq.heapify(h2); print(h2[:20], heapq.heappushpop(h2, 50), heapq.heapreplace(h2, 7), h2[:10])
print(heapq.nlargest(5, data), heapq.nsmallest(5, data, key=lambda v: -v), list(heapq.merge([1, 4, 9], [2, 3, 10], [0])), list(heapq.merge([5, 3], [4, 1], reverse=True)))
m = data[:]; heapq._heapify_max(m); print(m[:10], heapq._heappop_max(m), heapq._heapreplace_max(m, 1000), m[:5])
class P:
    def __init__(s, v, t): s.v, s.t = v, t
    def __lt__(s, o): return s.v < o.v
    def __repr__(s): return f"{s.v}{s.t}"
ph = []
for i, v in enumerate([3, 1, 3, 1, 2, 2]): heapq.heappush(ph, P(v, "abcdef"[i]))
print(ph, [heapq.heappop(ph) for _ in range(6)])
for bad in [lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush([1], "a")]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
s = sorted(data)
print([bisect.bisect_left(s, v) for v in (0, 50, 99, 100)], [bisect.bisect_right(s, v) for v in (0, 50, 99)], bisect.bisect(s, 50, 10, 100), bisect.bisect_left(s, 50, hi=30))
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda t: t[1]), bisect.bisect_right(recs, 3, key=lambda t: t[1]))
bisect.insort(recs, ("d", 4), key=lambda t: t[1]); bisect.insort_left(recs, ("e", 3), key=lambda t: t[1]); print(recs)
l = [1, 3, 5]; bisect.insort(l, 4); bisect.insort_left(l, 3); bisect.insort_right(l, 3, 0, 2); print(l)
for bad in [lambda: bisect.bisect([1], 1, -1), lambda: bisect.bisect(None, 1), lambda: bisect.bisect([1], 1, hi=5)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
