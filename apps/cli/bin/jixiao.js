#!/usr/bin/env node
// The `jixiao` command. `npm run build` compiles the CLI and the server into apps/cli/dist/ (scripts/build-cli.ts,
// decision 025), which runs without compiling anything; without a build (or with JIXIAO_FROM_SOURCES=1, while
// changing the code) the TypeScript sources run through tsx.
import { existsSync } from 'node:fs';

const built = new URL('../dist/main.js', import.meta.url);
if (process.env.JIXIAO_FROM_SOURCES !== '1' && existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}
