// The five executable targets pypack can build for, how to name their executables, and which one the host is.
import { UsageError } from "./errors";

export const TARGETS = ["linux-x64", "linux-arm64", "darwin-x64", "darwin-arm64", "win-x64"] as const;
export type Target = (typeof TARGETS)[number];

export function isTarget(name: string): name is Target {
  return (TARGETS as readonly string[]).includes(name);
}

/** The target matching the machine pypack runs on, or null when Node's platform/arch is not one of ours. */
export function hostTarget(): Target | null {
  const os = process.platform === "win32" ? "win" : process.platform;
  const name = `${os}-${process.arch}`;
  return isTarget(name) ? name : null;
}

/** Parses `--target` values: comma-separated names, `host` and `all`; duplicates collapse, order follows TARGETS. */
export function parseTargets(values: readonly string[]): Target[] {
  const wanted = new Set<Target>();
  for (const value of values) {
    for (const raw of value.split(",")) {
      const name = raw.trim();
      if (name === "") continue;
      if (name === "all") {
        for (const t of TARGETS) wanted.add(t);
      } else if (name === "host") {
        const host = hostTarget();
        if (!host) throw new UsageError(`--target host: this machine (${process.platform}-${process.arch}) is not a supported target`);
        wanted.add(host);
      } else if (isTarget(name)) {
        wanted.add(name);
      } else {
        throw new UsageError(`unknown target '${name}' (choose from host, ${TARGETS.join(", ")}, all)`);
      }
    }
  }
  if (wanted.size === 0) throw new UsageError("--target: no target given");
  return TARGETS.filter((t) => wanted.has(t));
}

export function isWindows(target: Target): boolean {
  return target === "win-x64";
}

export function isDarwin(target: Target): boolean {
  return target === "darwin-x64" || target === "darwin-arm64";
}

/** `NAME` or `NAME.exe`. */
export function executableName(name: string, target: Target): string {
  return isWindows(target) ? `${name}.exe` : name;
}
