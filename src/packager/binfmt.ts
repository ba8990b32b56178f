// Recognises which of our targets an executable was built for, from its ELF/PE/Mach-O header.
import type { Target } from "./targets";

const ELF_MAGIC = 0x464c457f; // "\x7fELF" little-endian
const MACHO_MAGIC_64 = 0xfeedfacf;
const enum ElfMachine {
  X86_64 = 0x3e,
  AArch64 = 0xb7,
}
const enum MachCpu {
  X86_64 = 0x01000007,
  Arm64 = 0x0100000c,
}
const PE_MACHINE_AMD64 = 0x8664;

/** The target an executable's header names, or null if it is not one pypack can use as a stub. */
export function detectTarget(head: Buffer): Target | null {
  if (head.length < 64) return null;
  if (head.readUInt32LE(0) === ELF_MAGIC) {
    const machine = head.readUInt16LE(18);
    if (machine === ElfMachine.X86_64) return "linux-x64";
    if (machine === ElfMachine.AArch64) return "linux-arm64";
    return null;
  }
  if (head.readUInt32LE(0) === MACHO_MAGIC_64) {
    const cpu = head.readUInt32LE(4);
    if (cpu === MachCpu.X86_64) return "darwin-x64";
    if (cpu === MachCpu.Arm64) return "darwin-arm64";
    return null;
  }
  if (head[0] === 0x4d && head[1] === 0x5a) {
    const peOffset = head.readUInt32LE(0x3c);
    if (peOffset + 6 > head.length) return null;
    if (head.readUInt32LE(peOffset) !== 0x00004550) return null; // "PE\0\0"
    return head.readUInt16LE(peOffset + 4) === PE_MACHINE_AMD64 ? "win-x64" : null;
  }
  return null;
}
