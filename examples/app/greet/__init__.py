from .words import GREETING


def greeting(name):
    return f"{GREETING}, {name}!"
