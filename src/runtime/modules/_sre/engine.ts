// The _sre matching engine: runs CPython 3.12 regular-expression bytecode over a code-point array, backtracking on an explicit stack.
//
// The control flow follows CPython's Modules/_sre/sre_lib.h: each (sub)match is a frame; an opcode that must try a
// sub-pattern and then continue ("DO_JUMP") saves its position in its frame, records where to resume, and pushes a child
// frame. When the child ends, the parent resumes at that point with the child's verdict. No JS recursion is involved, so
// patterns like (a|b)*c over long subjects cannot overflow the JS stack.
import { At, Category, InfoFlag, Op, SRE_MAXREPEAT } from "./constants";
import {
  asciiIsDigit,
  asciiIsSpace,
  asciiIsWord,
  asciiLower,
  Ch,
  localeIsWord,
  localeLower,
  localeUpper,
  uniIsDigit,
  uniIsLinebreak,
  uniIsSpace,
  uniIsWord,
  uniLower,
  uniUpper,
} from "./unicode";

/** A subject as an array of code points: bytes, a str without astral characters (UTF-16 units), or any str. */
export type SreText = Uint8Array | Uint16Array | Uint32Array;

const SURROGATE = /[\uD800-\uDFFF]/;

/** Converts a JS string to the engine's code-point array (UTF-16 units when there are no surrogates, else code points). */
export function textFromString(s: string): SreText {
  if (!SURROGATE.test(s)) {
    const units = new Uint16Array(s.length);
    Buffer.from(units.buffer, units.byteOffset, units.byteLength).write(s, "utf16le");
    return units;
  }
  const cps = new Uint32Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        cps[n++] = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        continue;
      }
    }
    cps[n++] = c;
  }
  return cps.subarray(0, n);
}

/** Per-code cache of latin1Table results, indexed by set position. */
const latin1Tables = new WeakMap<Uint32Array, Array<Uint8Array | undefined>>();

/** Internal inconsistency in the code (CPython's SRE_ERROR_ILLEGAL / SRE_ERROR_STATE); the module maps it to RuntimeError. */
export class SreInternalError extends Error {}

/** The repeat context of a REPEAT ... MAX_UNTIL/MIN_UNTIL loop. */
class Repeat {
  count = -1;
  /** Subject position at the start of the latest iteration, for zero-width-match protection (-1: none). */
  lastPtr = -1;
  /** Code index of the REPEAT operands (<skip> <min> <max> item...). */
  pc = 0;
  prev: Repeat | null = null;
}

/** Where a frame resumes after its child frame ends (or a loop head entered without a child). */
enum Resume {
  NONE,
  BRANCH_TRY,
  BRANCH_RET,
  REPEAT_ONE_LIT_TRY,
  REPEAT_ONE_LIT_RET,
  REPEAT_ONE_TRY,
  REPEAT_ONE_RET,
  MIN_REPEAT_ONE_TRY,
  MIN_REPEAT_ONE_RET,
  REPEAT_RET,
  MAX_UNTIL_1,
  MAX_UNTIL_2,
  MAX_UNTIL_3,
  MIN_UNTIL_1,
  MIN_UNTIL_2,
  MIN_UNTIL_3,
  POSS_REPEAT_1_TRY,
  POSS_REPEAT_1_RET,
  POSS_REPEAT_2_TRY,
  POSS_REPEAT_2_RET,
  ATOMIC_GROUP,
  ASSERT,
  ASSERT_NOT,
}

/** One (sub)match in progress: CPython's match_context. */
class Frame {
  count = 0;
  chr = 0;
  rep: Repeat | null = null;
  lastmark = -1;
  lastindex = -1;
  pc = 0;
  ptr = 0;
  toplevel = false;
  resume = Resume.NONE;
}

enum Mode {
  ENTER,
  DISPATCH,
  EXIT,
  RESUME,
}

const NO_POS = -1;

/**
 * Matching state for one compiled pattern over one subject (CPython's SRE_STATE).
 * Usage: reset(text, pos, endpos), then match()/search(); on success the match spans [start, ptr) and marks hold the groups.
 */
export class SreState {
  text: SreText = new Uint16Array(0);
  /** Where the current attempt starts; after a successful match/search, the match start. */
  start = 0;
  /** After a successful match/search, the match end. */
  ptr = 0;
  end = 0;
  pos = 0;
  endpos = 0;
  /** Group boundaries: marks[2g] / marks[2g+1] are group g+1's start / end (-1: unset). */
  marks: Int32Array;
  /** Span of the last successful match. */
  matchStart = -1;
  matchEnd = -1;
  /** Highest valid index in marks (-1: none). */
  lastmark = -1;
  /** Index of the last closed group (-1: none). */
  lastindex = -1;
  /** Fullmatch: only a match ending at `end` counts. */
  matchAll = false;
  /** An empty match at `start` does not count (set by findall/finditer/sub after an empty match). */
  mustAdvance = false;

  private repeat: Repeat | null = null;
  private readonly tables: Array<Uint8Array | undefined>;
  private repeatPool: Repeat[] = [];
  private repeatDepth = 0;
  private frames: Frame[] = [];
  private depth = 0;
  private data = new Int32Array(64);
  private dataTop = 0;

  constructor(
    readonly code: Uint32Array,
    readonly groups: number,
  ) {
    this.marks = new Int32Array(Math.max(2 * groups, 2));
    let tables = latin1Tables.get(code);
    if (tables === undefined) {
      tables = [];
      latin1Tables.set(code, tables);
    }
    this.tables = tables;
  }

  /** state_init + state_reset: a new subject and bounds (clamped to the subject like CPython). */
  reset(text: SreText, pos = 0, endpos = text.length): void {
    const len = text.length;
    pos = pos < 0 ? 0 : pos > len ? len : pos;
    endpos = endpos < 0 ? 0 : endpos > len ? len : endpos;
    this.text = text;
    this.pos = this.start = this.ptr = pos;
    this.endpos = this.end = endpos;
    this.mustAdvance = false;
    this.matchAll = false;
    this.exhausted = false;
    this.resetCaptures();
  }

  /** state_reset: forget groups before a new attempt. */
  resetCaptures(): void {
    this.lastmark = -1;
    this.lastindex = -1;
    this.repeat = null;
    this.repeatDepth = 0;
    this.dataTop = 0;
    // Frames left over by an attempt that threw (internal error, out of memory) are dropped here.
    this.depth = 0;
  }

  /** Frees what a huge match left in the pools (frames, repeat contexts, data stack), keeping small ones for reuse. */
  trim(): void {
    const KEEP = 4096;
    if (this.frames.length > KEEP) this.frames.length = KEEP;
    if (this.repeatPool.length > KEEP) this.repeatPool.length = KEEP;
    if (this.data.length > 16 * KEEP) this.data = new Int32Array(64);
  }

