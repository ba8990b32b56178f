// Structural check of regular-expression code before it is used, with the rules of CPython's _validate (sre.c):
// operands in range, skips inside their block, blocks ending with the right operation, group numbers below `groups`.
import { At, Category, InfoFlag, Op, SRE_MAXGROUPS, SRE_MAXREPEAT } from "./constants";

/** Thrown inside the validator to abandon the check. */
class Invalid extends Error {}

const BITMAP_WORDS = 8; // 256 bits
const BLOCK_INDEX_WORDS = 64; // 256 bytes

/** True when code is acceptable to the engine (what _sre.compile requires; it raises RuntimeError otherwise). */
export function validateCode(code: Uint32Array, groups: number): boolean {
  if (groups < 0 || groups > SRE_MAXGROUPS || code.length === 0 || code[code.length - 1] !== Op.SUCCESS) return false;
  try {
    // A top-level block ending in JUMP is invalid too.
    return new Validator(code, groups).block(0, code.length - 1) === 0;
  } catch (e) {
    if (e instanceof Invalid) return false;
    throw e;
  }
}

class Validator {
  private pos = 0;

  constructor(
    private readonly code: Uint32Array,
    private readonly groups: number,
  ) {}

  private fail(): never {
    throw new Invalid();
  }

  private word(end: number): number {
    if (this.pos >= end) this.fail();
    return this.code[this.pos++];
  }

  /** A skip operand: it may not point past `end` (adj: how far before its own position the skip counts from). */
  private skip(end: number, adj = 0): number {
    if (this.pos >= end) this.fail();
    const skip = this.code[this.pos];
    if (skip - adj < 0 || skip - adj > end - this.pos) this.fail();
    this.pos++;
    return skip;
  }

  private charset(start: number, end: number): void {
    this.pos = start;
    while (this.pos < end) {
      switch (this.word(end)) {
        case Op.NEGATE:
          break;
        case Op.LITERAL:
          this.word(end);
          break;
        case Op.RANGE:
        case Op.RANGE_UNI_IGNORE:
          this.word(end);
          this.word(end);
          break;
        case Op.CHARSET:
          if (BITMAP_WORDS > end - this.pos) this.fail();
          this.pos += BITMAP_WORDS;
          break;
        case Op.BIGCHARSET: {
          const blocks = this.word(end);
          if (BLOCK_INDEX_WORDS > end - this.pos) this.fail();
          for (let i = 0; i < 256; i++) {
            const byte = (this.code[this.pos + (i >> 2)] >>> ((i & 3) * 8)) & 0xff;
            if (byte >= blocks) this.fail();
          }
          this.pos += BLOCK_INDEX_WORDS;
          if (blocks * BITMAP_WORDS > end - this.pos) this.fail();
          this.pos += blocks * BITMAP_WORDS;
          break;
        }
        case Op.CATEGORY:
          if (this.word(end) > Category.UNI_NOT_LINEBREAK) this.fail();
          break;
        default:
          this.fail();
      }
    }
  }

