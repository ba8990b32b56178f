// posix / time / _io / _signal: programs run under pypack and python3 must print the same (both oracles agree here).
import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runCPython, runPypack } from "./compare";

const hasPython = runCPython("print(1)").status === 0;

function same(code: string): void {
  const a = runPypack(code);
  const b = runCPython(code);
  expect(a.stderr).toBe(b.stderr);
  expect(a.stdout).toBe(b.stdout);
  expect(a.status).toBe(b.status);
}

// (tempfile needs _random, not ours; a per-process directory does the same job here)
const TMP = `import os\nD = os.path.join(os.environ.get("TMPDIR", "/tmp"), "pypack_os_%d" % os.getpid())\nos.makedirs(D)\n`;

describe.runIf(existsSync("out/cli.js") && hasPython)("os / time / io / signal vs CPython", () => {
  it("posix: stat, listdir, scandir, walk, rename, remove, rmtree, fd I/O with lseek, environ", () => {
    same(`${TMP}
st = os.stat(D)
print(type(st).__name__, oct(st.st_mode & 0o170000), isinstance(st.st_mtime, float), st[8] == int(st.st_mtime), st.st_mtime_ns // 10**9 == st[8])
os.makedirs(os.path.join(D, 'a', 'b'), exist_ok=True)
with open(os.path.join(D, 'a', 'f.txt'), 'w') as f: f.write('hello')
print(sorted(os.listdir(os.path.join(D, 'a'))), sorted(os.listdir(os.fsencode(os.path.join(D, 'a')))))
for e in sorted(os.scandir(os.path.join(D, 'a')), key=lambda e: e.name):
    print(e, e.name, e.path == os.path.join(D, 'a', e.name), e.is_dir(), e.is_file(), e.is_symlink(), e.stat().st_size > 0)
print(os.path.exists(os.path.join(D, 'a/f.txt')), os.path.isdir(os.path.join(D, 'a')), os.path.getsize(os.path.join(D, 'a/f.txt')))
for p in ['nope', b'nope']:
    try: os.stat(os.path.join(D, 'nope') and p)
    except FileNotFoundError as e: print(e, e.errno, e.filename)
try: os.rename('nope', 'x')
except OSError as e: print(e)
try: os.stat([1])
except TypeError as e: print(e)
try: os.mkdir(3)
except TypeError as e: print(e)
try: os.mkdir(D)
except FileExistsError as e: print(type(e).__name__, e.errno)
print([(os.path.relpath(r, D), sorted(ds), sorted(fs)) for r, ds, fs in os.walk(D)])
os.rename(os.path.join(D, 'a/f.txt'), os.path.join(D, 'a/g.txt'))
os.remove(os.path.join(D, 'a/g.txt'))
fd = os.open(os.path.join(D, 'x.bin'), os.O_RDWR | os.O_CREAT)
print(os.write(fd, b'abcdef'), os.lseek(fd, 2, os.SEEK_SET), os.read(fd, 3), os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, -1, os.SEEK_END), os.read(fd, 10), os.fstat(fd).st_size)
os.close(fd)
try: os.close(fd)
except OSError as e: print(e)
os.environ['PYPACK_T'] = 'v'; print(os.getenv('PYPACK_T'), os.environb[b'PYPACK_T']); del os.environ['PYPACK_T']; print('PYPACK_T' in os.environ)
import shutil; shutil.rmtree(D); print(os.path.exists(D))
print(os.strerror(2), os.strerror(13), os.WEXITSTATUS(256), os.WIFEXITED(0), os.fspath(b'x'), os.getcwd() == os.path.abspath('.'))
print(os.stat_result(tuple(range(10))), os.stat_result(tuple(range(10))).st_atime)
`);
  });

  it("time: strftime (glibc directives), gmtime, struct_time, asctime, strptime, argument errors", () => {
    same(`import time
st = (2024, 3, 9, 17, 5, 30, 5, 69, 0)
print(repr(time.strftime('%z|%c|%x|%X|%Y|%e|%k|%l|%P|%f|%G %g %V %u|%C|%-d|%_m|%E|%Oy|%q|%D|%T|%R|%r|%h|%n|%t|%%', st)))
print(repr(time.strftime('%Y|%y|%C|%G', (5, 1, 1, 0, 0, 0, 0, 1, 0))))
print(time.gmtime(0), time.gmtime(-1.5), time.gmtime(1.99), time.gmtime(1234567890)[:6], time.gmtime(0).tm_zone)
for bad in [(2024,13,1,0,0,0,0,1,0),(2024,1,32,0,0,0,0,1,0),(2024,1,1,24,0,0,0,1,0),(2024,1,1,0,60,0,0,1,0),(2024,1,1,0,0,62,0,1,0),(2024,1,1,0,0,0,-1,1,0),(2024,1,1,0,0,0,7,1,0),(2024,1,1,0,0,0,0,367,0)]:
    try: print(repr(time.strftime('%Y', bad)))
    except ValueError as e: print(type(e).__name__, e)
print(repr(time.strftime('%Y %m %d %j %a', (2024, 0, 0, 0, 0, 0, 0, 0, 0))))
for call in [lambda: time.strftime('%Y', (1, 2)), lambda: time.sleep(-1), lambda: time.sleep('a'), lambda: time.gmtime(1e20), lambda: time.struct_time((1, 2))]:
    try: call()
    except Exception as e: print(type(e).__name__, e)
print(time.asctime(st), time.struct_time(st).tm_zone)
for y in range(2018, 2027):
    for m, d in [(1, 1), (12, 31), (12, 29), (1, 4)]:
        print(time.strftime('%G %g %V %U %W %u %w %j', time.strptime('%d-%d-%d' % (y, m, d), '%Y-%m-%d')), end=';')
print()
print(time.strptime('Jul 4 1976', '%b %d %Y')[:6], time.strptime('2024 60', '%Y %j')[:3])
print(time.get_clock_info('monotonic'), isinstance(time.time_ns(), int), time.localtime(1700000000) == time.localtime(1700000000))
`);
  });

  it("io: open() modes, FileIO/Buffered/TextIOWrapper stack, universal newlines, seek/tell, errors", () => {
    same(`${TMP}
import io
p = os.path.join(D, 'f.txt')
with open(p, 'w', encoding='utf-8') as f:
    print(type(f).__name__, f.mode, f.writable(), f.readable(), type(f.buffer).__name__, type(f.buffer.raw).__name__)
    f.write('one\\ntwo\\r\\nthree\\rfour\\n')
with open(p, encoding='utf-8') as f: print(f.readline(), list(f))
with open(p, newline='', encoding='utf-8') as f: print(f.readlines())
with open(p, 'rb') as f:
    print(f.read(5), f.tell(), f.seek(-3, 2), f.read(), f.raw.mode, f.mode)
with open(p, 'a', encoding='utf-8') as f: f.write('five\\n')
with open(p, 'r+', encoding='utf-8') as f:
    print(f.read(3)); f.seek(0); f.write('ONE'); f.seek(0); print(repr(f.read()))
with open(p, 'rb', buffering=0) as f: print(type(f).__name__, f.read(4), f.readall())
for call in [lambda: open(p, 'x'), lambda: open(os.path.join(D, 'no', 'x')), lambda: open(D), lambda: open(p, 'rw'), lambda: open(p, 'rb', encoding='utf-8'), lambda: open(p, 'r', buffering=0), lambda: open(p, 'q')]:
    try: call()
    except (OSError, ValueError) as e: print(type(e).__name__, str(e).replace(D, 'D'))
f = open(p, encoding='utf-8'); f.close(); print(f.closed)
try: f.read()
except ValueError as e: print(e)
try: open(p, 'r', encoding='utf-8').write('x')
except io.UnsupportedOperation as e: print('unsupported', e)
with open(p, 'w', encoding='latin-1') as f: f.write('café')
print(open(p, 'rb').read(), open(p, encoding='latin-1').read())
with open(p, 'wb') as f: f.write(b'abc\\n' * 3)
print([line for line in open(p, 'rb')])
with open(p, 'wb') as f: f.write(b'ok\\xffbad')
print(open(p, encoding='utf-8', errors='replace').read())
try: open(p, encoding='utf-8').read()
except UnicodeDecodeError as e: print(e)
dec = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(dec.decode('a\\r')), repr(dec.decode('\\nb\\r', final=True)), dec.newlines)
s = io.StringIO('a\\r\\nb\\rc\\n', newline='')
print(s.readlines(), list(io.StringIO('x\\ny')))
b = io.BytesIO(b'0123'); v = b.getbuffer(); v[0] = 65; print(b.getvalue()); del v
import shutil; shutil.rmtree(D)
`);
  });

  it("_signal: handlers, getsignal, raise_signal, default SIGINT handler raises KeyboardInterrupt", () => {
    same(`import signal
print(signal.SIGINT, repr(signal.SIGTERM), signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGPIPE))
def h(s, f): print('handled', s)
print(signal.signal(signal.SIGUSR1, h), signal.getsignal(signal.SIGUSR1) is h)
signal.raise_signal(signal.SIGUSR1)
print(signal.strsignal(signal.SIGTERM), len(signal.valid_signals()))
try: signal.signal(signal.SIGINT, 5)
except TypeError as e: print(e)
try: signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt: print('KI')
`);
  });
  it("_locale (C locales), pwd/grp databases, select on files", () => {
    same(`import locale, _locale, pwd, grp, select
print(repr(locale.setlocale(locale.LC_CTYPE)), locale.setlocale(locale.LC_ALL, 'C'), locale.localeconv())
for args in [(locale.LC_ALL, 'xx_YY'), (99, 'C')]:
    try: locale.setlocale(*args)
    except locale.Error as e: print(type(e).__module__, type(e).__name__, e)
print(_locale.nl_langinfo(_locale.CODESET), _locale.nl_langinfo(_locale.D_T_FMT), _locale.nl_langinfo(_locale.MON_3), _locale.nl_langinfo(_locale.ABDAY_1))
try: _locale.nl_langinfo(12345)
except ValueError as e: print(e)
print(locale.strcoll('a', 'b'), locale.strxfrm('abc'), locale.format_string('%d', 1234567, grouping=True), locale.str(1.5), locale.atof('2.5'))
print(sorted(['b', 'A', 'a'], key=locale.strxfrm), locale.setlocale(locale.LC_NUMERIC, 'C.UTF-8'), locale.setlocale(locale.LC_ALL)[:30])
p = pwd.getpwuid(0); print(p, p.pw_name, p[2], pwd.getpwnam('root').pw_dir, len(pwd.getpwall()) > 0)
g = grp.getgrgid(0); print(g, g.gr_name)
for c in [lambda: pwd.getpwuid(987654), lambda: pwd.getpwnam('nosuchuser'), lambda: grp.getgrgid(987654), lambda: grp.getgrnam('nosuch')]:
    try: c()
    except KeyError as e: print(repr(e))
f = open('/etc/passwd')
r, w, x = select.select([f], [f], [], 0)
print(r[0] is f, w[0] is f, x, select.select([], [], [], 0.001))
for c in [lambda: select.select([-1], [], []), lambda: select.select(['a'], [], [])]:
    try: c()
    except (ValueError, TypeError) as e: print(e)
`);
  });
  it("posix: scandir paths, symlinks, realpath, walk bottom-up, umask, errors, chmod/utime, shutil copy/move", () => {
    same(`${TMP}os.chdir(D)
import sys
os.makedirs('d/e', exist_ok=True); open('d/f', 'w').close(); os.symlink('f', 'd/link'); os.symlink('nowhere', 'd/broken')
print(sorted(e.path for e in os.scandir()), sorted(e.path for e in os.scandir('.')), sorted(os.listdir()))
for e in sorted(os.scandir('d'), key=lambda e: e.name): print(e.name, e.is_dir(), e.is_file(), e.is_symlink(), e.is_file(follow_symlinks=False))
print(os.path.realpath('d/link') == os.path.abspath('d/f'), os.readlink('d/link'), os.path.islink('d/broken'), os.path.exists('d/broken'), os.path.lexists('d/broken'))
print(list(os.walk('d', topdown=False))[-1][0])
try: os.get_terminal_size()
except OSError as e: print(e)
old = os.umask(0o22); print(oct(os.umask(old)))
try: os.rmdir('d')
except OSError as e: print(type(e).__name__, e)
try: os.remove('d')
except OSError as e: print(type(e).__name__, e)
try: os.listdir('d/f')
except OSError as e: print(type(e).__name__, e)
print(os.stat('d/link').st_size == os.lstat('d/f').st_size, os.stat('d/link', follow_symlinks=False).st_mode & 0o170000 == 0o120000)
os.chmod('d/f', 0o600); print(oct(os.stat('d/f').st_mode & 0o777)); os.utime('d/f', (1, 2)); print(os.stat('d/f').st_atime, os.stat('d/f').st_mtime_ns)
print(os.access('d/f', os.R_OK), os.access('nope', os.F_OK), os.path.getmtime('d/f'))
import shutil; shutil.copy('d/f', 'd/g'); shutil.move('d/g', 'd/h'); print(sorted(os.listdir('d'))); shutil.rmtree('d'); print(os.listdir())
print(os.uname().sysname, os.name, os.sep, os.linesep == '\\n', os.devnull, os.curdir)
with open(os.devnull, 'w') as f: f.write('x')
print(os.isatty(0), sys.stdout.isatty())
os.chdir('/'); os.rmdir(D)
`);
  });
  it("resource: getrusage, getrlimit from /proc, getpagesize, argument errors", () => {
    same(`import resource
r = resource.getrusage(resource.RUSAGE_SELF)
print(type(r).__name__, len(r), r.ru_maxrss > 1000, isinstance(r.ru_utime, float), r._fields if hasattr(r, '_fields') else '')
print(resource.getrlimit(resource.RLIMIT_NOFILE), resource.RLIM_INFINITY, resource.getrlimit(resource.RLIMIT_STACK), resource.getpagesize())
print(sorted(x for x in dir(resource) if x.startswith('RLIMIT')), resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN, resource.RUSAGE_THREAD)
for c in [lambda: resource.getrlimit(99), lambda: resource.getrusage(5)]:
    try: c()
    except Exception as e: print(type(e).__name__, e)
`);
  });
  it("standard streams: UTF-8 mode errors (surrogateescape), PYTHONIOENCODING encodings and handlers, bytes on stdin", () => {
    const prog = `import sys
print(sys.stdout.encoding, sys.stdout.errors, sys.stderr.encoding, sys.stderr.errors, sys.stdin.encoding, sys.stdin.errors)
print(repr(sys.stdin.read()))
for s in ['caf\\xe9', '\\u20ac', '\\udce9']:
    try: print(s)
    except UnicodeEncodeError as e: print('UEE', e.reason)
`;
    const input = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]).toString("latin1");
    for (const enc of ["", "latin-1", "ascii:replace", "utf-8:surrogateescape", ":backslashreplace", "cp1252:xmlcharrefreplace"]) {
      const a = spawnSync(process.execPath, ["out/cli.js", "run", "-c", prog], { input: Buffer.from(input, "latin1"), env: { ...process.env, PYTHONIOENCODING: enc } });
      const b = spawnSync("python3", ["-c", prog], { input: Buffer.from(input, "latin1"), env: { ...process.env, PYTHONIOENCODING: enc } });
      expect(a.stdout.toString("latin1")).toBe(b.stdout.toString("latin1"));
    }
  });
  it("posix: statvfs (flags from the mount table, NAME_MAX), shutil.disk_usage", () => {
    same(`import os, shutil
s = os.statvfs('/tmp'); t = os.statvfs('/tmp')
print(type(s).__name__, len(s), s.f_bsize, s.f_frsize, s.f_blocks, s.f_files, s.f_flag, s.f_namemax, s.f_favail == s.f_ffree)
print(os.statvfs('/proc').f_flag, os.statvfs('/').f_flag)
u = shutil.disk_usage('/tmp'); print(u.total == s.f_blocks * s.f_frsize, u.used + u.free <= u.total)
try: os.statvfs('/nonexistent')
except FileNotFoundError as e: print(e)
`);
  });
});
