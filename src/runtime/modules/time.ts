// time: clocks, sleep, struct_time, gmtime/localtime/mktime, glibc-compatible strftime ("C" locale), asctime/ctime,
// timezone/altzone/daylight/tzname from the host's TZ (via JS Date and Intl), get_clock_info; strptime delegates to _strptime.
import * as fs from "node:fs";
import {
  PyObject,
  PyTuple,
  PyFloat,
  None,
  typeError,
  valueError,
  overflowError,
  typeOf,
  isInt,
  intValue,
  isStr,
  strValue,
} from "../core";
import * as ops from "../ops";
import { makeModule, parseArgs } from "../define";
import { registerNativeModule } from "./registry";
import { importModule } from "../import";
import { PyStructSeq, makeStructSeqType } from "./posix/structseq";

const STRUCT_FIELDS = ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];
export const StructTimeType = makeStructSeqType("time.struct_time", "time", STRUCT_FIELDS, ["tm_zone", "tm_gmtoff"]);

/** Broken-down time (C's struct tm, with Python's conventions: mon 1..12, wday 0=Monday, yday 1..366). */
interface Tm {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  wday: number;
  yday: number;
  isdst: number;
  zone: string | null;
  gmtoff: number;
}

function tmToStruct(t: Tm): PyTuple {
  return new PyStructSeq([t.year, t.mon, t.mday, t.hour, t.min, t.sec, t.wday, t.yday, t.isdst], [t.zone ?? None, t.gmtoff], StructTimeType);
}

// ---------------------------------------------------------------------------------------------------------------
// Seconds argument -> integer seconds (time_t), CPython's _PyTime_ObjectToTime_t with ROUND_FLOOR

const MAX_DATE_MS = 8.64e15;
function timeT(x: PyObject | undefined): number {
  if (x === undefined || x === None) return Math.floor(Date.now() / 1000);
  let v: number;
  if (x instanceof PyFloat) {
    if (Number.isNaN(x.value)) throw valueError("Invalid value NaN (not a number)");
    v = Math.floor(x.value);
  } else if (isInt(x)) {
    const n = intValue(x);
    v = typeof n === "bigint" ? Number(n) : Number(n);
  } else if (ops.getAttrOpt(x, "__float__") !== undefined && !isStr(x)) {
    v = Math.floor(ops.asFloat(x));
  } else throw typeError(`'${typeOf(x).name}' object cannot be interpreted as an integer`);
  if (!Number.isFinite(v) || Math.abs(v) * 1000 > MAX_DATE_MS) throw overflowError("timestamp out of range for platform time_t");
  return v;
}

function yearDay(y: number, m0: number, d: number): number {
  return Math.round((Date.UTC(y, m0, d) - Date.UTC(y, 0, 1)) / 86400000) + 1;
}

