// Node single-executable-application blobs: generating one with a Node of the stub's version, and finding its assets
// again inside a finished executable (for `inspect` and the tamper tests).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PypackError } from "./errors";

/** The fuse Node checks to know a blob was injected (postject flips its trailing 0 to 1). */
export const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";
export const SEA_RESOURCE = "NODE_SEA_BLOB";
export const MACHO_SEGMENT = "NODE_SEA";

/** Asset keys pypack stores in the blob. */
export const ASSET_HEADER = "pypack/header.json";
export const ASSET_ARCHIVE = "pypack/archive.zip";

export interface BlobInput {
  /** Node binary that writes the blob; must be the stub's version and runnable here. */
  node: string;
  /** Directory where the config and inputs are written; the config uses relative names so the blob is reproducible. */
  workDir: string;
  mainScript: Uint8Array;
  assets: Record<string, Uint8Array>;
}

/** Runs `node --experimental-sea-config` (no code cache, no snapshot: one blob then serves every target). */
export function makeSeaBlob(input: BlobInput): Buffer {
  mkdirSync(input.workDir, { recursive: true });
  writeFileSync(join(input.workDir, "pypack-main.js"), input.mainScript);
  const assets: Record<string, string> = {};
  Object.keys(input.assets)
    .sort()
    .forEach((key, i) => {
      const file = `asset-${i}.bin`;
      writeFileSync(join(input.workDir, file), input.assets[key]);
      assets[key] = file;
    });
  const config = {
    main: "pypack-main.js",
    output: "sea-prep.blob",
    disableExperimentalSEAWarning: true,
    useSnapshot: false,
    useCodeCache: false,
    assets,
  };
  writeFileSync(join(input.workDir, "sea-config.json"), JSON.stringify(config, null, 2));
  const r = spawnSync(input.node, ["--experimental-sea-config", "sea-config.json"], { cwd: input.workDir, encoding: "utf8", timeout: 120_000 });
  if (r.error || r.status !== 0) {
    const why = r.error?.message ?? (r.stderr.trim().split("\n").pop() || `exit ${r.status}`);
    throw new PypackError(`cannot make the SEA blob with ${input.node}: ${why}`);
  }
  return readFileSync(join(input.workDir, "sea-prep.blob"));
}

/**
 * Finds an asset's bytes in an executable by its key. Node (since 21.7) stores assets as
 * `[u64 key length][key][u64 value length][value]`; our keys are distinctive enough to search for directly,
 * which works the same for ELF notes, PE resources and Mach-O sections.
 */
export function findSeaAsset(exe: Buffer, key: string): Buffer | null {
  const keyBytes = Buffer.from(key, "utf8");
  const needle = Buffer.alloc(8 + keyBytes.length);
  needle.writeBigUInt64LE(BigInt(keyBytes.length), 0);
  keyBytes.copy(needle, 8);
  let at = exe.indexOf(needle);
  while (at !== -1) {
    const lenAt = at + needle.length;
    if (lenAt + 8 <= exe.length) {
      const len = Number(exe.readBigUInt64LE(lenAt));
      if (lenAt + 8 + len <= exe.length) return exe.subarray(lenAt + 8, lenAt + 8 + len);
    }
    at = exe.indexOf(needle, at + 1);
  }
  return null;
}
