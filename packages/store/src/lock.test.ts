/**
 * When a data-dir lock is stale and when it is live (decision 012): a previous life of this very pid, a lock from
 * another host whose heartbeat stopped, a reused pid, a reboot; and a real live child process that keeps it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '@jixiao/services';
import { afterEach, describe, expect, it } from 'vitest';
import { bootId, LOCK_FILE, lockDataDir, processStartTime, STALE_AFTER_MS } from './lock';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dirWithLock(lock: Record<string, unknown>, ageMs = 0): string {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-lock-'));
  dirs.push(dir);
  const path = join(dir, LOCK_FILE);
  writeFileSync(path, JSON.stringify({ since: '2020-01-01T00:00:00Z', ...lock }));
  const when = new Date(Date.now() - ageMs);
  utimesSync(path, when, when);
  return dir;
}

const holderOf = (dir: string) => JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as { pid: number; token: string; heartbeatMs?: number; startTime?: string };

function refusal(dir: string): AppError {
  let error: unknown = null;
  try {
    lockDataDir(dir).release();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('DATA_DIR_LOCKED');
  return error as AppError;
}

describe('lockDataDir', () => {
  it('takes over a lock of our own pid written by a previous life, but refuses a second open of a dir this process holds', () => {
    // Node as PID 1 in a container, killed with -9 and restarted: the lock names our pid with a token we never had.
    const dir = dirWithLock({ pid: process.pid, host: hostname(), token: 'previous-life' });
    const lock = lockDataDir(dir);
    expect(holderOf(dir)).toMatchObject({ pid: process.pid, heartbeatMs: 10_000 });
    expect(holderOf(dir).token).not.toBe('previous-life');
    expect(refusal(dir).message).toContain('本进程已经打开了它');
    lock.release();
    lockDataDir(dir).release();
  });

  it('takes over a lock from another host only once its heartbeat has stopped for the stale period', () => {
    const fresh = dirWithLock({ pid: 1, host: 'old-container-name', token: 'other-host', heartbeatMs: 10_000 }, 5_000);
    expect(refusal(fresh).message).toContain('old-container-name');
    expect(holderOf(fresh).token).toBe('other-host');

    // An older jixiao wrote no heartbeat: it cannot be proven stale, so it is refused with how to remove it.
    const legacy = dirWithLock({ pid: 1, host: 'old-container-name', token: 'legacy' }, 10 * STALE_AFTER_MS);
    expect(refusal(legacy).message).toContain(`请删除 ${join(legacy, LOCK_FILE)}`);

    const stale = dirWithLock({ pid: 1, host: 'old-container-name', token: 'other-host', heartbeatMs: 10_000 }, STALE_AFTER_MS + 5_000);
    const lock = lockDataDir(stale);
    expect(holderOf(stale)).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('takes over a lock whose pid now belongs to another process (start time differs) or was written before a reboot', () => {
    // pid 1 is alive; its start time is not "1" unless it started in the first tick after boot.
    const realStart = processStartTime(1);
    expect(realStart).toBeDefined();
    const reused = dirWithLock({ pid: 1, host: hostname(), token: 'reused', startTime: realStart === '1' ? '2' : '1' });
    lockDataDir(reused).release();

    const boot = bootId();
    expect(boot).toBeDefined();
    const rebooted = dirWithLock({ pid: 1, host: hostname(), token: 'before-reboot', bootId: `${boot}-not`, startTime: realStart });
    lockDataDir(rebooted).release();

    // The same pid, start time and boot: live.
    const live = dirWithLock({ pid: 1, host: hostname(), token: 'pid-1', bootId: boot, startTime: realStart });
    expect(refusal(live).message).toMatch(/进程 1 /);
  });

  it('takes over the lock of a dead process', () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const dir = dirWithLock({ pid: dead, host: hostname(), token: 'dead' });
    const lock = lockDataDir(dir);
    expect(holderOf(dir).pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a dir held by a live child process, and takes it once the child is killed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-lock-'));
    dirs.push(dir);
    const lockModule = fileURLToPath(new URL('./lock.ts', import.meta.url));
    const script = `const { lockDataDir } = await import(${JSON.stringify(lockModule)}); lockDataDir(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
        child.once('exit', (code) => reject(new Error(`the child exited with ${code}`)));
      });
      expect(holderOf(dir)).toMatchObject({ pid: child.pid, startTime: processStartTime(child.pid!) });
      expect(refusal(dir).message).toContain(`进程 ${child.pid}`);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    // kill -9 left the lock behind; the dead holder's lock is taken over.
    expect(holderOf(dir).pid).toBe(child.pid);
    lockDataDir(dir).release();
  });
});
