// A minimal reader for (ustar/pax/GNU) tar streams: finds one regular file by path, which is all stub extraction needs.

const BLOCK = 512;

/** Header type flags we act on (POSIX ustar + the pax and GNU long-name extensions). */
const enum TarType {
  File = 0x30, // '0'
  OldFile = 0, // '\0'
  PaxLocal = 0x78, // 'x'
  GnuLongName = 0x4c, // 'L'
}

function field(block: Uint8Array, start: number, length: number): string {
  const bytes = block.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return Buffer.from(end === -1 ? bytes : bytes.subarray(0, end)).toString("utf8");
}

function octal(block: Uint8Array, start: number, length: number): number {
  const text = field(block, start, length).trim();
  return text === "" ? 0 : parseInt(text, 8);
}

/** pax records are "LEN key=value\n"; only `path` matters here. */
function paxPath(data: Uint8Array): string | null {
  const text = Buffer.from(data).toString("utf8");
  for (const line of text.split("\n")) {
    const m = /^\d+ path=(.*)$/.exec(line);
    if (m) return m[1];
  }
  return null;
}

/** Returns the contents of the regular file at `wanted` (e.g. "package/bin/node"), or null if the archive has none. */
export function extractTarFile(tar: Uint8Array, wanted: string): Uint8Array | null {
  let offset = 0;
  let longName: string | null = null;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) return null; // end-of-archive marker
    const size = octal(header, 124, 12);
    const type = header[156];
    const dataStart = offset + BLOCK;
    const data = tar.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === TarType.PaxLocal) {
      longName = paxPath(data);
      continue;
    }
    if (type === TarType.GnuLongName) {
      longName = field(data, 0, data.length);
      continue;
    }
    const prefix = field(header, 345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    longName = null;
    if ((type === TarType.File || type === TarType.OldFile) && name === wanted) return data;
  }
  return null;
}