  /**
   * A repeat context from the pool. Repeat contexts live exactly as long as their REPEAT frame and frames end in LIFO
   * order, so the pool is a stack (no allocation per REPEAT in hot loops).
   */
  private newRepeat(pc: number): Repeat {
    let rep = this.repeatPool[this.repeatDepth];
    if (rep === undefined) {
      rep = new Repeat();
      this.repeatPool.push(rep);
    }
    this.repeatDepth++;
    rep.count = -1;
    rep.lastPtr = -1;
    rep.pc = pc;
    rep.prev = this.repeat;
    return rep;
  }

  /** Anchored match at `start` (fullmatch when matchAll). */
  match(matchAll: boolean): boolean {
    this.resetCaptures();
    this.ptr = this.start;
    this.matchAll = matchAll;
    return this.found(this.run(0, true));
  }

  /** Records the span of a successful match (start/ptr move on when scanning). */
  private found(ok: boolean): boolean {
    if (ok) {
      this.matchStart = this.start;
      this.matchEnd = this.ptr;
    }
    return ok;
  }

  /**
   * One step of Scanner.search / finditer / findall / sub: the next match at or after `start`, then positions for the
   * following step (an empty match forbids another empty match at the same place). Returns false when exhausted.
   */
  searchNext(): boolean {
    if (this.exhausted) return false;
    if (!this.search()) {
      this.exhausted = true;
      return false;
    }
    this.advance();
    return true;
  }

  /** One step of Scanner.match: like searchNext, but anchored at `start`. */
  matchNext(): boolean {
    if (this.exhausted) return false;
    if (!this.match(false)) {
      this.exhausted = true;
      return false;
    }
    this.advance();
    return true;
  }

  /** Set when a scanning step found nothing: further steps find nothing. */
  exhausted = false;

  private advance(): void {
    this.mustAdvance = this.ptr === this.start;
    this.start = this.ptr;
  }

  /** Writes every group's span into out (2 * (groups + 1) entries, -1 for unset), as CPython's Match.regs; false when a span is reversed. */
  fillSpans(out: Int32Array): boolean {
    out[0] = this.matchStart;
    out[1] = this.matchEnd;
    const marks = this.marks;
    const lastmark = this.lastmark;
    for (let j = 0; j < 2 * this.groups; j += 2) {
      let s = -1;
      let e = -1;
      if (j + 1 <= lastmark && marks[j] >= 0 && marks[j + 1] >= 0) {
        s = marks[j];
        e = marks[j + 1];
        if (s > e) return false;
      }
      out[j + 2] = s;
      out[j + 3] = e;
    }
    return true;
  }

  /** Group g's span (g = 0 is the whole match) as CPython's Match.regs computes it: [-1, -1] when unset. */
  span(g: number): [number, number] {
    if (g === 0) return [this.matchStart, this.matchEnd];
    const j = 2 * (g - 1);
    if (j + 1 <= this.lastmark) {
      const s = this.marks[j];
      const e = this.marks[j + 1];
      if (s >= 0 && e >= 0) return [s, e];
    }
    return [-1, -1];
  }

  // ---- data stack (saved marks and repeat positions) ----

