/**
 * The built web app (apps/web/dist): hashed assets cached for a year, everything else that is not /api answered
 * with index.html so the browser's router handles deep links (SPA fallback). The build writes a brotli and a gzip
 * copy of every text file (apps/web/build/precompress.ts); the one the browser accepts is sent with
 * `Content-Encoding` and `Vary: Accept-Encoding`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { App } from '../routes/common';

/** apps/web/dist, from src/http/ or from the compiled CLI in apps/cli/dist/ (scripts/build-cli.ts). */
const WEB_DIRS = [new URL('../../../web/dist', import.meta.url), new URL('../../web/dist', import.meta.url)].map((u) => fileURLToPath(u));
export const DEFAULT_WEB_DIR = WEB_DIRS.find((dir) => existsSync(join(dir, 'index.html'))) ?? WEB_DIRS[0]!;

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>jixiao</title>
<body style="font-family:sans-serif;padding:2em"><h1>网页尚未构建</h1><p>请先运行 <code>npm run build</code>，或直接用 <code>npm start</code>（会先构建再启动）。</p>
<p>API 可用：<a href="/api/health">/api/health</a>、<a href="/api/openapi.json">/api/openapi.json</a></p></body></html>`;

export function mountWebApp(app: App, webDir: string): void {
  const indexFile = join(webDir, 'index.html');
  // File names under assets/ carry a content hash, so they never change: cache them for a year.
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status === 200) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('/assets/*', serveStatic({ root: webDir, precompressed: true }));
  // Browsers ask for /favicon.ico whatever the page says; answer with the SVG icon instead of a 404.
  app.get('/favicon.ico', serveStatic({ root: webDir, rewriteRequestPath: () => '/favicon.svg' }));
  app.use('/*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return next();
    return serveStatic({ root: webDir, precompressed: true })(c, next);
  });
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') return c.notFound();
    c.header('Cache-Control', 'no-cache');
    return c.html(existsSync(indexFile) ? readFileSync(indexFile, 'utf8') : NOT_BUILT);
  });
}
