// Worker bootstrap for read-in-worker.ts. The sources are TypeScript run through tsx (as apps/cli/bin/jixiao.js does),
// and a worker does not inherit a loader registered through the API, so it registers tsx itself; the worker is started
// with no exec arguments, so the parent's `--import tsx` (the server) is not loaded twice.
import { register } from 'tsx/esm/api';

register();
await import('./read-worker.ts');
