// The assembler: turns codegen's instruction stream (labels, pseudo-ops, handler tags) into a CodeObject with stack depth,
// exception table, localsplus layout, LOAD_FAST_CHECK analysis, small peephole clean-ups and the position table.
import { CodeObject, CO_FAST_CELL, CO_FAST_FREE, CO_FAST_HIDDEN, CO_FAST_LOCAL, ConstTuple, constKey, type ConstValue, type ExceptionTableEntry } from "./code";
import { encodeInstr, Op, opInfo, OpFlag } from "./opcodes";

/** (lineno, end_lineno, col_offset, end_col_offset); -1 entries mean absent. */
export type Pos = readonly [number, number, number, number];
export const NO_POS: Pos = [-1, -1, -1, -1];

/** A jump target. `snapshot` is the handler stack in effect where control reaches it from a jump (set by codegen). */
export class Label {
  snapshot: Handler[] | null = null;
  block: Block | null = null;
}

/** An active exception handler region, opened by a SETUP_* pseudo-instruction. */
export interface Handler {
  readonly label: Label;
  readonly lasti: boolean;
  readonly setup: Instr;
}

export interface Instr {
  op: number;
  arg: number;
  target: Label | null;
  pos: Pos;
  handler: Handler | null;
  /** For deref ops (LOAD_DEREF, MAKE_CELL, LOAD_CLOSURE ...): the variable, resolved to a localsplus index here. */
  deref: { name: string; free: boolean } | null;
  /** Stack depth before the instruction (computed; for SETUP_* it gives the handler's depth). */
  depth: number;
}

export type StreamItem = Instr | Label;

export interface UnitInfo {
  name: string;
  qualname: string;
  filename: string;
  firstlineno: number;
  argcount: number;
  posonlyargcount: number;
  kwonlyargcount: number;
  flags: number;
  consts: ConstValue[];
  names: string[];
  varnames: string[];
  cellvars: string[];
  freevars: string[];
  fastHidden: ReadonlySet<string>;
  /** Number of leading varnames bound on entry (arguments, including *args/**kwargs). */
  nparams: number;
}

class Block {
  readonly instrs: Instr[] = [];
  next: Block | null = null;
  startDepth = -1;
  /** Maybe-unbound locals at entry (LOAD_FAST_CHECK analysis). */
  unbound: Uint8Array | null = null;
  index = 0;
  emitted = false;
  constructor(readonly id: number) {}
}

function isTerminator(op: number): boolean {
  return (opInfo(op).flags & OpFlag.Terminates) !== 0;
}
function isSetup(op: number): boolean {
  return op === Op.SETUP_FINALLY || op === Op.SETUP_CLEANUP || op === Op.SETUP_WITH;
}

function buildBlocks(stream: readonly StreamItem[]): Block[] {
  const blocks: Block[] = [new Block(0)];
  let cur = blocks[0];
  const startNew = (): void => {
    const b = new Block(blocks.length);
    cur.next = b;
    blocks.push(b);
    cur = b;
  };
  for (const item of stream) {
    if (item instanceof Label) {
      if (cur.instrs.length > 0) startNew();
      item.block = cur;
      continue;
    }
    cur.instrs.push(item);
    // SETUP_* does not end a block (it is not a real jump); other jumps and terminators do.
    if (!isSetup(item.op) && (item.target !== null || isTerminator(item.op))) startNew();
  }
  return blocks;
}

function targetBlock(instr: Instr): Block {
  const b = instr.target?.block;
  if (!b) throw new Error(`compiler bug: jump to an unplaced label (${opInfo(instr.op).name})`);
  return b;
}

