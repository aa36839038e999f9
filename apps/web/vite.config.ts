import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The web app: built into apps/web/dist, which `jixiao serve` serves; `npm run dev:web` proxies /api to it. */
export default defineConfig({
  root,
  // Every text file also as .br and .gz, served by `jixiao serve` with Content-Encoding (http/static.ts).
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd's Table is most of the page chunks; the initial bundle stays small through lazy routes.
    chunkSizeWarningLimit: 700,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
