/**
 * A throwaway PostgreSQL cluster from the system's binaries (/usr/lib/postgresql/<newest>/bin): initdb in a temp
 * dir, started on a free 127.0.0.1 port with a unix socket dir of its own, trust auth on loopback only, fsync off.
 * Running as root, the server runs as the `postgres` user (it refuses root). `stop()` stops it and deletes the dir.
 * Used by the `postgres` vitest project (scripts/test-postgres.ts) and the import benchmark (bench/import.ts).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresCluster {
  /** Admin URL (`postgres` superuser, may CREATE DATABASE). */
  url: string;
  /** The server binaries used, e.g. /usr/lib/postgresql/17/bin. */
  bin: string;
  /** Stops the server and deletes its directory; safe to call twice. */
  stop(): void;
}

function findBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (!newest) {
    throw new Error('找不到 PostgreSQL 服务器程序（/usr/lib/postgresql/*/bin/initdb）。请 apt-get install -y postgresql，或设置 DATABASE_URL 指向一个可建库的服务器。');
  }
  return join(root, newest, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresUid(): { uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Runs a server binary, as `postgres` when we are root. */
function run(owner: { uid: number; gid: number } | null, file: string, args: string[]): void {
  if (owner) execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe' });
  else execFileSync(file, args, { stdio: 'pipe' });
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findBinDir();
  const owner = postgresUid();
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-pg-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  const sock = join(dir, 'sock');
  mkdirSync(sock);
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(sock, owner.uid, owner.gid);
  }
  const port = await freePort();
  try {
    run(owner, join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
    run(owner, join(bin, 'pg_ctl'), [
      '-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30',
      '-o', `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${sock} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      'start',
    ]);
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString() ?? '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`无法启动测试用 PostgreSQL（${bin}）：${stderr || String(e)}`, { cause: e });
  }
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    bin,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(owner, join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
