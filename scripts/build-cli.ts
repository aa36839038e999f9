/**
 * The compiled CLI and server (issue 12 item 3, decision 025): apps/cli/src/main.ts and the document-reading worker
 * bundled by esbuild into apps/cli/dist/, one ES module per command (the commands table's dynamic imports become
 * chunks, so `jixiao --help` loads no command). The workspace packages (@jixiao/*, TypeScript sources) are bundled;
 * every other package stays an import of node_modules, so PGlite's WebAssembly, pdfjs's worker and the native
 * modules load from where npm put them. bin/jixiao.js runs this build when it exists, the sources through tsx when not.
 *
 * All files land in one folder, three levels below the root as apps/server/src/ is, so the paths the sources find
 * from `import.meta.url` (the root package.json, fixtures/seeds, the migrations) resolve the same from the build.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const CLI_DIST = fileURLToPath(new URL('../apps/cli/dist/', import.meta.url));

/** Bare imports other than the workspace's own packages are left to Node (resolved from node_modules at run time). */
const nodeModulesExternal: Plugin = {
  name: 'node-modules-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@jixiao/') ? undefined : { path: args.path, external: true }));
  },
};

export async function buildCli(): Promise<void> {
  rmSync(CLI_DIST, { recursive: true, force: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: { main: 'apps/cli/src/main.ts', 'read-worker': 'packages/formats/src/read-worker.ts' },
    outdir: CLI_DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunk-[name]-[hash]',
    sourcemap: 'linked',
    plugins: [nodeModulesExternal],
    logLevel: 'warning',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  await buildCli();
  console.log(`jixiao CLI built into apps/cli/dist/ in ${Date.now() - started} ms`);
}