  private ensureData(n: number): void {
    if (this.dataTop + n > this.data.length) {
      let size = this.data.length * 2;
      while (size < this.dataTop + n) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.data.subarray(0, this.dataTop));
      this.data = grown;
    }
  }

  private pushData(v: number): void {
    this.ensureData(1);
    this.data[this.dataTop++] = v;
  }

  private popData(): number {
    return this.data[--this.dataTop];
  }

  private markPush(lastmark: number): void {
    if (lastmark < 0) return;
    const n = lastmark + 1;
    this.ensureData(n);
    this.data.set(this.marks.subarray(0, n), this.dataTop);
    this.dataTop += n;
  }

  private markPop(lastmark: number): void {
    if (lastmark < 0) return;
    const n = lastmark + 1;
    this.marks.set(this.data.subarray(this.dataTop - n, this.dataTop), 0);
    this.dataTop -= n;
  }

  private markPopKeep(lastmark: number): void {
    if (lastmark < 0) return;
    const n = lastmark + 1;
    this.marks.set(this.data.subarray(this.dataTop - n, this.dataTop), 0);
  }

  private markPopDiscard(lastmark: number): void {
    if (lastmark >= 0) this.dataTop -= lastmark + 1;
  }

  private setMark(i: number, ptr: number): void {
    if (i >= this.marks.length) {
      const grown = new Int32Array(Math.max(i + 1, 2 * this.marks.length));
      grown.set(this.marks);
      this.marks = grown;
    }
    if (i & 1) this.lastindex = (i >> 1) + 1;
    if (i > this.lastmark) {
      // Marks between the old lastmark and i were never reached in this attempt.
      for (let j = this.lastmark + 1; j < i; j++) this.marks[j] = NO_POS;
      this.lastmark = i;
    }
    this.marks[i] = ptr;
  }

  // ---- frames ----

  private pushFrame(toplevel: boolean): Frame {
    let f = this.frames[this.depth];
    if (f === undefined) {
      f = new Frame();
      this.frames.push(f);
    }
    this.depth++;
    f.toplevel = toplevel;
    f.resume = Resume.NONE;
    return f;
  }

  /** DO_JUMP: saves the parent's position and continuation, returns the child frame. */
  private call(parent: Frame, pc: number, ptr: number, resume: Resume, toplevel: boolean): Frame {
    parent.pc = pc;
    parent.ptr = ptr;
    parent.resume = resume;
    return this.pushFrame(toplevel);
  }

  // ---- character tests ----

  private at(ptr: number, atcode: number): boolean {
    const text = this.text;
    const end = this.end;
    switch (atcode) {
      case At.BEGINNING:
      case At.BEGINNING_STRING:
        return ptr === 0;
      case At.BEGINNING_LINE:
        return ptr === 0 || text[ptr - 1] === Ch.LF;
      case At.END:
        return (end - ptr === 1 && text[ptr] === Ch.LF) || ptr === end;
      case At.END_LINE:
        return ptr === end || text[ptr] === Ch.LF;
      case At.END_STRING:
        return ptr === end;
      case At.BOUNDARY:
      case At.NON_BOUNDARY:
      case At.LOC_BOUNDARY:
      case At.LOC_NON_BOUNDARY:
      case At.UNI_BOUNDARY:
      case At.UNI_NON_BOUNDARY:
        return this.boundary(ptr, atcode);
      default:
        return false;
    }
  }

  private boundary(ptr: number, atcode: number): boolean {
    if (this.end === 0) return false;
    const isWord =
      atcode === At.BOUNDARY || atcode === At.NON_BOUNDARY
        ? asciiIsWord
        : atcode === At.LOC_BOUNDARY || atcode === At.LOC_NON_BOUNDARY
          ? localeIsWord
          : uniIsWord;
    const before = ptr > 0 ? isWord(this.text[ptr - 1]) : false;
    const here = ptr < this.end ? isWord(this.text[ptr]) : false;
    const negated = atcode === At.NON_BOUNDARY || atcode === At.LOC_NON_BOUNDARY || atcode === At.UNI_NON_BOUNDARY;
    return negated ? before === here : before !== here;
  }

  private charset(set: number, ch: number): boolean {
    const code = this.code;
    let ok = true;
    for (;;) {
      switch (code[set++]) {
        case Op.FAILURE:
          return !ok;
        case Op.LITERAL:
          if (ch === code[set]) return ok;
          set++;
          break;
        case Op.CATEGORY:
          if (category(code[set], ch)) return ok;
          set++;
          break;
        case Op.CHARSET:
          if (ch < 256 && (code[set + (ch >> 5)] & (1 << (ch & 31))) !== 0) return ok;
          set += 8;
          break;
        case Op.RANGE:
          if (code[set] <= ch && ch <= code[set + 1]) return ok;
          set += 2;
          break;
        case Op.RANGE_UNI_IGNORE: {
          // ch is already lower-cased; also try its uppercase.
          if (code[set] <= ch && ch <= code[set + 1]) return ok;
          const up = uniUpper(ch);
          if (code[set] <= up && up <= code[set + 1]) return ok;
          set += 2;
          break;
        }
        case Op.NEGATE:
          ok = !ok;
          break;
        case Op.BIGCHARSET: {
          // <BIGCHARSET> <blockcount> <256 block indices as bytes, 64 words> <blocks of 8 words>
          const count = code[set++];
          if (ch < 0x10000) {
            const hi = ch >> 8;
            const block = (code[set + (hi >> 2)] >>> ((hi & 3) * 8)) & 0xff;
            const word = code[set + 64 + block * 8 + ((ch & 255) >> 5)];
            if ((word & (1 << (ch & 31))) !== 0) return ok;
          }
          set += 64 + count * 8;
          break;
        }
        default:
          return false;
      }
    }
  }

  /**
   * Membership of characters < 256 in the set at setPc (after the op's case folding), as a table built on first use and
   * shared by all states of the same code. Loops over many characters (repeats, search scans) test it instead of
   * walking the set's operations for every character.
   */
  private latin1Table(setPc: number, fold: Op): Uint8Array {
    // A set's folding is fixed by the op that owns it (INFO's charset is unfolded), so its position is the key.
    let t = this.tables[setPc];
    if (t === undefined) {
      t = new Uint8Array(256);
      for (let ch = 0; ch < 256; ch++) t[ch] = this.inSet(fold, setPc, ch) ? 1 : 0;
      this.tables[setPc] = t;
    }
    return t;
  }

  private charsetLocIgnore(set: number, ch: number): boolean {
    const lo = localeLower(ch);
    if (this.charset(set, lo)) return true;
    const up = localeUpper(ch);
    return up !== lo && this.charset(set, up);
  }

  /** Does ch (any code point) belong to the set at setPc under the IN-family op's case folding? */
  private inSet(op: Op, setPc: number, ch: number): boolean {
    switch (op) {
      case Op.IN_IGNORE:
        return this.charset(setPc, asciiLower(ch));
      case Op.IN_UNI_IGNORE:
        return this.charset(setPc, uniLower(ch));
      case Op.IN_LOC_IGNORE:
        return this.charsetLocIgnore(setPc, ch);
      default:
        return this.charset(setPc, ch);
    }
  }

  /** SRE(count): how many times (up to maxcount) the single-width item at pc matches from ptr. */
  private count(pc: number, maxcount: number, ptr: number): number {
    const code = this.code;
    const text = this.text;
    let end = this.end;
    if (maxcount < end - ptr && maxcount !== SRE_MAXREPEAT) end = ptr + maxcount;
    const start = ptr;
    switch (code[pc]) {
      case Op.IN:
      case Op.IN_IGNORE:
      case Op.IN_UNI_IGNORE:
      case Op.IN_LOC_IGNORE: {
        const op = code[pc] as Op;
        const table = this.latin1Table(pc + 2, op);
        for (; ptr < end; ptr++) {
          const ch = text[ptr];
          if (ch < 256 ? table[ch] === 0 : !this.inSet(op, pc + 2, ch)) break;
        }
        break;
      }
      case Op.ANY:
        while (ptr < end && text[ptr] !== Ch.LF) ptr++;
        break;
      case Op.ANY_ALL:
        ptr = end > ptr ? end : ptr;
        break;
      case Op.LITERAL: {
        const c = code[pc + 1];
        while (ptr < end && text[ptr] === c) ptr++;
        break;
      }
      case Op.LITERAL_IGNORE: {
        const c = code[pc + 1];
        while (ptr < end && asciiLower(text[ptr]) === c) ptr++;
        break;
      }
      case Op.LITERAL_UNI_IGNORE: {
        const c = code[pc + 1];
        while (ptr < end && uniLower(text[ptr]) === c) ptr++;
        break;
      }
      case Op.LITERAL_LOC_IGNORE: {
        const c = code[pc + 1];
        while (ptr < end && charLocIgnore(c, text[ptr])) ptr++;
        break;
      }
      case Op.NOT_LITERAL: {
        const c = code[pc + 1];
        while (ptr < end && text[ptr] !== c) ptr++;
        break;
      }
      case Op.NOT_LITERAL_IGNORE: {
        const c = code[pc + 1];
        while (ptr < end && asciiLower(text[ptr]) !== c) ptr++;
        break;
      }
      case Op.NOT_LITERAL_UNI_IGNORE: {
        const c = code[pc + 1];
        while (ptr < end && uniLower(text[ptr]) !== c) ptr++;
        break;
      }
      case Op.NOT_LITERAL_LOC_IGNORE: {
        const c = code[pc + 1];
        while (ptr < end && !charLocIgnore(c, text[ptr])) ptr++;
        break;
      }
      // CPython runs CATEGORY (and the IN_*IGNORE ops above) through the general matcher; direct loops are faster.
      case Op.CATEGORY: {
        const cat = code[pc + 1];
        while (ptr < end && category(cat, text[ptr])) ptr++;
        break;
      }
      default: {
        // Any other single-width item: match it repeatedly as a sub-pattern (ended by its SUCCESS).
        this.ptr = ptr;
        while (this.ptr < end) {
          if (!this.run(pc, false)) break;
        }
        return this.ptr - start;
      }
    }
    return ptr - start;
  }

  // ---- the matcher ----

  /** SRE(match): matches the code at pc against the subject at this.ptr; on success this.ptr is the end. */
  private run(startPc: number, toplevel: boolean): boolean {
    const code = this.code;
    const text = this.text;
    const end = this.end;
    const base = this.depth;
    let ctx = this.pushFrame(toplevel);
    let pc = startPc;
    let ptr = 0;
    let ret = false;
    let mode = Mode.ENTER;

    outer: for (;;) {
      if (mode === Mode.ENTER) {
        ptr = this.ptr;
        mode = Mode.DISPATCH;
        if (code[pc] === Op.INFO) {
          // <INFO> <skip> <flags> <min> ...: reject early when too few characters remain.
          const min = code[pc + 3];
          const avail = end - ptr;
          if (min !== 0 && avail >= 0 && avail < min) {
            ret = false;
            mode = Mode.EXIT;
          } else {
            pc += code[pc + 1] + 1;
          }
        }
      }

      if (mode === Mode.DISPATCH) {
        dispatch: for (;;) {
          switch (code[pc++] as Op) {
            case Op.MARK:
              this.setMark(code[pc], ptr);
              pc++;
              continue;

            case Op.LITERAL:
              if (ptr >= end || text[ptr] !== code[pc]) break dispatch;
              pc++;
              ptr++;
              continue;

            case Op.NOT_LITERAL:
              if (ptr >= end || text[ptr] === code[pc]) break dispatch;
              pc++;
              ptr++;
              continue;

            case Op.SUCCESS:
              if (ctx.toplevel && ((this.matchAll && ptr !== end) || (this.mustAdvance && ptr === this.start))) {
                break dispatch;
              }
              this.ptr = ptr;
              ret = true;
              mode = Mode.EXIT;
              break dispatch;

            case Op.AT:
              if (!this.at(ptr, code[pc])) break dispatch;
              pc++;
              continue;

            case Op.CATEGORY:
              if (ptr >= end || !category(code[pc], text[ptr])) break dispatch;
              pc++;
              ptr++;
              continue;

            case Op.ANY:
              if (ptr >= end || text[ptr] === Ch.LF) break dispatch;
              ptr++;
              continue;

            case Op.ANY_ALL:
              if (ptr >= end) break dispatch;
              ptr++;
              continue;

            case Op.IN:
              if (ptr >= end || !this.charset(pc + 1, text[ptr])) break dispatch;
              pc += code[pc];
              ptr++;
              continue;

            case Op.LITERAL_IGNORE:
              if (ptr >= end || asciiLower(text[ptr]) !== code[pc]) break dispatch;
              pc++;
              ptr++;
              continue;

            case Op.LITERAL_UNI_IGNORE:
              if (ptr >= end || uniLower(text[ptr]) !== code[pc]) break dispatch;
              pc++;
              ptr++;
              continue;

            case Op.LITERAL_LOC_IGNORE:
              if (ptr >= end || !charLocIgnore(code[pc], text[ptr])) break dispatch;
              pc++;
              ptr++;
              continue;

            case Op.NOT_LITERAL_IGNORE:
              if (ptr >= end || asciiLower(text[ptr]) === code[pc]) break dispatch;
              pc++;
              ptr++;
              continue;

            case Op.NOT_LITERAL_UNI_IGNORE:
              if (ptr >= end || uniLower(text[ptr]) === code[pc]) break dispatch;
              pc++;
              ptr++;
              continue;

            case Op.NOT_LITERAL_LOC_IGNORE:
              if (ptr >= end || charLocIgnore(code[pc], text[ptr])) break dispatch;
              pc++;
              ptr++;
              continue;

            case Op.IN_IGNORE:
              if (ptr >= end || !this.charset(pc + 1, asciiLower(text[ptr]))) break dispatch;
              pc += code[pc];
              ptr++;
              continue;

            case Op.IN_UNI_IGNORE:
              if (ptr >= end || !this.charset(pc + 1, uniLower(text[ptr]))) break dispatch;
              pc += code[pc];
              ptr++;
              continue;

            case Op.IN_LOC_IGNORE:
              if (ptr >= end || !this.charsetLocIgnore(pc + 1, text[ptr])) break dispatch;
              pc += code[pc];
              ptr++;
              continue;

            case Op.JUMP:
            case Op.INFO:
              pc += code[pc];
              continue;

            case Op.BRANCH:
              // <BRANCH> <skip> alternative <JUMP> ... <0>
              ctx.lastmark = this.lastmark;
              ctx.lastindex = this.lastindex;
              if (this.repeat !== null) this.markPush(ctx.lastmark);
              ctx.pc = pc;
              ctx.ptr = ptr;
              ctx.resume = Resume.BRANCH_TRY;
              mode = Mode.RESUME;
              break dispatch;

            case Op.REPEAT_ONE: {
              // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: greedy single-width repeat.
              const min = code[pc + 1];
              if (min > end - ptr) break dispatch;
              this.ptr = ptr;
              const n = this.count(pc + 3, code[pc + 2], ptr);
              ctx.count = n;
              ptr += n;
              if (n < min) break dispatch;
              const tail = pc + code[pc];
              if (code[tail] === Op.SUCCESS && ptr === end && !(ctx.toplevel && this.mustAdvance && ptr === this.start)) {
                this.ptr = ptr;
                ret = true;
                mode = Mode.EXIT;
                break dispatch;
              }
              ctx.lastmark = this.lastmark;
              ctx.lastindex = this.lastindex;
              if (this.repeat !== null) this.markPush(ctx.lastmark);
              ctx.pc = pc;
              ctx.ptr = ptr;
              if (code[tail] === Op.LITERAL) {
                // The tail starts with a literal: only positions followed by it can match.
                ctx.chr = code[tail + 1];
                ctx.resume = Resume.REPEAT_ONE_LIT_TRY;
              } else {
                // Not in CPython: remember the tail's first operation to skip positions where it fails (same result).
                ctx.chr = this.firstOpPc(tail);
                ctx.resume = Resume.REPEAT_ONE_TRY;
              }
              mode = Mode.RESUME;
              break dispatch;
            }

            case Op.MIN_REPEAT_ONE: {
              // <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: lazy single-width repeat.
              const min = code[pc + 1];
              if (min > end - ptr) break dispatch;
              this.ptr = ptr;
              if (min === 0) {
                ctx.count = 0;
              } else {
                const n = this.count(pc + 3, min, ptr);
                if (n < min) break dispatch;
                ctx.count = n;
                ptr += n;
              }
              if (
                code[pc + code[pc]] === Op.SUCCESS &&
                !(ctx.toplevel && ((this.matchAll && ptr !== end) || (this.mustAdvance && ptr === this.start)))
              ) {
                this.ptr = ptr;
                ret = true;
                mode = Mode.EXIT;
                break dispatch;
              }
              ctx.lastmark = this.lastmark;
              ctx.lastindex = this.lastindex;
              if (this.repeat !== null) this.markPush(ctx.lastmark);
              ctx.pc = pc;
              ctx.ptr = ptr;
              ctx.chr = this.firstOpPc(pc + code[pc]);
              ctx.resume = Resume.MIN_REPEAT_ONE_TRY;
              mode = Mode.RESUME;
              break dispatch;
            }

            case Op.POSSESSIVE_REPEAT_ONE: {
              const min = code[pc + 1];
              if (ptr + min > end) break dispatch;
              this.ptr = ptr;
              const n = this.count(pc + 3, code[pc + 2], ptr);
              ptr += n;
              if (n < min) break dispatch;
              pc += code[pc];
              if (code[pc] === Op.SUCCESS && ptr === end && !(ctx.toplevel && this.mustAdvance && ptr === this.start)) {
                this.ptr = ptr;
                ret = true;
                mode = Mode.EXIT;
                break dispatch;
              }
              continue;
            }

            case Op.REPEAT: {
              // <REPEAT> <skip> <min> <max> item <MAX_UNTIL|MIN_UNTIL> tail: install a repeat context, run from the UNTIL.
              const rep = this.newRepeat(pc);
              this.repeat = rep;
              ctx.rep = rep;
              this.ptr = ptr;
              ctx = this.call(ctx, pc, ptr, Resume.REPEAT_RET, ctx.toplevel);
              pc += code[pc];
              mode = Mode.ENTER;
              continue outer;
            }

            case Op.MAX_UNTIL: {
              const rep = this.repeat;
              if (rep === null) throw new SreInternalError("MAX_UNTIL without REPEAT");
              this.ptr = ptr;
              ctx.rep = rep;
              ctx.count = rep.count + 1;
              if (ctx.count < code[rep.pc + 1]) {
                // Not enough iterations yet: match another item.
                rep.count = ctx.count;
                ctx = this.call(ctx, pc, ptr, Resume.MAX_UNTIL_1, ctx.toplevel);
                pc = rep.pc + 3;
                mode = Mode.ENTER;
                continue outer;
              }
              const max = code[rep.pc + 2];
              if ((ctx.count < max || max === SRE_MAXREPEAT) && this.ptr !== rep.lastPtr) {
                // Enough iterations, but try one more first (greedy).
                rep.count = ctx.count;
                ctx.lastmark = this.lastmark;
                ctx.lastindex = this.lastindex;
                this.markPush(ctx.lastmark);
                this.pushData(rep.lastPtr);
                rep.lastPtr = this.ptr;
                ctx = this.call(ctx, pc, ptr, Resume.MAX_UNTIL_2, ctx.toplevel);
                pc = rep.pc + 3;
                mode = Mode.ENTER;
                continue outer;
              }
              // No more iterations: the tail must match.
              this.repeat = rep.prev;
              ctx = this.call(ctx, pc, ptr, Resume.MAX_UNTIL_3, ctx.toplevel);
              mode = Mode.ENTER;
              continue outer;
            }

            case Op.MIN_UNTIL: {
              const rep = this.repeat;
              if (rep === null) throw new SreInternalError("MIN_UNTIL without REPEAT");
              this.ptr = ptr;
              ctx.rep = rep;
              ctx.count = rep.count + 1;
              if (ctx.count < code[rep.pc + 1]) {
                rep.count = ctx.count;
                ctx = this.call(ctx, pc, ptr, Resume.MIN_UNTIL_1, ctx.toplevel);
                pc = rep.pc + 3;
                mode = Mode.ENTER;
                continue outer;
              }
              // Lazy: try the tail first.
              this.repeat = rep.prev;
              ctx.lastmark = this.lastmark;
              ctx.lastindex = this.lastindex;
              if (this.repeat !== null) this.markPush(ctx.lastmark);
              ctx = this.call(ctx, pc, ptr, Resume.MIN_UNTIL_2, ctx.toplevel);
              mode = Mode.ENTER;
              continue outer;
            }

            case Op.POSSESSIVE_REPEAT:
              // <POSSESSIVE_REPEAT> <skip> <min> <max> item <SUCCESS> tail
              this.ptr = ptr;
              ctx.count = 0;
              ctx.pc = pc;
              ctx.ptr = ptr;
              ctx.resume = Resume.POSS_REPEAT_1_TRY;
              mode = Mode.RESUME;
              break dispatch;

            case Op.ATOMIC_GROUP:
              // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
              this.ptr = ptr;
              ctx = this.call(ctx, pc, ptr, Resume.ATOMIC_GROUP, false);
              pc += 1;
              mode = Mode.ENTER;
              continue outer;

            case Op.GROUPREF:
            case Op.GROUPREF_IGNORE:
            case Op.GROUPREF_UNI_IGNORE:
            case Op.GROUPREF_LOC_IGNORE: {
              const after = this.groupref(code[pc - 1], code[pc], ptr);
              if (after < 0) break dispatch;
              ptr = after;
              pc++;
              continue;
            }

            case Op.GROUPREF_EXISTS: {
              // <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno
              const g = code[pc] * 2;
              if (g >= this.lastmark) {
                pc += code[pc + 1];
                continue;
              }
              const s = this.marks[g];
              const e = this.marks[g + 1];
              if (s < 0 || e < 0 || e < s) {
                pc += code[pc + 1];
                continue;
              }
              pc += 2;
              continue;
            }

            case Op.ASSERT: {
              // <ASSERT> <skip> <back> pattern
              const back = code[pc + 1];
              if (ptr < back) break dispatch;
              this.ptr = ptr - back;
              ctx = this.call(ctx, pc, ptr, Resume.ASSERT, false);
              pc += 2;
              mode = Mode.ENTER;
              continue outer;
            }

            case Op.ASSERT_NOT: {
              const back = code[pc + 1];
              if (ptr >= back) {
                this.ptr = ptr - back;
                ctx.lastmark = this.lastmark;
                ctx.lastindex = this.lastindex;
                if (this.repeat !== null) this.markPush(ctx.lastmark);
                ctx = this.call(ctx, pc, ptr, Resume.ASSERT_NOT, false);
                pc += 2;
                mode = Mode.ENTER;
                continue outer;
              }
              pc += code[pc];
              continue;
            }

            case Op.FAILURE:
              break dispatch;

            default:
              throw new SreInternalError(`illegal opcode ${code[pc - 1]} at ${pc - 1}`);
          }
        }
        if (mode === Mode.DISPATCH) {
          ret = false;
          mode = Mode.EXIT;
        }
      }

      // EXIT: end the current frame with `ret` and resume its parent; RESUME: continue the current frame at ctx.resume.
      for (;;) {
        if (mode === Mode.EXIT) {
          this.depth--;
          if (this.depth === base) return ret;
          ctx = this.frames[this.depth - 1];
        }
        mode = Mode.EXIT;
        pc = ctx.pc;
        ptr = ctx.ptr;
        switch (ctx.resume) {
          case Resume.BRANCH_RET:
            if (ret) {
              if (this.repeat !== null) this.markPopDiscard(ctx.lastmark);
              continue;
            }
            if (this.repeat !== null) this.markPopKeep(ctx.lastmark);
            this.lastmark = ctx.lastmark;
            this.lastindex = ctx.lastindex;
            ctx.pc = pc + code[pc];
            ctx.resume = Resume.BRANCH_TRY;
            mode = Mode.RESUME;
            continue;

          case Resume.BRANCH_TRY: {
            const alt = this.nextAlternative(pc, ptr);
            if (alt < 0) {
              if (this.repeat !== null) this.markPopDiscard(ctx.lastmark);
              ret = false;
              continue;
            }
            this.ptr = ptr;
            ctx = this.call(ctx, alt, ptr, Resume.BRANCH_RET, ctx.toplevel);
            pc = alt + 1;
            mode = Mode.ENTER;
            continue outer;
          }

          case Resume.REPEAT_ONE_LIT_RET:
          case Resume.REPEAT_ONE_RET:
            if (ret) {
              if (this.repeat !== null) this.markPopDiscard(ctx.lastmark);
              continue;
            }
            if (this.repeat !== null) this.markPopKeep(ctx.lastmark);
            this.lastmark = ctx.lastmark;
            this.lastindex = ctx.lastindex;
            ctx.ptr = ptr - 1;
            ctx.count--;
            ctx.resume = ctx.resume === Resume.REPEAT_ONE_RET ? Resume.REPEAT_ONE_TRY : Resume.REPEAT_ONE_LIT_TRY;
            mode = Mode.RESUME;
            continue;

          case Resume.REPEAT_ONE_LIT_TRY: {
            const min = code[pc + 1];
            const chr = ctx.chr;
            while (ctx.count >= min && (ptr >= end || text[ptr] !== chr)) {
              ptr--;
              ctx.count--;
            }
            if (ctx.count < min) {
              if (this.repeat !== null) this.markPopDiscard(ctx.lastmark);
              ret = false;
              continue;
            }
            this.ptr = ptr;
            ctx = this.call(ctx, pc, ptr, Resume.REPEAT_ONE_LIT_RET, ctx.toplevel);
            pc += code[pc];
            mode = Mode.ENTER;
            continue outer;
          }

          case Resume.REPEAT_ONE_TRY:
            if (ctx.chr >= 0) {
              const min = code[pc + 1];
              while (ctx.count >= min && this.cannotStart(ctx.chr, ptr)) {
                ptr--;
                ctx.count--;
              }
            }
            if (ctx.count < code[pc + 1]) {
              if (this.repeat !== null) this.markPopDiscard(ctx.lastmark);
              ret = false;
              continue;
            }
            this.ptr = ptr;
            ctx = this.call(ctx, pc, ptr, Resume.REPEAT_ONE_RET, ctx.toplevel);
            pc += code[pc];
            mode = Mode.ENTER;
            continue outer;

          case Resume.MIN_REPEAT_ONE_RET: {
            if (ret) {
              if (this.repeat !== null) this.markPopDiscard(ctx.lastmark);
              continue;
            }
            if (this.repeat !== null) this.markPopKeep(ctx.lastmark);
            this.lastmark = ctx.lastmark;
            this.lastindex = ctx.lastindex;
            this.ptr = ptr;
            if (this.count(pc + 3, 1, ptr) === 0) {
              if (this.repeat !== null) this.markPopDiscard(ctx.lastmark);
              ret = false;
              continue;
            }
            ctx.ptr = ptr + 1;
            ctx.count++;
            ctx.resume = Resume.MIN_REPEAT_ONE_TRY;
            mode = Mode.RESUME;
            continue;
          }

          case Resume.MIN_REPEAT_ONE_TRY: {
            const max = code[pc + 2];
            if (ctx.chr >= 0) {
              // Extend the repeat over positions where the tail cannot start, without trying it there.
              while ((max === SRE_MAXREPEAT || ctx.count <= max) && this.cannotStart(ctx.chr, ptr)) {
                if (this.count(pc + 3, 1, ptr) === 0) {
                  ctx.count = -1;
                  break;
                }
                ptr++;
                ctx.count++;
              }
            }
            if (ctx.count < 0 || (max !== SRE_MAXREPEAT && ctx.count > max)) {
              if (this.repeat !== null) this.markPopDiscard(ctx.lastmark);
              ret = false;
              continue;
            }
            this.ptr = ptr;
            ctx = this.call(ctx, pc, ptr, Resume.MIN_REPEAT_ONE_RET, ctx.toplevel);
            pc += code[pc];
            mode = Mode.ENTER;
            continue outer;
          }

          case Resume.REPEAT_RET:
            this.repeat = (ctx.rep as Repeat).prev;
            this.repeatDepth--;
            continue;

          case Resume.MAX_UNTIL_1:
          case Resume.MIN_UNTIL_1: {
            if (ret) continue;
            const rep = ctx.rep as Repeat;
            rep.count = ctx.count - 1;
            this.ptr = ptr;
            continue;
          }

          case Resume.MAX_UNTIL_2: {
            const rep = ctx.rep as Repeat;
            rep.lastPtr = this.popData();
            if (ret) {
              this.markPopDiscard(ctx.lastmark);
              continue;
            }
            this.markPop(ctx.lastmark);
            this.lastmark = ctx.lastmark;
            this.lastindex = ctx.lastindex;
            rep.count = ctx.count - 1;
            this.ptr = ptr;
            // The extra iteration failed: the tail must match here.
            this.repeat = rep.prev;
            ctx = this.call(ctx, pc, ptr, Resume.MAX_UNTIL_3, ctx.toplevel);
            mode = Mode.ENTER;
            continue outer;
          }

          case Resume.MAX_UNTIL_3:
            this.repeat = ctx.rep;
            if (ret) continue;
            this.ptr = ptr;
            continue;

          case Resume.MIN_UNTIL_2: {
            const rep = ctx.rep as Repeat;
            const repeatOfTail = this.repeat;
            this.repeat = rep;
            if (ret) {
              if (repeatOfTail !== null) this.markPopDiscard(ctx.lastmark);
              continue;
            }
            if (repeatOfTail !== null) this.markPop(ctx.lastmark);
            this.lastmark = ctx.lastmark;
            this.lastindex = ctx.lastindex;
            this.ptr = ptr;
            const max = code[rep.pc + 2];
            if ((ctx.count >= max && max !== SRE_MAXREPEAT) || this.ptr === rep.lastPtr) {
              ret = false;
              continue;
            }
            // The tail failed: match one more item.
            rep.count = ctx.count;
            this.pushData(rep.lastPtr);
            rep.lastPtr = this.ptr;
            ctx = this.call(ctx, pc, ptr, Resume.MIN_UNTIL_3, ctx.toplevel);
            pc = rep.pc + 3;
            mode = Mode.ENTER;
            continue outer;
          }

          case Resume.MIN_UNTIL_3: {
            const rep = ctx.rep as Repeat;
            rep.lastPtr = this.popData();
            if (ret) continue;
            rep.count = ctx.count - 1;
            this.ptr = ptr;
            continue;
          }

          case Resume.POSS_REPEAT_1_RET:
            if (!ret) {
              this.ptr = ptr;
              continue;
            }
            ctx.count++;
            ctx.resume = Resume.POSS_REPEAT_1_TRY;
            mode = Mode.RESUME;
            continue;

          case Resume.POSS_REPEAT_1_TRY:
            if (ctx.count < code[pc + 1]) {
              // Required iterations, each matched on its own with no backtracking into it.
              ctx = this.call(ctx, pc, ptr, Resume.POSS_REPEAT_1_RET, false);
              pc += 3;
              mode = Mode.ENTER;
              continue outer;
            }
            // Optional iterations; ptr = -1 lets the first one start.
            ctx.ptr = NO_POS;
            ctx.resume = Resume.POSS_REPEAT_2_TRY;
            mode = Mode.RESUME;
            continue;

          case Resume.POSS_REPEAT_2_RET:
            if (ret) {
              this.markPopDiscard(ctx.lastmark);
              ctx.count++;
              ctx.resume = Resume.POSS_REPEAT_2_TRY;
              mode = Mode.RESUME;
              continue;
            }
            this.markPop(ctx.lastmark);
            this.lastmark = ctx.lastmark;
            this.lastindex = ctx.lastindex;
            this.ptr = ptr;
            pc += code[pc] + 1;
            ptr = this.ptr;
            mode = Mode.DISPATCH;
            continue outer;

          case Resume.POSS_REPEAT_2_TRY: {
            const max = code[pc + 2];
            if ((ctx.count < max || max === SRE_MAXREPEAT) && this.ptr !== ptr) {
              ctx.lastmark = this.lastmark;
              ctx.lastindex = this.lastindex;
              this.markPush(ctx.lastmark);
              ctx = this.call(ctx, pc, this.ptr, Resume.POSS_REPEAT_2_RET, false);
              pc += 3;
              mode = Mode.ENTER;
              continue outer;
            }
            pc += code[pc] + 1;
            ptr = this.ptr;
            mode = Mode.DISPATCH;
            continue outer;
          }

          case Resume.ATOMIC_GROUP:
            if (!ret) {
              this.ptr = ptr;
              continue;
            }
            pc += code[pc];
            ptr = this.ptr;
            mode = Mode.DISPATCH;
            continue outer;

          case Resume.ASSERT:
            if (!ret) continue;
            pc += code[pc];
            mode = Mode.DISPATCH;
            continue outer;

          case Resume.ASSERT_NOT:
            if (ret) {
              if (this.repeat !== null) this.markPopDiscard(ctx.lastmark);
              ret = false;
              continue;
            }
            if (this.repeat !== null) this.markPop(ctx.lastmark);
            this.lastmark = ctx.lastmark;
            this.lastindex = ctx.lastindex;
            pc += code[pc];
            mode = Mode.DISPATCH;
            continue outer;

          case Resume.NONE:
            throw new SreInternalError("frame resumed without a continuation");
        }
      }
    }
  }

  /** The first alternative of a BRANCH at or after pc (at its <skip>) whose first character can match; -1 if none. */
  private nextAlternative(pc: number, ptr: number): number {
    const code = this.code;
    const text = this.text;
    const end = this.end;
    for (; code[pc] !== 0; pc += code[pc]) {
      const op = code[pc + 1];
      if (op === Op.LITERAL && (ptr >= end || text[ptr] !== code[pc + 2])) continue;
      if (op === Op.IN && (ptr >= end || !this.charset(pc + 3, text[ptr]))) continue;
      return pc;
    }
    return -1;
  }

  /** Matches a backreference at ptr; returns the position after it, or -1. */
  private groupref(op: number, group: number, ptr: number): number {
    const g = group * 2;
    if (g >= this.lastmark) return -1;
    let p = this.marks[g];
    const e = this.marks[g + 1];
    if (p < 0 || e < 0 || e < p) return -1;
    const text = this.text;
    const end = this.end;
    const fold = op === Op.GROUPREF_IGNORE ? asciiLower : op === Op.GROUPREF_UNI_IGNORE ? uniLower : op === Op.GROUPREF_LOC_IGNORE ? localeLower : null;
    if (e - p > end - ptr) {
      // Too long to fit: CPython compares up to the end and then fails; the result is the same.
      return -1;
    }
    if (fold === null) {
      for (; p < e; p++, ptr++) if (text[ptr] !== text[p]) return -1;
    } else {
      for (; p < e; p++, ptr++) if (fold(text[ptr]) !== fold(text[p])) return -1;
    }
    return ptr;
  }

  // ---- search ----

  /** SRE(search): the first match at or after `start`; on success [start, ptr) is the match. */
  search(): boolean {
    return this.found(this.searchAt());
  }

  private searchAt(): boolean {
    this.resetCaptures();
    this.ptr = this.start;
    this.matchAll = false;
    const code = this.code;
    const text = this.text;
    let ptr = this.start;
    let end = this.end;
    if (ptr > end) return false;

    let pc = 0;
    let flags = 0;
    let prefixLen = 0;
    let prefixSkip = 0;
    let prefix = 0;
    let charset = -1;
    if (code[0] === Op.INFO) {
      // <INFO> <skip> <flags> <min> <max> [<prefix len> <prefix skip> <prefix...> <overlap...> | <charset...>]
      flags = code[2];
      const min = code[3];
      if (min !== 0 && end - ptr < min) return false;
      if (min > 1) {
        // The match needs min characters: no point starting in the last min-1 positions.
        end -= min - 1;
        if (end <= ptr) end = ptr;
      }
      if (flags & InfoFlag.PREFIX) {
        prefixLen = code[5];
        prefixSkip = code[6];
        prefix = 7;
      } else if (flags & InfoFlag.CHARSET) {
        charset = 5;
      }
      pc = 1 + code[1];
    }

    if (prefixLen === 1) return this.searchChar(code[prefix], ptr, pc, prefixSkip, (flags & InfoFlag.LITERAL) !== 0);
    if (prefixLen > 1) return this.searchPrefix(prefix, prefixLen, prefixSkip, ptr, pc, (flags & InfoFlag.LITERAL) !== 0);

    if (charset >= 0) {
      end = this.end;
      this.mustAdvance = false;
      const table = this.latin1Table(charset, Op.IN);
      for (;;) {
        for (; ptr < end; ptr++) {
          const ch = text[ptr];
          if (ch < 256 ? table[ch] === 1 : this.charset(charset, ch)) break;
        }
        if (ptr >= end) return false;
        this.start = this.ptr = ptr;
        if (this.run(pc, false)) return true;
        ptr++;
        this.resetCaptures();
      }
    }

    // General case: try every position.
    this.start = this.ptr = ptr;
    let ok = this.run(pc, true);
    this.mustAdvance = false;
    if (!ok && code[pc] === Op.AT && (code[pc + 1] === At.BEGINNING || code[pc + 1] === At.BEGINNING_STRING)) {
      // Anchored at the start of the string: no other position can match.
      this.start = this.ptr = end;
      return false;
    }
    const first = this.firstOpPc(pc);
    while (!ok && ptr < end) {
      ptr++;
      // Not in CPython: skip positions where the first operation already fails (same result, less work per position).
      if (first >= 0 && this.cannotStart(first, ptr)) continue;
      this.resetCaptures();
      this.start = this.ptr = ptr;
      ok = this.run(pc, false);
    }
    return ok;
  }

  /** The code index of the first operation after leading MARKs, if it is one cannotStart understands; else -1. */
  private firstOpPc(pc: number): number {
    const code = this.code;
    while (code[pc] === Op.MARK) pc += 2;
    switch (code[pc]) {
      case Op.AT:
      case Op.LITERAL:
      case Op.IN:
      case Op.CATEGORY:
        return pc;
      case Op.REPEAT_ONE:
      case Op.MIN_REPEAT_ONE:
      case Op.POSSESSIVE_REPEAT_ONE:
        return code[pc + 2] > 0 ? pc : -1;
      default:
        return -1;
    }
  }

  /** True when the operation at pc (from firstOpPc) cannot succeed at ptr, so no match can start there. */
  private cannotStart(pc: number, ptr: number): boolean {
    const code = this.code;
    const text = this.text;
    const end = this.end;
    switch (code[pc]) {
      case Op.AT:
        return !this.at(ptr, code[pc + 1]);
      case Op.LITERAL:
        return ptr >= end || text[ptr] !== code[pc + 1];
      case Op.IN:
        return ptr >= end || !this.charset(pc + 2, text[ptr]);
      case Op.CATEGORY:
        return ptr >= end || !category(code[pc + 1], text[ptr]);
      default:
        // A repeat needing at least one item: the item must match here.
        return ptr >= end || this.count(pc + 4, 1, ptr) === 0;
    }
  }

  /** Search for a pattern starting with one literal character. */
  private searchChar(c: number, ptr: number, pc: number, prefixSkip: number, literal: boolean): boolean {
    const text = this.text;
    const end = this.end;
    this.mustAdvance = false;
    while (ptr < end) {
      ptr = scanFor(text, c, ptr, end);
      if (ptr >= end) return false;
      this.start = ptr;
      this.ptr = ptr + prefixSkip;
      if (literal) return true;
      if (this.run(pc + 2 * prefixSkip, false)) return true;
      ptr++;
      this.resetCaptures();
    }
    return false;
  }

  /** Search for a pattern starting with a multi-character literal prefix (KMP with the compiler's overlap table). */
  private searchPrefix(prefix: number, prefixLen: number, prefixSkip: number, ptr: number, pc: number, literal: boolean): boolean {
    const code = this.code;
    const text = this.text;
    const end = this.end;
    const overlap = prefix + prefixLen - 1;
    if (prefixLen > end - ptr) return false;
    const first = code[prefix];
    while (ptr < end) {
      ptr = scanFor(text, first, ptr, end);
      if (ptr >= end) return false;
      ptr++;
      if (ptr >= end) return false;
      let i = 1;
      this.mustAdvance = false;
      do {
        if (text[ptr] === code[prefix + i]) {
          if (++i !== prefixLen) {
            if (++ptr >= end) return false;
            continue;
          }
          // Found the whole prefix ending at ptr.
          this.start = ptr - (prefixLen - 1);
          this.ptr = ptr - (prefixLen - prefixSkip - 1);
          if (literal) return true;
          if (this.run(pc + 2 * prefixSkip, false)) return true;
          if (++ptr >= end) return false;
          this.resetCaptures();
        }
        i = code[overlap + i];
      } while (i !== 0);
    }
    return false;
  }
}

