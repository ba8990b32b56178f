# Generates sum312.json: CPython 3.12 sum() results (run under Pyodide 0.27.7 = CPython 3.12.7, since python3 here is 3.11).
# node -e "require('pyodide').loadPyodide().then(py => { py.setStdout({batched: console.log}); py.runPython(require('fs').readFileSync(0, 'utf8')) })" < gen_sum312.py > sum312.json
import json, random
rng = random.Random(5)
cases = []
for _ in range(300):
    xs = []
    for _ in range(rng.randrange(0, 30)):
        r = rng.random()
        if r < 0.6: xs.append(rng.uniform(-1, 1) * 10.0 ** rng.randrange(-20, 20))
        elif r < 0.8: xs.append(rng.randrange(-1000, 1000))
        else: xs.append(rng.choice([0.1, 0.2, 0.3, 1e100, -1e100, 1e16, 1.0, float('inf')]))
    start = rng.choice([0.0, 0.5, -0.0])
    cases.append([[repr(x) if isinstance(x, float) else {'i': x} for x in xs], repr(start), repr(sum(xs, start))])
cases.append([[repr(0.1)] * 10, '0.0', repr(sum([0.1] * 10, 0.0))])
print(json.dumps(cases))
