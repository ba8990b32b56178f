// Mach-O (64-bit, thin) support for darwin targets: read load commands, drop Node's code signature before injection,
// and write a fresh ad-hoc signature afterwards (SuperBlob + CodeDirectory with SHA-256 page hashes), as `codesign -s -` does.
//
// Layout reminders (all from <mach-o/loader.h> and Apple's codesign format, big-endian inside the signature):
//   mach_header_64 (32 bytes) | load commands (sizeofcmds) | padding | __TEXT sections ... | __LINKEDIT (last segment)
//   LC_CODE_SIGNATURE {cmd, cmdsize=16, dataoff, datasize} points at a SuperBlob at the end of __LINKEDIT.
//   SuperBlob {magic 0xfade0cc0, length, count, index[count]{type, offset}} then the blobs.
//   CodeDirectory (version 0x20400) hashes every page of the file below `codeLimit` (= dataoff); special slots hash the
//   other blobs (slot -2: requirements) and sit just before the code slots.
import { createHash } from "node:crypto";
import { PypackError } from "./errors";

export const MH_MAGIC_64 = 0xfeedfacf;
const MH_EXECUTE = 2;
const HEADER_SIZE = 32;

export const enum LoadCommand {
  Segment64 = 0x19,
  CodeSignature = 0x1d,
}

const enum CsMagic {
  SuperBlob = 0xfade0cc0,
  CodeDirectory = 0xfade0c02,
  Requirements = 0xfade0c01,
  BlobWrapper = 0xfade0b01,
}

const enum CsSlot {
  CodeDirectory = 0,
  Requirements = 2,
  Signature = 0x10000,
}

const CS_ADHOC = 0x2;
const CS_EXECSEG_MAIN_BINARY = 0x1;
const CS_HASHTYPE_SHA256 = 2;
const CD_VERSION = 0x20400;
const CD_HEADER_SIZE = 88;
const SHA256_SIZE = 32;
/** Apple signs in 4 KiB code pages on both x86_64 and arm64 (`codesign` and ld64 do). */
export const CODE_PAGE_SIZE = 4096;
const N_SPECIAL_SLOTS = 2;
const CPU_TYPE_ARM64 = 0x0100000c;

export interface Section {
  sectname: string;
  segname: string;
  addr: bigint;
  size: bigint;
  offset: number;
}

export interface Segment {
  /** Offset of the load command in the file. */
  cmdOffset: number;
  segname: string;
  vmaddr: bigint;
  vmsize: bigint;
  fileoff: number;
  filesize: number;
  sections: Section[];
}

export interface MachO {
  cputype: number;
  filetype: number;
  ncmds: number;
  sizeofcmds: number;
  segments: Segment[];
  /** LC_CODE_SIGNATURE: where the command is and where its data lies. */
  codeSignature: { cmdOffset: number; dataoff: number; datasize: number } | null;
}

function cstr(buf: Buffer, start: number, length: number): string {
  const raw = buf.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString("latin1");
}

/** Parses the header and the load commands we need; throws on anything that is not a thin 64-bit little-endian Mach-O. */
export function parseMachO(buf: Buffer): MachO {
  if (buf.length < HEADER_SIZE || buf.readUInt32LE(0) !== MH_MAGIC_64) throw new PypackError("not a 64-bit Mach-O file");
  const m: MachO = {
    cputype: buf.readUInt32LE(4),
    filetype: buf.readUInt32LE(12),
    ncmds: buf.readUInt32LE(16),
    sizeofcmds: buf.readUInt32LE(20),
    segments: [],
    codeSignature: null,
  };
  let off = HEADER_SIZE;
  for (let i = 0; i < m.ncmds; i++) {
    const cmd = buf.readUInt32LE(off);
    const cmdsize = buf.readUInt32LE(off + 4);
    if (cmdsize < 8 || off + cmdsize > HEADER_SIZE + m.sizeofcmds) throw new PypackError("Mach-O load command overruns the header");
    if (cmd === LoadCommand.Segment64) m.segments.push(readSegment(buf, off));
    if (cmd === LoadCommand.CodeSignature) {
      m.codeSignature = { cmdOffset: off, dataoff: buf.readUInt32LE(off + 8), datasize: buf.readUInt32LE(off + 12) };
    }
    off += cmdsize;
  }
  return m;
}