function gmtimeTm(secs: number): Tm {
  const d = new Date(secs * 1000);
  const y = d.getUTCFullYear();
  return {
    year: y,
    mon: d.getUTCMonth() + 1,
    mday: d.getUTCDate(),
    hour: d.getUTCHours(),
    min: d.getUTCMinutes(),
    sec: d.getUTCSeconds(),
    wday: (d.getUTCDay() + 6) % 7,
    yday: yearDay(y, d.getUTCMonth(), d.getUTCDate()),
    isdst: 0,
    zone: "GMT",
    gmtoff: 0,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Local time zone

// ---- TZif (the tz database file glibc itself reads): exact abbreviations, where Intl's names differ from tzdata's

interface TzData {
  transitions: number[];
  idx: number[];
  types: { off: number; dst: boolean; abbr: string }[];
  /** POSIX TZ footer names for times after the last transition */
  footer: { std: string; stdOff: number; dst: string | null } | null;
}
let tzData: TzData | null | undefined;
function tzFile(): string | null {
  let tz = process.env.TZ;
  if (tz === undefined) return "/etc/localtime";
  if (tz.startsWith(":")) tz = tz.slice(1);
  if (tz === "") return "/usr/share/zoneinfo/UTC";
  return tz.startsWith("/") ? tz : `/usr/share/zoneinfo/${tz}`;
}
function parseFooter(f: string): TzData["footer"] {
  const m = /^(<[^>]+>|[A-Za-z]+)([+-]?\d+(?::\d+){0,2})(<[^>]+>|[A-Za-z]+)?/.exec(f);
  if (m === null) return null;
  const strip = (n: string) => n.replace(/^<|>$/g, "");
  const [h, mi = "0", se = "0"] = m[2].split(":");
  const sign = h.startsWith("-") ? -1 : 1;
  const secs = Math.abs(Number(h)) * 3600 + Number(mi) * 60 + Number(se);
  return { std: strip(m[1]), stdOff: -sign * secs, dst: m[3] ? strip(m[3]) : null };
}
function loadTz(): TzData | null {
  const path = tzFile();
  if (path === null) return null;
  let b: Buffer;
  try {
    b = fs.readFileSync(path);
  } catch {
    return null;
  }
  if (b.length < 44 || b.toString("latin1", 0, 4) !== "TZif") return null;
  const counts = (at: number) => [0, 1, 2, 3, 4, 5].map((i) => b.readUInt32BE(at + 20 + i * 4));
  let [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(0);
  let off = 44;
  let timeSize = 4;
  if (b[4] >= 0x32) {
    off += timecnt * 4 + timecnt + typecnt * 6 + charcnt + leap * 8 + isstd + isut;
    [isut, isstd, leap, timecnt, typecnt, charcnt] = counts(off);
    off += 44;
    timeSize = 8;
  }
  const transitions: number[] = [];
  for (let i = 0; i < timecnt; i++) transitions.push(timeSize === 8 ? Number(b.readBigInt64BE(off + i * 8)) : b.readInt32BE(off + i * 4));
  off += timecnt * timeSize;
  const idx = [...b.subarray(off, off + timecnt)];
  off += timecnt;
  const raw: { off: number; dst: boolean; ai: number }[] = [];
  for (let i = 0; i < typecnt; i++) raw.push({ off: b.readInt32BE(off + i * 6), dst: b[off + i * 6 + 4] !== 0, ai: b[off + i * 6 + 5] });
  off += typecnt * 6;
  const chars = b.toString("latin1", off, off + charcnt);
  const types = raw.map((r) => ({ off: r.off, dst: r.dst, abbr: chars.slice(r.ai, chars.indexOf("\0", r.ai) < 0 ? undefined : chars.indexOf("\0", r.ai)) }));
  off += charcnt + leap * (timeSize + 4) + isstd + isut;
  let footer: TzData["footer"] = null;
  if (timeSize === 8) {
    const text = b.toString("latin1", off).split("\n")[1] ?? "";
    footer = parseFooter(text);
  }
  return { transitions, idx, types, footer };
}
/** The tz database's abbreviation for the instant `secs` with UTC offset `offSecs`, or null when unknown. */
function tzAbbreviation(secs: number, offSecs: number): string | null {
  if (tzData === undefined) tzData = loadTz();
  const tz = tzData;
  if (tz === null || tz.types.length === 0) return null;
  const n = tz.transitions.length;
  if (n > 0 && secs >= tz.transitions[n - 1] && tz.footer !== null) {
    return offSecs === tz.footer.stdOff || tz.footer.dst === null ? tz.footer.std : tz.footer.dst;
  }
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tz.transitions[mid] <= secs) lo = mid + 1;
    else hi = mid;
  }
  const t = lo === 0 ? (tz.types.find((x) => !x.dst) ?? tz.types[0]) : tz.types[tz.idx[lo - 1]];
  return t.abbr;
}

/** The zone abbreviation at a date, as glibc names it: "CET", "EST", "UTC", or "+04"/"+0530" for unnamed zones. */
function zoneName(d: Date, offsetMin: number): string {
  const fromTz = tzAbbreviation(Math.floor(d.getTime() / 1000), offsetMin * 60);
  if (fromTz !== null) return fromTz;
  const pick = (locale: string): string | null => {
    try {
      const parts = new Intl.DateTimeFormat(locale, { timeZoneName: "short" }).formatToParts(d);
      return parts.find((p) => p.type === "timeZoneName")?.value ?? null;
    } catch {
      return null;
    }
  };
  const isGmtForm = (s: string | null) => s === null || /^(GMT|UTC)[+-]/.test(s);
  let name = pick("en-US");
  if (isGmtForm(name)) name = pick("en-GB");
  if (name !== null && !isGmtForm(name)) return name;
  const sign = offsetMin < 0 ? "-" : "+";
  const a = Math.abs(offsetMin);
  const hh = String(Math.floor(a / 60)).padStart(2, "0");
  return a % 60 === 0 ? `${sign}${hh}` : `${sign}${hh}${String(a % 60).padStart(2, "0")}`;
}

interface ZoneInfo {
  timezone: number;
  altzone: number;
  daylight: number;
  tzname: [string, string];
}
/** CPython's init_timezone: probe January 1st and July 1st of the current year. */
function zoneInfo(): ZoneInfo {
  const year = new Date().getFullYear();
  const jan = new Date(year, 0, 1);
  const jul = new Date(year, 6, 1);
  const janOff = -jan.getTimezoneOffset();
  const julOff = -jul.getTimezoneOffset();
  const janName = zoneName(jan, janOff);
  const julName = zoneName(jul, julOff);
  if (janOff < julOff) {
    return { timezone: -janOff * 60, altzone: -julOff * 60, daylight: 1, tzname: [janName, julName] };
  }
  return { timezone: -julOff * 60, altzone: -janOff * 60, daylight: janOff !== julOff ? 1 : 0, tzname: [julName, janName] };
}
let zone: ZoneInfo | null = null;
function zinfo(): ZoneInfo {
  if (zone === null) zone = zoneInfo();
  return zone;
}

function localtimeTm(secs: number): Tm {
  const d = new Date(secs * 1000);
  const off = -d.getTimezoneOffset();
  const z = zinfo();
  const y = d.getFullYear();
  return {
    year: y,
    mon: d.getMonth() + 1,
    mday: d.getDate(),
    hour: d.getHours(),
    min: d.getMinutes(),
    sec: d.getSeconds(),
    wday: (d.getDay() + 6) % 7,
    yday: yearDay(y, d.getMonth(), d.getDate()),
    isdst: z.daylight && off * 60 !== -z.timezone ? 1 : 0,
    zone: zoneName(d, off),
    gmtoff: off * 60,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Time tuple arguments (gettmarg + checktm)

function tmArg(fname: string, x: PyObject): Tm {
  if (!(x instanceof PyTuple)) throw typeError("Tuple or struct_time argument required");
  const it = x.items;
  if (it.length !== 9) throw typeError(`${fname}(): illegal time tuple argument`);
  const n = (v: PyObject) => {
    if (v instanceof PyFloat) throw typeError("'float' object cannot be interpreted as an integer");
    return ops.indexNum(v);
  };
  const t: Tm = {
    year: n(it[0]),
    mon: n(it[1]),
    mday: n(it[2]),
    hour: n(it[3]),
    min: n(it[4]),
    sec: n(it[5]),
    wday: n(it[6]),
    yday: n(it[7]),
    isdst: n(it[8]),
    zone: null,
    gmtoff: 0,
  };
  if (x instanceof PyStructSeq && x.type === StructTimeType) {
    if (x.hidden[0] !== None && isStr(x.hidden[0])) t.zone = strValue(x.hidden[0]);
    if (x.hidden[1] !== None) t.gmtoff = ops.indexNum(x.hidden[1]);
  }
  return t;
}

/** checktm as time.strftime/asctime do it (accepting 0 for month/day/yday and normalising them). */
function checkTm(t: Tm): void {
  if (t.mon === 0) t.mon = 1;
  else if (t.mon < 0 || t.mon > 12) throw valueError("month out of range");
  if (t.mday === 0) t.mday = 1;
  else if (t.mday < 0 || t.mday > 31) throw valueError("day of month out of range");
  if (t.hour < 0 || t.hour > 23) throw valueError("hour out of range");
  if (t.min < 0 || t.min > 59) throw valueError("minute out of range");
  if (t.sec < 0 || t.sec > 61) throw valueError("seconds out of range");
  // Python's wday (0=Monday) -> C's (0=Sunday), with C's remainder sign
  const cw = (t.wday + 1) % 7;
  if (cw < 0) throw valueError("day of week out of range");
  t.wday = (cw + 6) % 7;
  if (t.yday === 0) t.yday = 1;
  else if (t.yday < 0 || t.yday > 366) throw valueError("day of year out of range");
  if (t.isdst < -1) t.isdst = -1;
  else if (t.isdst > 1) t.isdst = 1;
}

// ---------------------------------------------------------------------------------------------------------------
// strftime (glibc semantics in the "C" locale)

const DAY_ABBR = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const DAY_FULL = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MON_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MON_FULL = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
/** ISO 8601 week-based year and week number (glibc's iso_week_days algorithm). */
function isoWeek(t: Tm): [number, number] {
  const cwday = (t.wday + 1) % 7; // 0 = Sunday
  const isoWeekDays = (yday0: number, wday: number) => {
    const bigEnough = (Math.floor(366 / 7) + 2) * 7;
    return yday0 - ((yday0 - wday + 4 + bigEnough) % 7) + 3;
  };
  let year = t.year;
  const yday0 = t.yday - 1;
  let days = isoWeekDays(yday0, cwday);
  if (days < 0) {
    year--;
    days = isoWeekDays(yday0 + (isLeap(year) ? 366 : 365), cwday);
  } else {
    const d = isoWeekDays(yday0 - (isLeap(year) ? 366 : 365), cwday);
    if (d >= 0) {
      year++;
      days = d;
    }
  }
  return [year, Math.floor(days / 7) + 1];
}

function mktimeSecs(t: Tm): number {
  const d = new Date(t.year, t.mon - 1, t.mday, t.hour, t.min, t.sec);
  if (t.year >= 0 && t.year < 100) d.setFullYear(t.year);
  return Math.floor(d.getTime() / 1000);
}

function strftime(fmt: string, t: Tm): string {
  let out = "";
  const n = fmt.length;
  for (let i = 0; i < n; i++) {
    const c = fmt[i];
    if (c !== "%") {
      out += c;
      continue;
    }
    const start = i;
    // flags and width (glibc extensions)
    let pad: string | null = null;
    let upper = false;
    let j = i + 1;
    while (j < n && "-_0^#".includes(fmt[j])) {
      if (fmt[j] === "^") upper = true;
      else if (fmt[j] !== "#") pad = fmt[j];
      j++;
    }
    let width = -1;
    while (j < n && fmt[j] >= "0" && fmt[j] <= "9") width = (width < 0 ? 0 : width * 10) + (fmt.charCodeAt(j++) - 48);
    if (j < n && (fmt[j] === "E" || fmt[j] === "O")) j++;
    if (j >= n) {
      out += fmt.slice(start);
      break;
    }
    const d = fmt[j];
    i = j;
    const num = (v: number, w: number, padCh = "0"): string => {
      const p = pad === "-" ? "" : pad === "_" ? " " : pad === "0" ? "0" : padCh;
      const neg = v < 0;
      let s = String(Math.abs(v));
      const ww = width >= 0 ? width : w;
      if (p !== "") while (s.length + (neg ? 1 : 0) < ww) s = p + s;
      return neg ? "-" + s : s;
    };
    const txt = (s: string): string => {
      let r = upper ? s.toUpperCase() : s;
      if (width > r.length) r = (pad === "0" ? "0" : " ").repeat(width - r.length) + r;
      return r;
    };
    const h12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
    switch (d) {
      case "a": out += txt(DAY_ABBR[t.wday]); break;
      case "A": out += txt(DAY_FULL[t.wday]); break;
      case "b":
      case "h": out += txt(MON_ABBR[t.mon - 1]); break;
      case "B": out += txt(MON_FULL[t.mon - 1]); break;
      case "c": out += txt(strftime("%a %b %e %H:%M:%S %Y", t)); break;
      case "C": out += num(Math.floor(t.year / 100), 1); break; // glibc: "yearish" values are not padded
      case "d": out += num(t.mday, 2); break;
      case "D": out += txt(strftime("%m/%d/%y", t)); break;
      case "e": out += num(t.mday, 2, " "); break;
      case "F": out += txt(strftime("%Y-%m-%d", t)); break;
      case "G": out += num(isoWeek(t)[0], 1); break;
      case "g": out += num(((isoWeek(t)[0] % 100) + 100) % 100, 2); break;
      case "H": out += num(t.hour, 2); break;
      case "I": out += num(h12, 2); break;
      case "j": out += num(t.yday, 3); break;
      case "k": out += num(t.hour, 2, " "); break;
      case "l": out += num(h12, 2, " "); break;
      case "m": out += num(t.mon, 2); break;
      case "M": out += num(t.min, 2); break;
      case "n": out += "\n"; break;
      case "p": out += txt(t.hour < 12 ? "AM" : "PM"); break;
      case "P": out += txt(t.hour < 12 ? "am" : "pm"); break;
      case "r": out += txt(strftime("%I:%M:%S %p", t)); break;
      case "R": out += txt(strftime("%H:%M", t)); break;
      case "s": out += num(mktimeSecs(t), 1); break;
      case "S": out += num(t.sec, 2); break;
      case "t": out += "\t"; break;
      case "T": out += txt(strftime("%H:%M:%S", t)); break;
      case "u": out += num(t.wday + 1, 1); break;
      case "U": out += num(Math.floor((t.yday - 1 + 7 - ((t.wday + 1) % 7)) / 7), 2); break;
      case "V": out += num(isoWeek(t)[1], 2); break;
      case "w": out += num((t.wday + 1) % 7, 1); break;
      case "W": out += num(Math.floor((t.yday - 1 + 7 - t.wday) / 7), 2); break;
      case "x": out += txt(strftime("%m/%d/%y", t)); break;
      case "X": out += txt(strftime("%H:%M:%S", t)); break;
      case "y": out += num(((t.year % 100) + 100) % 100, 2); break;
      case "Y": out += num(t.year, 1); break;
      case "z": {
        const off = t.gmtoff;
        const a = Math.floor(Math.abs(off) / 60);
        out += (off < 0 ? "-" : "+") + String(Math.floor(a / 60) * 100 + (a % 60)).padStart(4, "0");
        break;
      }
      case "Z": {
        let z = t.zone;
        if (z === null || z === "") z = t.isdst >= 0 ? zinfo().tzname[t.isdst ? 1 : 0] : "";
        out += txt(z);
        break;
      }
      case "%": out += "%"; break;
      default:
        // glibc copies an unknown conversion through as written
        out += fmt.slice(start, j + 1);
    }
  }
  return out;
}

function asctime(t: Tm): string {
  return `${DAY_ABBR[t.wday]} ${MON_ABBR[t.mon - 1]} ${String(t.mday).padStart(2, " ")} ${String(t.hour).padStart(2, "0")}:${String(t.min).padStart(2, "0")}:${String(t.sec).padStart(2, "0")} ${t.year}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Clocks and sleep

function nowNs(): bigint {
  return BigInt(Math.round(performance.timeOrigin * 1000)) * 1000n + BigInt(Math.round(performance.now() * 1e6));
}
function cpuNs(): bigint {
  const u = process.cpuUsage();
  return BigInt(u.user + u.system) * 1000n;
}
const sleepCell = new Int32Array(new SharedArrayBuffer(4));
/** Blocks the (single) JS thread: the VM has no event loop to return to while Python code runs. */
function sleepSeconds(secs: number): void {
  let ms = secs * 1000;
  const end = performance.now() + ms;
  while (ms > 0) {
    Atomics.wait(sleepCell, 0, 0, ms);
    ms = end - performance.now();
  }
}

function secondsArg(x: PyObject): number {
  if (x instanceof PyFloat) {
    if (Number.isNaN(x.value)) throw valueError("Invalid value NaN (not a number)");
    return x.value;
  }
  if (isInt(x)) return Number(intValue(x));
  if (!isStr(x) && ops.getAttrOpt(x, "__float__") !== undefined) return ops.asFloat(x);
  throw typeError(`'${typeOf(x).name}' object cannot be interpreted as an integer`);
}

function clockInfo(name: string): PyObject {
  const specs: Record<string, [string, boolean, boolean, number]> = {
    time: ["clock_gettime(CLOCK_REALTIME)", false, true, 1e-9],
    monotonic: ["clock_gettime(CLOCK_MONOTONIC)", true, false, 1e-9],
    perf_counter: ["clock_gettime(CLOCK_MONOTONIC)", true, false, 1e-9],
    process_time: ["clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false, 1e-9],
    thread_time: ["clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false, 1e-9],
  };
  const s = specs[name];
  if (s === undefined) throw valueError("unknown clock");
  const ns = ops.getAttr(importModule("types"), "SimpleNamespace");
  return ops.call(ns, [s[0], s[1], s[2], new PyFloat(s[3])], ["implementation", "monotonic", "adjustable", "resolution"]);
}

const f = (x: number) => new PyFloat(x);
const nsInt = (n: bigint): PyObject => (n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n);

registerNativeModule("time", () => {
  const z = zinfo();
  return makeModule(
    "time",
    {
      struct_time: StructTimeType,
      time: () => f(Number(nowNs()) / 1e9),
      time_ns: () => nsInt(nowNs()),
      monotonic: () => f(Number(process.hrtime.bigint()) / 1e9),
      monotonic_ns: () => nsInt(process.hrtime.bigint()),
      perf_counter: () => f(Number(process.hrtime.bigint()) / 1e9),
      perf_counter_ns: () => nsInt(process.hrtime.bigint()),
      process_time: () => f(Number(cpuNs()) / 1e9),
      process_time_ns: () => nsInt(cpuNs()),
      thread_time: () => f(Number(cpuNs()) / 1e9),
      thread_time_ns: () => nsInt(cpuNs()),
      sleep: (args, kw) => {
        if (kw !== null && kw.length) throw typeError("sleep() takes no keyword arguments");
        if (args.length !== 1) throw typeError(`time.sleep() takes exactly one argument (${args.length} given)`);
        const s = secondsArg(args[0]);
        if (s < 0) throw valueError("sleep length must be non-negative");
        if (!Number.isFinite(s)) throw overflowError("timestamp too large to convert to C _PyTime_t");
        sleepSeconds(s);
        return None;
      },
      gmtime: (args) => tmToStruct(gmtimeTm(timeT(args[0]))),
      localtime: (args) => tmToStruct(localtimeTm(timeT(args[0]))),
      mktime: (args) => {
        if (args.length !== 1) throw typeError(`time.mktime() takes exactly one argument (${args.length} given)`);
        const t = tmArg("mktime", args[0]);
        const secs = mktimeSecs(t);
        if (!Number.isFinite(secs)) throw overflowError("mktime argument out of range");
        return f(secs);
      },
      strftime: (args, kw) => {
        const [fmt, tt] = parseArgs("strftime", args, kw, ["format", "tuple"], 1, 2);
        if (!isStr(fmt!)) throw typeError(`strftime() argument 1 must be str, not ${typeOf(fmt!).name}`);
        const t = tt === undefined ? localtimeTm(timeT(undefined)) : tmArg("strftime", tt);
        checkTm(t);
        const s = strValue(fmt!);
        if (s.includes("\0")) throw valueError("embedded null character");
        return strftime(s, t);
      },
      strptime: (args, kw) => {
        const [s, fmt] = parseArgs("strptime", args, kw, ["string", "format"], 1, 2);
        const mod = importModule("_strptime");
        return ops.call(ops.getAttr(mod, "_strptime_time"), fmt === undefined ? [s!] : [s!, fmt]);
      },
      asctime: (args) => {
        const t = args.length && args[0] !== None ? tmArg("asctime", args[0]) : localtimeTm(timeT(undefined));
        checkTm(t);
        return asctime(t);
      },
      ctime: (args) => asctime(localtimeTm(timeT(args[0]))),
      get_clock_info: (args) => {
        if (!isStr(args[0])) throw typeError(`get_clock_info() argument 1 must be str, not ${typeOf(args[0]).name}`);
        return clockInfo(strValue(args[0]));
      },
      tzset: () => {
        zone = null;
        tzData = undefined;
        return None;
      },
      timezone: z.timezone,
      altzone: z.altzone,
      daylight: z.daylight,
      tzname: new PyTuple([z.tzname[0], z.tzname[1]]),
      _STRUCT_TM_ITEMS: 11,
      CLOCK_REALTIME: 0,
      CLOCK_MONOTONIC: 1,
      CLOCK_PROCESS_CPUTIME_ID: 2,
      CLOCK_THREAD_CPUTIME_ID: 3,
      CLOCK_MONOTONIC_RAW: 4,
      CLOCK_BOOTTIME: 7,
      CLOCK_TAI: 11,
      clock_gettime: (args) => {
        const id = ops.indexNum(args[0]);
        if (id === 0) return f(Number(nowNs()) / 1e9);
        if (id === 2 || id === 3) return f(Number(cpuNs()) / 1e9);
        return f(Number(process.hrtime.bigint()) / 1e9);
      },
      clock_gettime_ns: (args) => {
        const id = ops.indexNum(args[0]);
        if (id === 0) return nsInt(nowNs());
        if (id === 2 || id === 3) return nsInt(cpuNs());
        return nsInt(process.hrtime.bigint());
      },
    },
    "This module provides various functions to manipulate time values.",
  );
});

export { strftime as strftimeTm, gmtimeTm, localtimeTm };
export type { Tm };