/** Stack depth analysis over the CFG; returns the maximum depth. Unreached blocks keep startDepth -1. */
function computeStackDepth(blocks: Block[], unitName: string): number {
  let maxDepth = 0;
  const work: Block[] = [];
  const reach = (b: Block, depth: number): void => {
    if (b.startDepth < 0) {
      b.startDepth = depth;
      work.push(b);
    } else if (b.startDepth !== depth) {
      throw new Error(`compiler bug: inconsistent stack depth in ${unitName} (${b.startDepth} vs ${depth})`);
    }
  };
  reach(blocks[0], 0);
  while (work.length > 0) {
    const b = work.pop() as Block;
    let depth = b.startDepth;
    let fallsThrough = true;
    for (const instr of b.instrs) {
      instr.depth = depth;
      const info = opInfo(instr.op);
      if (instr.target !== null) {
        const jd = depth + info.effect(instr.arg, true);
        if (jd > maxDepth) maxDepth = jd;
        reach(targetBlock(instr), jd);
      }
      depth += info.effect(instr.arg, false);
      if (depth < 0) throw new Error(`compiler bug: negative stack depth at ${info.name} in ${unitName}`);
      if (depth > maxDepth) maxDepth = depth;
      if (isTerminator(instr.op)) {
        fallsThrough = false;
        break;
      }
    }
    if (fallsThrough && b.next) reach(b.next, depth);
  }
  return maxDepth;
}

/** Marks LOAD_FAST of locals that may be unbound as LOAD_FAST_CHECK (CPython's add_checks_for_loads_of_uninitialized_variables). */
function addUnboundChecks(blocks: Block[], nlocals: number, nparams: number): void {
  if (nlocals === 0) return;
  const entry = new Uint8Array(nlocals);
  for (let i = nparams; i < nlocals; i++) entry[i] = 1;
  const work: Block[] = [];
  const queued = new Set<Block>();
  const merge = (b: Block, state: Uint8Array): void => {
    if (b.startDepth < 0) return;
    if (b.unbound === null) {
      b.unbound = state.slice();
      work.push(b);
      queued.add(b);
      return;
    }
    let changed = false;
    for (let i = 0; i < nlocals; i++) {
      if (state[i] && !b.unbound[i]) {
        b.unbound[i] = 1;
        changed = true;
      }
    }
    if (changed && !queued.has(b)) {
      work.push(b);
      queued.add(b);
    }
  };
  merge(blocks[0], entry);
  while (work.length > 0) {
    const b = work.pop() as Block;
    queued.delete(b);
    const state = (b.unbound as Uint8Array).slice();
    let fallsThrough = true;
    for (const instr of b.instrs) {
      if (instr.handler !== null) {
        const hb = instr.handler.label.block;
        if (hb) merge(hb, state);
      }
      const op = instr.op;
      if (op === Op.LOAD_FAST || op === Op.LOAD_FAST_CHECK) {
        if (instr.arg < nlocals && state[instr.arg]) {
          instr.op = Op.LOAD_FAST_CHECK;
          state[instr.arg] = 0;
        }
      } else if (op === Op.STORE_FAST) {
        state[instr.arg] = 0;
      } else if (op === Op.DELETE_FAST || op === Op.LOAD_FAST_AND_CLEAR || op === Op.STORE_FAST_MAYBE_NULL) {
        state[instr.arg] = 1;
      }
      if (instr.handler !== null) {
        const hb = instr.handler.label.block;
        if (hb) merge(hb, state);
      }
      if (instr.target !== null && !isSetup(op)) merge(targetBlock(instr), state);
      if (isTerminator(op)) {
        fallsThrough = false;
        break;
      }
    }
    if (fallsThrough && b.next) merge(b.next, state);
  }
}

function realJumpOp(op: number, forward: boolean): number {
  if (op === Op.JUMP) return forward ? Op.JUMP_FORWARD : Op.JUMP_BACKWARD;
  if (op === Op.JUMP_NO_INTERRUPT) return forward ? Op.JUMP_FORWARD : Op.JUMP_BACKWARD_NO_INTERRUPT;
  return op;
}

