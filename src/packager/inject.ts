// Turns a Node stub plus a SEA blob into a finished executable for one target: copy, platform fix-ups (Mach-O signature,
// PE resources and subsystem), postject injection, fresh ad-hoc signature for darwin.
import { spawn } from "node:child_process";
import { chmodSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { PypackError, oneLine } from "./errors";
import { adhocSign, removeSignature } from "./macho";
import { MACHO_SEGMENT, SEA_FUSE, SEA_RESOURCE } from "./sea";
import { isDarwin, isWindows, type Target } from "./targets";
import { applyWindowsResources, type WindowsResources } from "./pe";

export interface InjectInput {
  target: Target;
  stubPath: string;
  blob: Buffer;
  /** Path to write; the caller renames it into dist/ once every target is done. */
  outPath: string;
  /** Code-signing identifier for darwin (the executable's name). */
  identifier: string;
  windows?: WindowsResources;
}

/**
 * postject (a wasm build of LIEF) is CPU-bound and takes seconds per 100 MB stub; it runs in a child Node so several
 * targets can be injected in parallel. The child gets the file, the blob's path and the options on its command line.
 */
const CHILD_SCRIPT = `
const [postjectPath, file, blobPath, segment] = process.argv.slice(1);
const fs = require("node:fs");
console.warn = () => {}; // LIEF's harmless section-name warnings
require(postjectPath).inject(file, "${SEA_RESOURCE}", fs.readFileSync(blobPath), {
  sentinelFuse: "${SEA_FUSE}",
  machoSegmentName: segment || undefined,
}).then(() => process.exit(0), (err) => { process.stderr.write(String(err && err.message || err)); process.exit(1); });
`;

function runPostject(file: string, blob: Buffer, machoSegment: string | undefined): Promise<void> {
  const blobPath = `${file}.blob`;
  writeFileSync(blobPath, blob);
  const postjectPath = require.resolve("postject");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", CHILD_SCRIPT, postjectPath, file, blobPath, machoSegment ?? ""], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      rmSync(blobPath, { force: true });
      if (code === 0) resolve();
      else reject(new Error(stderr.trim() || `postject exited with ${code}`));
    });
  });
}

/** Times of the steps, for `--log-level DEBUG` and the build benchmark. */
export interface InjectTimings {
  prepareMs: number;
  postjectMs: number;
  finishMs: number;
}

export async function injectExecutable(input: InjectInput): Promise<InjectTimings> {
  const t0 = performance.now();
  let stub: Buffer = readFileSync(input.stubPath);
  if (isDarwin(input.target)) stub = removeSignature(stub);
  if (isWindows(input.target) && input.windows) stub = applyWindowsResources(stub, input.windows);
  writeFileSync(input.outPath, stub);
  const t1 = performance.now();
  try {
    await runPostject(input.outPath, input.blob, isDarwin(input.target) ? MACHO_SEGMENT : undefined);
  } catch (err) {
    throw new PypackError(`injecting the SEA blob into the ${input.target} executable failed: ${oneLine(err)}`);
  }
  const t2 = performance.now();
  if (isDarwin(input.target)) writeFileSync(input.outPath, adhocSign(readFileSync(input.outPath), input.identifier));
  chmodSync(input.outPath, 0o755);
  return { prepareMs: t1 - t0, postjectMs: t2 - t1, finishMs: performance.now() - t2 };
}