function readSegment(buf: Buffer, off: number): Segment {
  const nsects = buf.readUInt32LE(off + 64);
  const sections: Section[] = [];
  for (let s = 0; s < nsects; s++) {
    const so = off + 72 + s * 80;
    sections.push({
      sectname: cstr(buf, so, 16),
      segname: cstr(buf, so + 16, 16),
      addr: buf.readBigUInt64LE(so + 32),
      size: buf.readBigUInt64LE(so + 40),
      offset: buf.readUInt32LE(so + 48),
    });
  }
  return {
    cmdOffset: off,
    segname: cstr(buf, off + 8, 16),
    vmaddr: buf.readBigUInt64LE(off + 24),
    vmsize: buf.readBigUInt64LE(off + 32),
    fileoff: Number(buf.readBigUInt64LE(off + 40)),
    filesize: Number(buf.readBigUInt64LE(off + 48)),
    sections,
  };
}

function alignUp(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}

/** VM page size for segment sizes: 16 KiB on arm64, 4 KiB on x86_64. */
function vmPageSize(m: MachO): number {
  return m.cputype === CPU_TYPE_ARM64 ? 0x4000 : 0x1000;
}

function linkedit(m: MachO): Segment {
  const seg = m.segments.find((s) => s.segname === "__LINKEDIT");
  if (!seg) throw new PypackError("Mach-O file has no __LINKEDIT segment");
  return seg;
}

function setLinkeditSize(buf: Buffer, m: MachO, seg: Segment, filesize: number): void {
  buf.writeBigUInt64LE(BigInt(filesize), seg.cmdOffset + 48);
  buf.writeBigUInt64LE(BigInt(alignUp(filesize, vmPageSize(m))), seg.cmdOffset + 32);
}

/** Removes LC_CODE_SIGNATURE and the signature data (like `codesign --remove-signature`); unsigned input is returned as is. */
export function removeSignature(input: Buffer): Buffer {
  const m = parseMachO(input);
  const sig = m.codeSignature;
  if (!sig) return input;
  const seg = linkedit(m);
  if (sig.dataoff + sig.datasize > seg.fileoff + seg.filesize || sig.dataoff < seg.fileoff) {
    throw new PypackError("Mach-O code signature lies outside __LINKEDIT");
  }
  const out = Buffer.from(input.subarray(0, sig.dataoff));
  // Close the gap the command leaves, keeping the remaining commands contiguous.
  const cmdsEnd = HEADER_SIZE + m.sizeofcmds;
  out.copy(out, sig.cmdOffset, sig.cmdOffset + 16, cmdsEnd);
  out.fill(0, cmdsEnd - 16, cmdsEnd);
  out.writeUInt32LE(m.ncmds - 1, 16);
  out.writeUInt32LE(m.sizeofcmds - 16, 20);
  const moved = parseMachO(out);
  setLinkeditSize(out, moved, linkedit(moved), sig.dataoff - seg.fileoff);
  return out;
}

/** First file offset used by section contents: load commands must end before it. */
function firstSectionOffset(m: MachO): number {
  let min = Number.MAX_SAFE_INTEGER;
  for (const seg of m.segments) for (const s of seg.sections) if (s.offset > 0 && s.offset < min) min = s.offset;
  return min;
}