  /** Validates [start, end); returns 1 when the block ends with a JUMP (a branch arm or the yes-arm of a conditional). */
  block(start: number, end: number): number {
    const code = this.code;
    if (start > end) this.fail();
    this.pos = start;
    while (this.pos < end) {
      const op = this.word(end);
      switch (op) {
        case Op.MARK:
          if (this.word(end) > 2 * this.groups + 1) this.fail();
          break;
        case Op.LITERAL:
        case Op.NOT_LITERAL:
        case Op.LITERAL_IGNORE:
        case Op.NOT_LITERAL_IGNORE:
        case Op.LITERAL_UNI_IGNORE:
        case Op.NOT_LITERAL_UNI_IGNORE:
        case Op.LITERAL_LOC_IGNORE:
        case Op.NOT_LITERAL_LOC_IGNORE:
          this.word(end);
          break;
        case Op.SUCCESS:
        case Op.FAILURE:
        case Op.ANY:
        case Op.ANY_ALL:
          break;
        case Op.AT:
          if (this.word(end) > At.UNI_NON_BOUNDARY) this.fail();
          break;
        case Op.IN:
        case Op.IN_IGNORE:
        case Op.IN_UNI_IGNORE:
        case Op.IN_LOC_IGNORE: {
          // <IN> <skip> set... <FAILURE>
          const skip = this.skip(end);
          const after = this.pos + skip - 1;
          this.charset(this.pos, after - 1);
          if (code[after - 1] !== Op.FAILURE) this.fail();
          this.pos = after;
          break;
        }
        case Op.INFO:
          this.info(end);
          break;
        case Op.BRANCH:
          this.branch(end);
          break;
        case Op.REPEAT_ONE:
        case Op.MIN_REPEAT_ONE:
        case Op.POSSESSIVE_REPEAT_ONE: {
          // <op> <skip> <min> <max> item <SUCCESS> tail
          const skip = this.skip(end);
          this.minMax(end);
          const itemEnd = this.pos + skip - 4;
          this.block(this.pos, itemEnd);
          this.pos = itemEnd;
          if (this.word(end) !== Op.SUCCESS) this.fail();
          break;
        }
        case Op.REPEAT:
        case Op.POSSESSIVE_REPEAT: {
          // <op> <skip> <min> <max> item <MAX_UNTIL|MIN_UNTIL|SUCCESS> tail
          const skip = this.skip(end);
          this.minMax(end);
          const itemEnd = this.pos + skip - 3;
          this.block(this.pos, itemEnd);
          this.pos = itemEnd;
          const until = this.word(end);
          if (op === Op.POSSESSIVE_REPEAT ? until !== Op.SUCCESS : until !== Op.MAX_UNTIL && until !== Op.MIN_UNTIL) this.fail();
          break;
        }
        case Op.ATOMIC_GROUP: {
          const skip = this.skip(end);
          const bodyEnd = this.pos + skip - 2;
          this.block(this.pos, bodyEnd);
          this.pos = bodyEnd;
          if (this.word(end) !== Op.SUCCESS) this.fail();
          break;
        }
        case Op.GROUPREF:
        case Op.GROUPREF_IGNORE:
        case Op.GROUPREF_UNI_IGNORE:
        case Op.GROUPREF_LOC_IGNORE:
          if (this.word(end) >= this.groups) this.fail();
          break;
        case Op.GROUPREF_EXISTS:
          this.conditional(end);
          break;
        case Op.ASSERT:
        case Op.ASSERT_NOT: {
          // <op> <skip> <back> pattern <SUCCESS>: the skip counts from its own position.
          const skipAt = this.pos;
          const skip = this.skip(end);
          this.word(end);
          const bodyEnd = skipAt + skip - 1;
          this.block(skipAt + 2, bodyEnd);
          this.pos = bodyEnd;
          if (this.word(end) !== Op.SUCCESS) this.fail();
          break;
        }
        case Op.JUMP:
          // Only as the last operation of a block: its operand is the block's last word.
          if (this.pos + 1 !== end) this.fail();
          return 1;
        default:
          this.fail();
      }
    }
    return 0;
  }

  private minMax(end: number): void {
    const min = this.word(end);
    const max = this.word(end);
    if (min > max || max > SRE_MAXREPEAT) this.fail();
  }

  /** <INFO> <skip> <flags> <min> <max> [<prefix len> <prefix skip> prefix overlap | charset] */
  private info(end: number): void {
    const code = this.code;
    const skip = this.skip(end);
    const next = this.pos + skip - 1;
    const flags = this.word(end);
    this.word(end);
    this.word(end);
    if ((flags & ~(InfoFlag.PREFIX | InfoFlag.LITERAL | InfoFlag.CHARSET)) !== 0) this.fail();
    if (flags & InfoFlag.PREFIX && flags & InfoFlag.CHARSET) this.fail();
    if (flags & InfoFlag.LITERAL && !(flags & InfoFlag.PREFIX)) this.fail();
    if (flags & InfoFlag.PREFIX) {
      const len = this.word(end);
      this.word(end);
      if (len > next - this.pos) this.fail();
      this.pos += len;
      if (len > next - this.pos) this.fail();
      for (let i = 0; i < len; i++) if (code[this.pos + i] >= len) this.fail();
      this.pos += len;
    }
    if (flags & InfoFlag.CHARSET) {
      this.charset(this.pos, next - 1);
      if (code[next - 1] !== Op.FAILURE) this.fail();
      this.pos = next;
    } else if (this.pos !== next) {
      this.fail();
    }
  }

  /** <BRANCH> (<skip> arm <JUMP> <skip>)* <0>: every arm ends with a JUMP to the same place, right after the 0. */
  private branch(end: number): void {
    let target = -1;
    for (;;) {
      const skip = this.skip(end);
      if (skip === 0) break;
      const armEnd = this.pos + skip - 3;
      this.block(this.pos, armEnd);
      this.pos = armEnd;
      if (this.word(end) !== Op.JUMP) this.fail();
      const jump = this.skip(end);
      const t = this.pos + jump - 1;
      if (target < 0) target = t;
      else if (t !== target) this.fail();
    }
    if (this.pos !== target) this.fail();
  }

  /** <GROUPREF_EXISTS> <group> <skip> yes [<JUMP> <skip> no]: the skip counts from the group operand. */
  private conditional(end: number): void {
    if (this.word(end) >= this.groups) this.fail();
    const skip = this.skip(end, 1);
    const groupAt = this.pos - 2;
    const yesEnd = groupAt + skip;
    let rc = this.block(groupAt + 2, yesEnd);
    let after = yesEnd;
    if (rc === 1) {
      // The yes-arm ended with JUMP: its operand is the no-arm's skip.
      this.pos = yesEnd - 1;
      const noSkip = this.skip(end);
      const noEnd = this.pos + noSkip - 1;
      rc = this.block(this.pos, noEnd);
      after = noEnd;
    }
    if (rc !== 0) this.fail();
    this.pos = after;
  }
}