/** `LOAD_CONST a; LOAD_CONST b; BUILD_TUPLE 2` -> `LOAD_CONST (a, b)` (CPython's fold_tuple_on_constants). */
function foldConstantTuples(blocks: Block[], consts: ConstValue[]): void {
  const index = new Map<string, number>();
  consts.forEach((c, i) => {
    if (!(c instanceof CodeObject) && !index.has(constKey(c))) index.set(constKey(c), i);
  });
  for (const b of blocks) {
    const ins = b.instrs;
    for (let i = 0; i < ins.length; i++) {
      const instr = ins[i];
      if (instr.op !== Op.BUILD_TUPLE) continue;
      const n = instr.arg;
      if (n > i) continue;
      let ok = true;
      for (let k = i - n; k < i; k++) if (ins[k].op !== Op.LOAD_CONST) ok = false;
      if (!ok) continue;
      const items = ins.slice(i - n, i).map((x) => consts[x.arg]);
      const tuple = new ConstTuple(items);
      const key = constKey(tuple);
      let ci = index.get(key);
      if (ci === undefined) {
        ci = consts.length;
        consts.push(tuple);
        index.set(key, ci);
      }
      for (let k = i - n; k < i; k++) {
        ins[k].op = Op.NOP;
        ins[k].pos = [-1, -1, -1, -1];
      }
      instr.op = Op.LOAD_CONST;
      instr.arg = ci;
    }
  }
}

/** Drops constants no instruction uses and renumbers (co_consts[0], the docstring slot, always stays). */
function removeUnusedConsts(blocks: Block[], consts: ConstValue[]): ConstValue[] {
  if (consts.length === 0) return consts;
  const used = new Uint8Array(consts.length);
  used[0] = 1;
  for (const b of blocks) for (const instr of b.instrs) if (opInfo(instr.op).flags & OpFlag.HasConst) used[instr.arg] = 1;
  const remap = new Int32Array(consts.length);
  const out: ConstValue[] = [];
  for (let i = 0; i < consts.length; i++) {
    remap[i] = out.length;
    if (used[i]) out.push(consts[i]);
  }
  if (out.length === consts.length) return consts;
  for (const b of blocks) for (const instr of b.instrs) if (opInfo(instr.op).flags & OpFlag.HasConst) instr.arg = remap[instr.arg];
  return out;
}

const MAX_COPY_SIZE = 4;

/** A jump to a short block that leaves the frame (return/raise) is replaced by a copy of it (CPython's inline_small_exit_blocks). */
function inlineSmallExitBlocks(blocks: Block[]): void {
  for (const b of blocks) {
    const last = b.instrs[b.instrs.length - 1];
    if (!last || (last.op !== Op.JUMP && last.op !== Op.JUMP_NO_INTERRUPT)) continue;
    const t = targetBlock(last);
    const tl = t.instrs[t.instrs.length - 1];
    if (t.instrs.length === 0 || t.instrs.length > MAX_COPY_SIZE || !tl) continue;
    if (tl.op !== Op.RETURN_VALUE && tl.op !== Op.RETURN_CONST && tl.op !== Op.RERAISE && tl.op !== Op.RAISE_VARARGS) continue;
    b.instrs.pop();
    for (const instr of t.instrs) b.instrs.push({ ...instr, pos: instr.pos[0] < 0 ? last.pos : instr.pos });
  }
}