function buildCodeDirectory(identifier: string, m: MachO, file: Buffer, codeLimit: number, requirements: Buffer): Buffer {
  const ident = Buffer.from(identifier + "\0", "utf8");
  const nCodeSlots = Math.ceil(codeLimit / CODE_PAGE_SIZE);
  const hashOffset = CD_HEADER_SIZE + ident.length + N_SPECIAL_SLOTS * SHA256_SIZE;
  const length = hashOffset + nCodeSlots * SHA256_SIZE;
  const cd = Buffer.alloc(length);
  const text = m.segments.find((s) => s.segname === "__TEXT");
  cd.writeUInt32BE(CsMagic.CodeDirectory, 0);
  cd.writeUInt32BE(length, 4);
  cd.writeUInt32BE(CD_VERSION, 8);
  cd.writeUInt32BE(CS_ADHOC, 12);
  cd.writeUInt32BE(hashOffset, 16);
  cd.writeUInt32BE(CD_HEADER_SIZE, 20); // identOffset
  cd.writeUInt32BE(N_SPECIAL_SLOTS, 24);
  cd.writeUInt32BE(nCodeSlots, 28);
  cd.writeUInt32BE(codeLimit, 32);
  cd.writeUInt8(SHA256_SIZE, 36);
  cd.writeUInt8(CS_HASHTYPE_SHA256, 37);
  cd.writeUInt8(0, 38); // platform
  cd.writeUInt8(Math.log2(CODE_PAGE_SIZE), 39);
  // 40 spare2, 44 scatterOffset, 48 teamOffset, 52 spare3, 56 codeLimit64: all zero.
  cd.writeBigUInt64BE(BigInt(text?.fileoff ?? 0), 64); // execSegBase
  cd.writeBigUInt64BE(BigInt(text?.filesize ?? 0), 72); // execSegLimit
  cd.writeBigUInt64BE(BigInt(m.filetype === MH_EXECUTE ? CS_EXECSEG_MAIN_BINARY : 0), 80);
  ident.copy(cd, CD_HEADER_SIZE);
  // Special slot -2 = requirements; slot -1 (Info.plist) stays zero.
  sha256(requirements).copy(cd, hashOffset - 2 * SHA256_SIZE);
  for (let i = 0; i < nCodeSlots; i++) {
    const page = file.subarray(i * CODE_PAGE_SIZE, Math.min(codeLimit, (i + 1) * CODE_PAGE_SIZE));
    sha256(page).copy(cd, hashOffset + i * SHA256_SIZE);
  }
  return cd;
}

function sha256(data: Uint8Array): Buffer {
  return createHash("sha256").update(data).digest();
}

function emptyRequirements(): Buffer {
  const b = Buffer.alloc(12);
  b.writeUInt32BE(CsMagic.Requirements, 0);
  b.writeUInt32BE(12, 4);
  b.writeUInt32BE(0, 8);
  return b;
}

function emptyCmsWrapper(): Buffer {
  const b = Buffer.alloc(8);
  b.writeUInt32BE(CsMagic.BlobWrapper, 0);
  b.writeUInt32BE(8, 4);
  return b;
}

function superBlob(blobs: Array<[number, Buffer]>): Buffer {
  const headerSize = 12 + blobs.length * 8;
  const total = headerSize + blobs.reduce((n, [, b]) => n + b.length, 0);
  const out = Buffer.alloc(total);
  out.writeUInt32BE(CsMagic.SuperBlob, 0);
  out.writeUInt32BE(total, 4);
  out.writeUInt32BE(blobs.length, 8);
  let off = headerSize;
  blobs.forEach(([type, blob], i) => {
    out.writeUInt32BE(type, 12 + i * 8);
    out.writeUInt32BE(off, 16 + i * 8);
    blob.copy(out, off);
    off += blob.length;
  });
  return out;
}

/** Signature size for a file whose code ends at `codeLimit` (needed before hashing, since the header records it). */
function signatureSize(identifier: string, codeLimit: number): number {
  const ident = Buffer.byteLength(identifier, "utf8") + 1;
  const cd = CD_HEADER_SIZE + ident + (N_SPECIAL_SLOTS + Math.ceil(codeLimit / CODE_PAGE_SIZE)) * SHA256_SIZE;
  return 12 + 3 * 8 + cd + 12 + 8;
}

/** Adds an ad-hoc signature to an unsigned Mach-O executable whose __LINKEDIT segment ends the file. */
export function adhocSign(input: Buffer, identifier: string): Buffer {
  const m = parseMachO(input);
  if (m.codeSignature) throw new PypackError("Mach-O file is already signed; remove the signature first");
  const seg = linkedit(m);
  if (seg.fileoff + seg.filesize !== input.length) throw new PypackError("__LINKEDIT does not end the Mach-O file; cannot place a signature");
  const cmdsEnd = HEADER_SIZE + m.sizeofcmds;
  if (cmdsEnd + 16 > firstSectionOffset(m)) throw new PypackError("no room in the Mach-O header for LC_CODE_SIGNATURE");
  const dataoff = alignUp(input.length, 16);
  const datasize = signatureSize(identifier, dataoff);
  const file = Buffer.alloc(dataoff);
  input.copy(file);
  file.writeUInt32LE(LoadCommand.CodeSignature, cmdsEnd);
  file.writeUInt32LE(16, cmdsEnd + 4);
  file.writeUInt32LE(dataoff, cmdsEnd + 8);
  file.writeUInt32LE(datasize, cmdsEnd + 12);
  file.writeUInt32LE(m.ncmds + 1, 16);
  file.writeUInt32LE(m.sizeofcmds + 16, 20);
  setLinkeditSize(file, m, seg, dataoff + datasize - seg.fileoff);
  const requirements = emptyRequirements();
  const cd = buildCodeDirectory(identifier, parseMachO(file), file, dataoff, requirements);
  const sig = superBlob([
    [CsSlot.CodeDirectory, cd],
    [CsSlot.Requirements, requirements],
    [CsSlot.Signature, emptyCmsWrapper()],
  ]);
  if (sig.length !== datasize) throw new Error(`internal: signature size ${sig.length} != planned ${datasize}`);
  return Buffer.concat([file, sig]);
}

