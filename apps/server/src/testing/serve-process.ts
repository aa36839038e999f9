/**
 * A real `jixiao serve` process for tests (the journeys, the several-servers test): node itself runs the CLI (no
 * npx/npm wrapper), so stopping it by PID stops the server. It is the compiled CLI once `npm run build` has run
 * (`npm test` builds first), the sources through tsx otherwise; its output is kept for the error a failed start shows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ServeProcess {
  baseUrl: string;
  process: ChildProcess;
  log(): string;
  /** SIGTERM, then SIGKILL after 15 s. */
  stop(): Promise<void>;
}

async function waitForHealth(server: ChildProcess, log: () => string, url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`jixiao serve exited with ${server.exitCode}:\n${log()}`);
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`jixiao serve did not answer /api/health within ${timeoutMs} ms:\n${log()}`);
}

/** Starts `jixiao serve` on a free port with `env` added to this process's, and waits until it answers. */
export async function startServeProcess(env: Record<string, string>, timeoutMs = 150_000): Promise<ServeProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const server = spawn(process.execPath, ['apps/cli/bin/jixiao.js', 'serve', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    if (server.exitCode === null && server.pid) {
      const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
      process.kill(server.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (server.exitCode === null) process.kill(server.pid, 'SIGKILL');
    }
  };
  try {
    await waitForHealth(server, () => output, baseUrl, timeoutMs);
  } catch (e) {
    await stop();
    throw e;
  }
  return { baseUrl, process: server, log: () => output, stop };
}
