# Example app for `pypack`: a local package with a relative import, a stdlib import, a data file and arguments.
#   pypack --add-data examples/app/data:data examples/app/main.py
#   dist/main Ann Bob      (prints a greeting, the data file's message and the arguments; exits with their count)
import os.path
import sys

from greet import greeting
from greet.shout import shout


def data_dir():
    # Frozen, data files live below sys._MEIPASS; run from source, next to this file.
    if getattr(sys, "frozen", False):
        return os.path.join(sys._MEIPASS, "data")
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def main(argv):
    with open(os.path.join(data_dir(), "message.txt"), encoding="utf-8") as f:
        message = f.read().strip()
    print(greeting(argv[1] if len(argv) > 1 else "world"))
    print(shout(message))
    print("args:", argv[1:])
    print("frozen:", getattr(sys, "frozen", False))
    return len(argv) - 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
