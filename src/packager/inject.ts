// Turns a Node stub plus a SEA blob into a finished executable for one target: copy, platform fix-ups (Mach-O signature,
// PE resources and subsystem), postject injection, fresh ad-hoc signature for darwin.
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
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

type PostjectInject = (file: string, name: string, data: Buffer, opts: { sentinelFuse: string; machoSegmentName?: string; overwrite?: boolean }) => Promise<void>;

function loadPostject(): PostjectInject {
  // postject is kept out of the CLI bundle (it carries a large wasm build of LIEF); require it only when injecting.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require("postject") as { inject: PostjectInject }).inject;
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
  // LIEF (inside postject) reports harmless section-name warnings through console.warn; keep them off the user's console.
  const warn = console.warn;
  console.warn = () => {};
  try {
    await loadPostject()(input.outPath, SEA_RESOURCE, input.blob, {
      sentinelFuse: SEA_FUSE,
      machoSegmentName: isDarwin(input.target) ? MACHO_SEGMENT : undefined,
    });
  } catch (err) {
    throw new PypackError(`injecting the SEA blob into the ${input.target} executable failed: ${oneLine(err)}`);
  } finally {
    console.warn = warn;
  }
  const t2 = performance.now();
  if (isDarwin(input.target)) writeFileSync(input.outPath, adhocSign(readFileSync(input.outPath), input.identifier));
  chmodSync(input.outPath, 0o755);
  return { prepareMs: t1 - t0, postjectMs: t2 - t1, finishMs: performance.now() - t2 };
}
