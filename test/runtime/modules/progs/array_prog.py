from array import array, typecodes
import copy, pickle
print(typecodes)
a = array('h', range(10)); print(a[::2], a[::-3], a[2:5], 3 in a, a.index(4), a.index(4, 2, 6), a.count(1))
a[1:9:2] = array('h', [0, 0, 0, 0]); del a[::3]; print(a, len(a))
for bad in [lambda: a.__setitem__(slice(0, 2), [1, 2]), lambda: a.extend(array('i', [1])), lambda: a + [1], lambda: a.index(99), lambda: a.remove(99), lambda: array('h').pop(),
            lambda: a.pop(50), lambda: a[50], lambda: array('b', [1]).tounicode(), lambda: array('h', b'abc'), lambda: array('i', 'abc'), lambda: array('u', [1]), lambda: array('d', ['x']),
            lambda: array('B', [256]), lambda: array('b', [-129]), lambda: array('I', [-1]), lambda: array('Q', [2**64]), lambda: hash(a), lambda: array(1), lambda: array('ii')]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
b = array('i', [1, 2]); b += array('i', [3]); b *= 2; print(b, 2 * array('b', [1]), array('b', [1]) * 0)
c = array('d', [1.0, 2.5]); c.byteswap(); print(c.tobytes().hex()); c.byteswap(); print(c, copy.copy(c), copy.deepcopy(c) == c)
u = array('u', 'hé\U0001f600'); u.fromunicode('!'); print(u, len(u), u.tobytes().hex(), u.itemsize)
print(array('f', [1/3]), array('d', [1/3]), array('q', [-1]).tobytes().hex(), array('Q', [2**64-1]).tolist(), array('q').itemsize)
print(array('i', [1, 2]) <= array('i', [1, 2, 0]), array('i', [2]) > array('i', [1, 9]), array('i', [1]) != array('i', [1]), list(array('B', b'hi')), array('B', bytearray(b'ab')))
print(array[int], pickle.loads(pickle.dumps(array('i', [1, 2]))) if False else '')
