/**
 * The data-dir lock. PGlite has no lock of its own, and two processes on one data dir silently lose writes
 * (stack-notes §6), so the first opener writes `<dataDir>/jixiao.lock` (pid, host, time) with an exclusive create
 * and every later opener is refused while that process lives. A lock left by a process that has died is taken
 * over. The lock is removed on close and, as a last resort, when the process exits.
 */
import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@jixiao/services';

export const LOCK_FILE = 'jixiao.lock';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
  token: string;
}

export interface DataDirLock {
  path: string;
  release(): void;
}

/** Whether a process with this pid exists (EPERM means it exists but belongs to someone else). */
function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockInfo | null {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    return typeof value.pid === 'number' ? (value as LockInfo) : null;
  } catch {
    return null;
  }
}

function tryCreate(path: string, info: LockInfo): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, `${JSON.stringify(info)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Takes the lock of `dataDir` (created if missing) or throws `AppError('DATA_DIR_LOCKED')`. */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, host: hostname(), since: new Date().toISOString(), token: `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}` };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, info)) return holdLock(path, info);
    const holder = readLock(path);
    // A lock written by another host cannot be checked: treat it as live (a shared network dir is not supported).
    const live = holder !== null && (holder.host !== info.host || isAlive(holder.pid));
    if (live) {
      const who = holder.pid === process.pid ? '本进程已经打开了它' : `进程 ${holder.pid}${holder.host !== info.host ? `（主机 ${holder.host}）` : ''} 自 ${holder.since} 起正在使用它`;
      throw new AppError(
        'DATA_DIR_LOCKED',
        `数据目录 ${dataDir} 已被占用：${who}。同一数据目录只能由一个 jixiao 进程使用（例如 jixiao serve 运行时不能同时运行 jixiao import）。请先停止该进程再重试，或设置 DATABASE_URL 使用 PostgreSQL 服务器。`,
        { dataDir, pid: holder.pid, host: holder.host },
      );
    }
    // Stale (dead pid) or unreadable (a crash while writing): take it over.
    try {
      unlinkSync(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  throw new AppError('DATA_DIR_LOCKED', `无法获得数据目录 ${dataDir} 的锁（${path}）：另一个进程正在同时打开它。请稍后重试。`, { dataDir });
}

function holdLock(path: string, info: LockInfo): DataDirLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener('exit', release);
    // Remove it only if it is still ours.
    if (readLock(path)?.token === info.token) {
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', release);
  return { path, release };
}
