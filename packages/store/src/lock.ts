/**
 * The data-dir lock. PGlite has no lock of its own, and two processes on one data dir silently lose writes
 * (stack-notes §6), so the first opener writes `<dataDir>/jixiao.lock` (pid, host, boot id, process start time,
 * token) with an exclusive create and every later opener is refused while that holder lives. When a lock is stale
 * is decision 012: our own pid with a token this process does not hold, a dead pid, a pid now owned by another
 * process (start time differs), a reboot (boot id differs), or — from another host — a heartbeat (the file's mtime,
 * touched every 10 s) older than 60 s. The lock is removed on close and, as a last resort, when the process exits.
 */
import { closeSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '@jixiao/services';

export const LOCK_FILE = 'jixiao.lock';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
  token: string;
  /** The kernel's boot id (Linux), when readable: a different one means the holder's machine has rebooted. */
  bootId?: string;
  /** The holder's start time in clock ticks since boot (`/proc/<pid>/stat` field 22): tells a reused pid apart. */
  startTime?: string;
  /** Milliseconds between the holder's touches of the file; absent in locks written before the heartbeat. */
  heartbeatMs?: number;
}

/** The holder touches the lock file this often; a lock from another host is stale once untouched for STALE_AFTER_MS. */
export const HEARTBEAT_MS = 10_000;
export const STALE_AFTER_MS = 60_000;

/** The tokens of the locks this process holds now: a lock with our pid and any other token is a previous life's. */
const heldTokens = new Set<string>();

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function bootId(): string | undefined {
  return readText('/proc/sys/kernel/random/boot_id')?.trim() || undefined;
}

/** Field 22 of `/proc/<pid>/stat` (after the parenthesised command name, which may itself hold spaces). */
export function processStartTime(pid: number): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so field 22 is fields[19].
  return fields[19];
}

/** Why `holder` is stale, or null while it may be live (decision 012). */
export function staleReason(holder: LockInfo, mtimeMs: number, now = Date.now()): string | null {
  if (heldTokens.has(holder.token)) return null;
  const ourBoot = bootId();
  if (holder.host !== hostname()) {
    // Another host (or this container before a restart under a new name): its pids mean nothing here, so only
    // a heartbeat that has stopped proves the holder is gone.
    if (holder.heartbeatMs !== undefined && now - mtimeMs > STALE_AFTER_MS) return `主机 ${holder.host} 上的持有者已 ${Math.round((now - mtimeMs) / 1000)} 秒未刷新锁`;
    return null;
  }
  if (holder.bootId && ourBoot && holder.bootId !== ourBoot) return '本机已重启';
  if (holder.pid === process.pid) return '持有者是本进程的前一次运行（进程号相同）';
  if (!isAlive(holder.pid)) return `进程 ${holder.pid} 已结束`;
  const start = processStartTime(holder.pid);
  if (holder.startTime && start && holder.startTime !== start) return `进程号 ${holder.pid} 已被另一个进程使用`;
  return null;
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
  return parseLock(readText(path));
}

function parseLock(text: string | undefined): LockInfo | null {
  if (text === undefined) return null;
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
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
  const boot = bootId();
  const startTime = processStartTime(process.pid);
  const info: LockInfo = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    token: `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    ...(boot ? { bootId: boot } : {}),
    ...(startTime ? { startTime } : {}),
    heartbeatMs: HEARTBEAT_MS,
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, info)) return holdLock(path, info);
    const holder = readLock(path);
    let mtimeMs = Date.now();
    try {
      mtimeMs = statSync(path).mtimeMs;
    } catch {
      // gone meanwhile: the next attempt creates it
    }
    if (holder !== null && staleReason(holder, mtimeMs) === null) {
      const otherHost = holder.host !== info.host;
      const who = heldTokens.has(holder.token)
        ? '本进程已经打开了它'
        : `进程 ${holder.pid}${otherHost ? `（主机 ${holder.host}）` : ''} 自 ${holder.since} 起正在使用它`;
      const hint = otherHost
        ? holder.heartbeatMs === undefined
          ? `若确定主机 ${holder.host} 上已没有 jixiao 进程在运行（例如容器重启后主机名变了），请删除 ${path} 后重试。`
          : `若该主机上的进程已停止，锁在 ${STALE_AFTER_MS / 1000} 秒未刷新后会被自动接管，请稍后重试。`
        : '请先停止该进程再重试，或设置 DATABASE_URL 使用 PostgreSQL 服务器。';
      throw new AppError(
        'DATA_DIR_LOCKED',
        `数据目录 ${dataDir} 已被占用：${who}。同一数据目录只能由一个 jixiao 进程使用（例如 jixiao serve 运行时不能同时运行 jixiao import）。${hint}`,
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
  heldTokens.add(info.token);
  // The heartbeat: another host can only tell a live holder from a dead one by this mtime (decision 012).
  const heartbeat = setInterval(() => {
    // Refresh only our own lock: one taken over by someone else must be left to age.
    if (readLock(path)?.token !== info.token) return;
    const now = new Date();
    try {
      utimesSync(path, now, now);
    } catch {
      // removed by hand: nothing to refresh
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const release = () => {
    if (!held) return;
    held = false;
    clearInterval(heartbeat);
    heldTokens.delete(info.token);
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