/** Small local clean-ups that do not change behaviour: LOAD_CONST+RETURN_VALUE, NOPs, jumps to the next block. */
function peephole(blocks: Block[], order: Block[], consts: readonly ConstValue[]): void {
  for (const b of blocks) {
    const out: Instr[] = [];
    const ins = b.instrs;
    for (let i = 0; i < ins.length; i++) {
      const instr = ins[i];
      if (instr.op === Op.LOAD_CONST && i + 1 < ins.length && ins[i + 1].op === Op.RETURN_VALUE && ins[i + 1].handler === instr.handler) {
        instr.op = Op.RETURN_CONST;
        out.push(instr);
        i++;
        continue;
      }
      // `x is None` / `x is not None` tests jump on None-ness directly.
      if (instr.op === Op.LOAD_CONST && consts[instr.arg] === null && i + 2 < ins.length && ins[i + 1].op === Op.IS_OP) {
        const jump = ins[i + 2];
        if (jump.op === Op.POP_JUMP_IF_TRUE || jump.op === Op.POP_JUMP_IF_FALSE) {
          const isNot = ins[i + 1].arg === 1;
          const onTrue = jump.op === Op.POP_JUMP_IF_TRUE;
          jump.op = onTrue !== isNot ? Op.POP_JUMP_IF_NONE : Op.POP_JUMP_IF_NOT_NONE;
          i++;
          continue;
        }
      }
      if (instr.op === Op.NOP || instr.op === Op.POP_BLOCK) {
        // Keep a NOP only when it carries a line the neighbours do not (line events, tracebacks).
        if (instr.op === Op.NOP && instr.pos[0] >= 0) {
          const prev = out.length > 0 ? out[out.length - 1] : null;
          const next = i + 1 < ins.length ? ins[i + 1] : null;
          if ((prev === null || prev.pos[0] !== instr.pos[0]) && (next === null || next.pos[0] !== instr.pos[0])) out.push(instr);
        }
        continue;
      }
      if (instr.op === Op.STORE_FAST_MAYBE_NULL) instr.op = Op.STORE_FAST;
      out.push(instr);
    }
    b.instrs.length = 0;
    b.instrs.push(...out);
  }
  // Drop unconditional jumps to the block that follows in the final order.
  for (let k = 0; k < order.length; k++) {
    const b = order[k];
    const last = b.instrs[b.instrs.length - 1];
    if (!last || (last.op !== Op.JUMP && last.op !== Op.JUMP_NO_INTERRUPT)) continue;
    const t = targetBlock(last);
    let n = k + 1;
    while (n < order.length && order[n] !== t && order[n].instrs.length === 0) n++;
    if (n < order.length && order[n] === t) b.instrs.pop();
  }
}

/** Fills missing line numbers from the previous instruction in the same block (CPython's propagate_line_numbers). */
function propagateLines(order: Block[]): void {
  let prev: Pos | null = null;
  for (const b of order) {
    for (const instr of b.instrs) {
      if (instr.pos[0] < 0 && prev !== null) instr.pos = [prev[0], prev[1], -1, -1];
      else if (instr.pos[0] >= 0) prev = instr.pos;
    }
  }
}

