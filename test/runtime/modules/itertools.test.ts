// itertools: every iterator compared with CPython's output on the same program.
import { describe, expect, it } from "vitest";
import { runCPython, runPypack } from "./compare";

const PROGRAM = String.raw`
from itertools import *
import itertools
print(list(islice(count(5), 3)), list(islice(count(1.5, 0.5), 3)), repr(count(3)), repr(count(3, 2)))
print(list(islice(cycle('AB'), 5)), list(repeat(7, 3)), repr(repeat('x', 2)), repr(repeat(1)))
print(list(accumulate([1,2,3,4])), list(accumulate([1,2,3], initial=10)), list(accumulate([3,1,4], max)))
print(list(chain('ab', [1, 2])), list(chain.from_iterable(['xy', 'z'])))
print(list(compress('ABCDEF', [1,0,1,0,1,1])), list(dropwhile(lambda x: x<5, [1,4,6,4,1])), list(takewhile(lambda x: x<5, [1,4,6,4,1])))
print(list(filterfalse(lambda x: x%2, range(10))), list(starmap(pow, [(2,5), (3,2)])))
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')], [k for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby(range(10), key=lambda v: v // 3)])
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)))
print(list(pairwise('ABCDE')), list(pairwise('A')))
a, b = tee(range(5)); print(list(a), list(b))
a, b, c = tee(iter('xyz'), 3); print(next(a), list(b), list(a), list(c))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()))
print(list(product('AB', repeat=2)), len(list(product(range(3), range(4)))), list(product('ab', [])))
print(list(permutations('ABC', 2)), len(list(permutations(range(4)))), list(permutations('AB', 3)))
print(list(combinations('ABCD', 2)), list(combinations_with_replacement('ABC', 2)))
print(list(combinations(range(3), 5)), list(product()), list(permutations([])), list(combinations_with_replacement('', 0)))
g = groupby([1,1,2,3,3]); k1, g1 = next(g); k2, g2 = next(g); print(k1, list(g1), k2, list(g2))
print(type(count()), itertools.chain.__name__, type(tee([])[0]).__name__)
for bad in (lambda: islice('abc', -1), lambda: islice('abc', 0, 2, 0), lambda: islice('abc', 'x', 2),
            lambda: combinations('abc', -1), lambda: repeat(), lambda: count('a'), lambda: product('a', repeat=-1)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
class C(chain): pass
print(list(C('ab','c')), type(C()).__name__)
`;

describe("itertools", () => {
  it("matches CPython", () => {
    const ours = runPypack(PROGRAM);
    const theirs = runCPython(PROGRAM);
    expect(ours.stderr).toBe("");
    expect(ours.stdout).toBe(theirs.stdout);
  });
  it("batched (3.12) groups into tuples and rejects n < 1", () => {
    const r = runPypack(
      "from itertools import batched\nprint(list(batched('ABCDEFG', 3)), list(batched([], 2)))\n" +
        "try:\n  batched('a', 0)\nexcept ValueError as e:\n  print(e)\n",
    );
    expect(r.stdout).toBe("[('A', 'B', 'C'), ('D', 'E', 'F'), ('G',)] []\nn must be at least one\n");
  });
});
