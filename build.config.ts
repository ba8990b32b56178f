// Bundles pypack's own TypeScript into out/: the CLI (the `pypack` bin) and the runtime (the SEA main script).
import { build, type BuildOptions } from "esbuild";
import { chmodSync } from "node:fs";

const common: BuildOptions = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: "linked",
  logLevel: "warning",
  legalComments: "none",
};

async function main(): Promise<void> {
  await Promise.all([
    build({
      ...common,
      entryPoints: ["src/cli/main.ts"],
      outfile: "out/cli.js",
      banner: { js: "#!/usr/bin/env node" },
      // postject and archiver are plain runtime dependencies of the CLI; keep them as requires.
      external: ["postject", "archiver", "pyodide"],
    }),
    build({
      ...common,
      entryPoints: ["src/runtime/bootstrap.ts"],
      outfile: "out/runtime.js",
      // The SEA main script runs inside a bare Node with no node_modules beside it: bundle everything.
      sourcemap: false,
      minifySyntax: true,
    }),
  ]);
  chmodSync("out/cli.js", 0o755);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
