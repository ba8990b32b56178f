import csv, io
data = 'a,b,"c ""q"" d",\r\n1, 2,"multi\nline",x\n\n"",,end\n'
print(list(csv.reader(io.StringIO(data, newline=""))))
print(list(csv.reader(["a;b;'c;d'"], delimiter=";", quotechar="'")), list(csv.reader(['a, b,  c'], skipinitialspace=True)))
print(list(csv.reader(['1,"x",2.5,'], quoting=csv.QUOTE_NONNUMERIC)), list(csv.reader(['a\\,b,c'], escapechar="\\")), list(csv.reader(['a"b,c'], quoting=csv.QUOTE_NONE)))
print(list(csv.reader(['"a"b,c'])), list(csv.reader(['"unterminated'])))
for bad in [lambda: list(csv.reader(['"a"b'], strict=True)), lambda: list(csv.reader(['a\rb'])), lambda: list(csv.reader([b"x"])), lambda: list(csv.reader(['x'], delimiter="ab")),
            lambda: list(csv.reader(['x'], quoting=9)), lambda: csv.writer(io.StringIO(), quotechar=None, quoting=csv.QUOTE_ALL), lambda: list(csv.reader(['x'], delimiter=1)),
            lambda: csv.get_dialect("nope"), lambda: csv.writer(1), lambda: csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(['a,b']), lambda: csv.writer(io.StringIO()).writerow(1),
            lambda: list(csv.reader(['"a'], strict=True)), lambda: csv.reader(['x'], bogus=1)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
s = io.StringIO(); w = csv.writer(s)
w.writerow(["a", "b,c", 'q"t', "line\nbreak", 1, 2.5, None, ""]); w.writerow([""]); w.writerow([]); w.writerows([[1, 2], ("x",)])
print(repr(s.getvalue()))
for q in [csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_STRINGS, csv.QUOTE_NOTNULL, csv.QUOTE_MINIMAL]:
    s = io.StringIO(); csv.writer(s, quoting=q, lineterminator="\n").writerow(["a", 1, None, 2.5, ""]); print(q, repr(s.getvalue()))
    print(list(csv.reader(['"a",1,,"",2.5'], quoting=q)))
s = io.StringIO(); csv.writer(s, escapechar="\\", doublequote=False).writerow(['a"b', "c\\d"]); print(repr(s.getvalue()))
s = io.StringIO(); csv.writer(s, quoting=csv.QUOTE_NONE, escapechar="$").writerow(['a,b', 'c"d']); print(repr(s.getvalue()))
csv.register_dialect("semi", delimiter=";", quoting=csv.QUOTE_ALL); print(sorted(csv.list_dialects()), csv.get_dialect("semi").delimiter, csv.get_dialect("excel-tab").delimiter)
s = io.StringIO(); csv.writer(s, "semi").writerow([1, 2]); print(repr(s.getvalue())); csv.unregister_dialect("semi")
d = csv.DictWriter(s := io.StringIO(), fieldnames=["x", "y"]); d.writeheader(); d.writerow({"x": 1, "y": "two"}); print(repr(s.getvalue()))
print(list(csv.DictReader(io.StringIO("x,y\n1,2\n3,4\n"))))
r = csv.reader(["a,b", "c,d"]); next(r); print(r.line_num, r.dialect.delimiter, r.dialect.lineterminator == "\r\n", r.dialect.quoting)
class My(csv.Dialect):
    delimiter = "|"; quotechar = "'"; lineterminator = "\n"; quoting = csv.QUOTE_MINIMAL; doublequote = True; skipinitialspace = False
print(list(csv.reader(["a|'b|c'"], My)))
class Bad(csv.Dialect):
    delimiter = "||"
try: Bad()
except csv.Error as e: print("Error", e)
print(csv.Sniffer().sniff("a;b;c\n1;2;3\n").delimiter, csv.field_size_limit(), csv.field_size_limit(10), csv.field_size_limit())
try: list(csv.reader(["x" * 20]))
except csv.Error as e: print(e)
