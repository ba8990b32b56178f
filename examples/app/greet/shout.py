from . import words


def shout(text):
    return f"{text.upper()}! ({len(words.GREETING)})"