export interface SignatureCheck {
  identifier: string;
  pages: number;
  pageSize: number;
  codeLimit: number;
  flags: number;
  /** Indices of code pages whose stored hash differs from the file's contents. */
  badPages: number[];
  requirementsHashOk: boolean;
}

/** Reads the signature back and recomputes every hash, as the kernel does page by page on macOS. */
export function checkSignature(buf: Buffer): SignatureCheck {
  const m = parseMachO(buf);
  const sig = m.codeSignature;
  if (!sig) throw new PypackError("Mach-O file has no code signature");
  const sb = buf.subarray(sig.dataoff, sig.dataoff + sig.datasize);
  if (sb.readUInt32BE(0) !== CsMagic.SuperBlob) throw new PypackError("code signature is not a SuperBlob");
  const count = sb.readUInt32BE(8);
  let cdOff = -1;
  let reqOff = -1;
  for (let i = 0; i < count; i++) {
    const type = sb.readUInt32BE(12 + i * 8);
    if (type === CsSlot.CodeDirectory) cdOff = sb.readUInt32BE(16 + i * 8);
    if (type === CsSlot.Requirements) reqOff = sb.readUInt32BE(16 + i * 8);
  }
  if (cdOff < 0) throw new PypackError("code signature has no CodeDirectory");
  const cd = sb.subarray(cdOff, cdOff + sb.readUInt32BE(cdOff + 4));
  if (cd.readUInt32BE(0) !== CsMagic.CodeDirectory) throw new PypackError("bad CodeDirectory magic");
  const hashOffset = cd.readUInt32BE(16);
  const identOffset = cd.readUInt32BE(20);
  const nSpecial = cd.readUInt32BE(24);
  const nCode = cd.readUInt32BE(28);
  const codeLimit = cd.readUInt32BE(32);
  const hashSize = cd.readUInt8(36);
  const pageSize = 1 << cd.readUInt8(39);
  const badPages: number[] = [];
  for (let i = 0; i < nCode; i++) {
    const page = buf.subarray(i * pageSize, Math.min(codeLimit, (i + 1) * pageSize));
    if (!sha256(page).equals(cd.subarray(hashOffset + i * hashSize, hashOffset + (i + 1) * hashSize))) badPages.push(i);
  }
  let requirementsHashOk = reqOff < 0;
  if (reqOff >= 0 && nSpecial >= 2) {
    const req = sb.subarray(reqOff, reqOff + sb.readUInt32BE(reqOff + 4));
    requirementsHashOk = sha256(req).equals(cd.subarray(hashOffset - 2 * hashSize, hashOffset - hashSize));
  }
  return {
    identifier: cstr(cd, identOffset, cd.length - identOffset),
    pages: nCode,
    pageSize,
    codeLimit,
    flags: cd.readUInt32BE(12),
    badPages,
    requirementsHashOk,
  };
}

/** Finds the bytes postject put in `segname`/`sectname` (the SEA blob lives in NODE_SEA/__NODE_SEA_BLOB). */
export function findSection(buf: Buffer, segname: string, sectname: string): Buffer | null {
  const m = parseMachO(buf);
  for (const seg of m.segments) {
    if (seg.segname !== segname) continue;
    for (const s of seg.sections) if (s.sectname === sectname) return buf.subarray(s.offset, s.offset + Number(s.size));
  }
  return null;
}
