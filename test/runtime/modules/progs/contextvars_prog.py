import contextvars
v = contextvars.ContextVar("v", default=1); w = contextvars.ContextVar("w")
print(v.name, v.get(), v.get(5), w.get(7))
try: w.get()
except LookupError as e: print("LookupError", e.args[0] is w)
t = v.set(2); print(v.get(), t.var is v, t.old_value is contextvars.Token.MISSING, repr(contextvars.Token.MISSING))
ctx = contextvars.copy_context(); print(ctx[v], v in ctx, w in ctx, len(ctx), list(ctx.keys()) == [v], ctx.get(w, "d"))
def f(x, y=0):
    v.set(x + y); w.set("in")
    return v.get(), w.get()
print(ctx.run(f, 10, y=5), v.get(), ctx[v], ctx[w], w.get("outside"))
v.reset(t); print(v.get())
for bad in [lambda: v.reset(t), lambda: w.reset(t), lambda: ctx.run(lambda: ctx.run(print)), lambda: ctx[1], lambda: contextvars.ContextVar(1), lambda: ctx[contextvars.ContextVar("z")], lambda: hash(ctx), lambda: contextvars.Context(1)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, str(e).split(" at 0x")[0])
t2 = w.set(3)
c2 = contextvars.copy_context(); c3 = c2.copy(); print(c2 == c3, c2 == contextvars.Context(), sorted(k.name for k in c2), list(c2.values()))
def other(): return w.reset(t2)
try: contextvars.Context().run(other)
except ValueError as e: print("ValueError", str(e).split(" at 0x")[0].split("var=")[0])
print(contextvars.ContextVar[int], type(ctx).__name__, type(v).__module__)
try:
    class X(contextvars.ContextVar): pass
except TypeError as e: print(e)