export function assemble(stream: readonly StreamItem[], unit: UnitInfo): CodeObject {
  const blocks = buildBlocks(stream);
  computeStackDepth(blocks, unit.qualname);
  const reachable: Block[] = blocks.filter((b) => b.startDepth >= 0);
  // Unreachable blocks are dropped from the layout: fall-through goes to the next reachable block.
  for (let k = 0; k < reachable.length; k++) reachable[k].next = k + 1 < reachable.length ? reachable[k + 1] : null;

  // localsplus layout: varnames, then cells that are not arguments/locals, then free variables.
  const names: string[] = [];
  const kinds: number[] = [];
  const cellIndex = new Map<string, number>();
  const freeIndex = new Map<string, number>();
  const cellSet = new Set(unit.cellvars);
  for (const v of unit.varnames) {
    let k = CO_FAST_LOCAL;
    if (cellSet.has(v)) {
      k |= CO_FAST_CELL;
      cellIndex.set(v, names.length);
    }
    if (unit.fastHidden.has(v)) k |= CO_FAST_HIDDEN;
    names.push(v);
    kinds.push(k);
  }
  for (const c of unit.cellvars) {
    if (cellIndex.has(c)) continue;
    cellIndex.set(c, names.length);
    names.push(c);
    kinds.push(CO_FAST_CELL);
  }
  for (const f of unit.freevars) {
    freeIndex.set(f, names.length);
    names.push(f);
    kinds.push(CO_FAST_FREE);
  }
  for (const b of reachable) {
    for (const instr of b.instrs) {
      if (instr.deref === null) continue;
      const idx = instr.deref.free ? freeIndex.get(instr.deref.name) : cellIndex.get(instr.deref.name);
      if (idx === undefined) throw new Error(`compiler bug: no ${instr.deref.free ? "free" : "cell"} slot for '${instr.deref.name}' in ${unit.qualname}`);
      instr.arg = idx;
    }
  }

  addUnboundChecks(blocks, unit.varnames.length, unit.nparams);
  foldConstantTuples(reachable, unit.consts);
  inlineSmallExitBlocks(reachable);
  propagateLines(reachable);
  peephole(reachable, reachable, unit.consts);
  const consts = removeUnusedConsts(reachable, unit.consts);
  // Recompute depths on the final instructions (LOAD_CONST+RETURN_VALUE -> RETURN_CONST lowers the maximum).
  for (const b of blocks) b.startDepth = -1;
  const finalDepth = computeStackDepth(blocks, unit.qualname);
  // Blocks only reached through jumps that were inlined or dropped are gone now.
  const live = reachable.filter((b) => b.startDepth >= 0);
  reachable.length = 0;
  reachable.push(...live);
  for (const b of reachable) {
    const kept = b.instrs.filter((instr) => !isSetup(instr.op));
    b.instrs.length = 0;
    b.instrs.push(...kept);
  }

  // Prefix: cells for escaping variables, then the closure's free variables.
  const prefix: Instr[] = [];
  const mk = (op: number, arg: number): Instr => ({ op, arg, target: null, pos: NO_POS, handler: null, deref: null, depth: 0 });
  for (let i = 0; i < names.length; i++) if (kinds[i] & CO_FAST_CELL) prefix.push(mk(Op.MAKE_CELL, i));
  if (unit.freevars.length > 0) prefix.push(mk(Op.COPY_FREE_VARS, unit.freevars.length));

  let index = prefix.length;
  for (const b of reachable) {
    b.index = index;
    index += b.instrs.length;
  }
  // Labels of unreachable blocks are never jumped to from reachable code except handlers; resolve via the next reachable block.
  const blockIndex = (b: Block): number => {
    let cur: Block | null = b;
    while (cur !== null && cur.startDepth < 0) cur = cur.next;
    return cur === null ? index : cur.index;
  };

  const total = index;
  const code = new Uint32Array(total);
  const positions = new Int32Array(total * 4);
  const handlers: (Handler | null)[] = new Array<Handler | null>(total).fill(null);
  let i = 0;
  const put = (instr: Instr): void => {
    let op = instr.op;
    let arg = instr.arg;
    if (instr.target !== null) {
      const t = blockIndex(targetBlock(instr));
      op = realJumpOp(op, t > i);
      arg = t;
    }
    code[i] = encodeInstr(op, arg);
    const p = instr.pos;
    const k = i * 4;
    positions[k] = p[0];
    positions[k + 1] = p[1];
    positions[k + 2] = p[2];
    positions[k + 3] = p[3];
    handlers[i] = instr.handler;
    i++;
  };
  for (const instr of prefix) put(instr);
  for (const b of reachable) for (const instr of b.instrs) put(instr);

  const table: ExceptionTableEntry[] = [];
  for (let k = 0; k < total; ) {
    const h = handlers[k];
    let end = k + 1;
    while (end < total && handlers[end] === h) end++;
    if (h !== null) {
      const setupDepth = h.setup.depth;
      const hb = h.label.block;
      if (!hb || hb.startDepth < 0) throw new Error(`compiler bug: unreachable exception handler in ${unit.qualname}`);
      const depth = hb.startDepth - 1 - (h.lasti ? 1 : 0);
      void setupDepth;
      table.push({ start: k, end, target: blockIndex(hb), depth, lasti: h.lasti });
    }
    k = end;
  }

  return new CodeObject({
    co_name: unit.name,
    co_qualname: unit.qualname,
    co_filename: unit.filename,
    co_firstlineno: unit.firstlineno,
    co_argcount: unit.argcount,
    co_posonlyargcount: unit.posonlyargcount,
    co_kwonlyargcount: unit.kwonlyargcount,
    co_flags: unit.flags,
    co_stacksize: finalDepth,
    co_code: code,
    co_consts: consts,
    co_names: unit.names,
    co_localsplusnames: names,
    co_localspluskinds: Uint8Array.from(kinds),
    co_positions: positions,
    co_exceptiontable: table,
  });
}