/**
 * The first index in [ptr, end) holding c, or end. A short JS loop wins when c is frequent (the native indexOf call
 * costs more than the scan); the native indexOf wins on long stretches without c.
 */
function scanFor(text: SreText, c: number, ptr: number, end: number): number {
  const near = Math.min(end, ptr + 16);
  for (; ptr < near; ptr++) if (text[ptr] === c) return ptr;
  if (ptr >= end) return end;
  const r = text.indexOf(c, ptr);
  return r < 0 || r >= end ? end : r;
}

/** sre_category: does ch belong to the CATEGORY_* class? */
export function category(cat: number, ch: number): boolean {
  switch (cat as Category) {
    case Category.DIGIT:
      return asciiIsDigit(ch);
    case Category.NOT_DIGIT:
      return !asciiIsDigit(ch);
    case Category.SPACE:
      return asciiIsSpace(ch);
    case Category.NOT_SPACE:
      return !asciiIsSpace(ch);
    case Category.WORD:
      return asciiIsWord(ch);
    case Category.NOT_WORD:
      return !asciiIsWord(ch);
    case Category.LINEBREAK:
      return ch === Ch.LF;
    case Category.NOT_LINEBREAK:
      return ch !== Ch.LF;
    case Category.LOC_WORD:
      return localeIsWord(ch);
    case Category.LOC_NOT_WORD:
      return !localeIsWord(ch);
    case Category.UNI_DIGIT:
      return uniIsDigit(ch);
    case Category.UNI_NOT_DIGIT:
      return !uniIsDigit(ch);
    case Category.UNI_SPACE:
      return uniIsSpace(ch);
    case Category.UNI_NOT_SPACE:
      return !uniIsSpace(ch);
    case Category.UNI_WORD:
      return uniIsWord(ch);
    case Category.UNI_NOT_WORD:
      return !uniIsWord(ch);
    case Category.UNI_LINEBREAK:
      return uniIsLinebreak(ch);
    case Category.UNI_NOT_LINEBREAK:
      return !uniIsLinebreak(ch);
    default:
      return false;
  }
}

/** char_loc_ignore: ch equals the pattern character after locale lower- or upper-casing. */
function charLocIgnore(pattern: number, ch: number): boolean {
  return ch === pattern || localeLower(ch) === pattern || localeUpper(ch) === pattern;
}
