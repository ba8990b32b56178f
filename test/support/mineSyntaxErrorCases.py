# Mines candidate invalid programs from the local CPython's Lib/test: the doctest examples of test_syntax.py whose
# expected output is an error, and the string arguments of the suites' syntax-error helper calls. Prints them as JSON
# [[origin, source], ...]; genSyntaxErrors.ts keeps those that CPython 3.12.7's parser rejects.
import ast
import doctest
import json
import os
import sys

LIB = os.path.dirname(os.__file__)
HELPERS = {"_check_error", "check", "assertSyntaxError", "assertAllRaise", "assert_syntax_error",
           "check_syntax_error", "_check_syntax_error", "assertInvalid", "check_error", "_check_in_scopes"}
FILES = ["test/test_syntax.py", "test/test_exceptions.py", "test/test_fstring.py", "test/test_grammar.py",
         "test/test_patma.py", "test/test_positional_only_arg.py", "test/test_named_expressions.py",
         "test/test_unpack_ex.py", "test/test_genexps.py", "test/test_string_literals.py", "test/test_eof.py",
         "test/test_keywordonlyarg.py", "test/test_except_star.py", "test/test_tokenize.py", "test/test_unicode_identifiers.py",
         "test/test_syntax.py", "test/test_compile.py", "test/test_global.py", "test/test_flufl.py", "test/test_peg_generator/__init__.py"]


def call_name(node):
    f = node.func
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else None


def strings(node):
    """str constants directly in node, or in a list/tuple literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, (ast.List, ast.Tuple)):
        for elt in node.elts:
            yield from strings(elt)


def mine(path, rel):
    src = open(path, encoding="utf-8").read()
    tree = ast.parse(src)
    doc = ast.get_docstring(tree, clean=False) or ""
    for ex in doctest.DocTestParser().get_examples(doc):
        if "Error" in ex.want:
            yield rel + ":doctest", ex.source
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and call_name(node) in HELPERS:
            for arg in node.args[:3]:
                for s in strings(arg):
                    yield rel + ":" + call_name(node), s


def main():
    seen = set()
    out = []
    for rel in FILES:
        path = os.path.join(LIB, rel)
        if not os.path.exists(path):
            continue
        for origin, s in mine(path, rel):
            if s not in seen and len(s) < 2000:
                seen.add(s)
                out.append([origin, s])
    json.dump(out, sys.stdout)


main()
