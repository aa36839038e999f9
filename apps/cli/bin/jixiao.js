#!/usr/bin/env node
// The `jixiao` command. The sources are TypeScript run through tsx, so `npm ci` is the only build step the CLI needs.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
