// _collections (deque, defaultdict, _count_elements, _tuplegetter) through the stdlib's collections, compared with CPython.
import { describe, expect, it } from "vitest";
import { runCPython, runPypack } from "./compare";

const PROGRAM = String.raw`
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap
import copy
d = deque([1, 2, 3]); d.append(4); d.appendleft(0); print(d, len(d), d[0], d[-1], 3 in d)
d.rotate(2); print(d); d.rotate(-3); print(d)
print(d.pop(), d.popleft(), d)
m = deque(range(10), maxlen=3); print(m, m.maxlen); m.appendleft(-1); print(m); m.extend(range(5)); print(m)
d.extend('ab'); d.extendleft('xy'); print(d, d.count('a'), d.index('a'))
d.insert(1, 'I'); d.remove('x'); print(d); d.reverse(); print(d, list(reversed(d)))
del d[0]; d[0] = 'first'; print(d, d.index(2, 1, 5))
print(deque([1,2]) == deque([1,2]), deque([1,2]) < deque([1,3]), deque('ab') + deque('c'), deque('ab') * 2, deque(maxlen=2) * 3)
big = deque()
for i in range(1000): big.append(i); big.appendleft(-i)
for i in range(500): big.pop(); big.popleft()
print(len(big), big[0], big[-1], sum(big))
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1]).remove(2),
            lambda: deque([1]).index(9), lambda: deque([1], maxlen=1).insert(0, 2), lambda: deque([1]) + [2],
            lambda: deque(maxlen=-1), lambda: hash(deque())):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
try:
    for x in d: d.append(1)
except RuntimeError as e: print(e)
dd = defaultdict(list); dd['a'].append(1); dd['b']; print(dd, dict(dd), dd.default_factory)
print(defaultdict(int, {'x': 1}) | {'y': 2}, defaultdict(None, a=1))
try: defaultdict(None)['k']
except KeyError as e: print('KeyError', e)
class DD(defaultdict): pass
x = DD(set); x[1].add(2); print(x, type(x.copy()).__name__)
c = Counter('abracadabra'); print(c.most_common(3), sorted(c.items()))
P = namedtuple('P', 'x y'); p = P(1, y=2); print(p, p.x, p._asdict(), p._replace(x=5), P._fields, P.x.__doc__)
od = OrderedDict(a=1, b=2); od.move_to_end('a'); print(list(od.items()))
print(ChainMap({'a': 1}, {'a': 2, 'b': 3})['b'])
print(copy.copy(deque([1], maxlen=4)), copy.deepcopy(dd), copy.deepcopy(deque([[1]], maxlen=5)))
print(repr(deque()), deque([[1]]).copy(), deque[int])
rd = defaultdict(list); rd['me'] = rd; print(rd)
`;

describe("_collections", () => {
  it("matches CPython", () => {
    const ours = runPypack(PROGRAM);
    const theirs = runCPython(PROGRAM);
    expect(ours.stderr).toBe("");
    expect(ours.stdout).toBe(theirs.stdout);
  });
});
