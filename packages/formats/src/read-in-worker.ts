/**
 * Reading off the main thread: `readDocument` in a worker thread with a time limit and a memory limit, so a hostile
 * or odd file can neither block the server's event loop nor take its memory. A worker that runs over is terminated
 * and the file refused with a one-line reason; the result is the same `ReadResult` as `readDocument` gives.
 * Workers are reused (at most `MAX_WORKERS`, the rest wait their turn) and do not keep the process alive when idle.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { readError, type ReadError } from './errors';
import { DEFAULT_LIMITS, type ReadLimits } from './limits';
import type { ReadInput, ReadResult } from './read-document';
import type { ReadReply, ReadRequest } from './read-worker';

export interface WorkerReadOptions {
  /** How long one read may take, in milliseconds (default 20 s). */
  timeoutMs?: number;
  /** The worker's heap limit, in MB (default 512). */
  maxOldGenerationSizeMb?: number;
  limits?: ReadLimits;
}

export const DEFAULT_READ_TIMEOUT_MS = 20_000;
export const DEFAULT_READ_MEMORY_MB = 512;
const MAX_WORKERS = 2;
/** The compiled worker beside this module in the CLI build (scripts/build-cli.ts); from the sources, the tsx bootstrap. */
const BUILT_ENTRY = new URL('./read-worker.js', import.meta.url);
const ENTRY = existsSync(fileURLToPath(BUILT_ENTRY)) ? BUILT_ENTRY : new URL('./read-worker-entry.mjs', import.meta.url);

interface Job {
  request: ReadRequest;
  timeoutMs: number;
  memoryMb: number;
  done: (result: ReadResult) => void;
}

interface PooledWorker {
  worker: Worker;
  memoryMb: number;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

const pool: PooledWorker[] = [];
const queue: Job[] = [];
let nextId = 1;

export function readDocumentInWorker(input: ReadInput, options: WorkerReadOptions = {}): Promise<ReadResult> {
  return new Promise((done) => {
    const request: ReadRequest = { id: nextId++, fileName: input.fileName, bytes: input.bytes, limits: options.limits ?? DEFAULT_LIMITS };
    queue.push({ request, timeoutMs: options.timeoutMs ?? DEFAULT_READ_TIMEOUT_MS, memoryMb: options.maxOldGenerationSizeMb ?? DEFAULT_READ_MEMORY_MB, done });
    dispatch();
  });
}

function dispatch(): void {
  while (queue.length > 0) {
    const job = queue[0]!;
    let slot = pool.find((p) => p.job === null && p.memoryMb === job.memoryMb);
    if (!slot) {
      if (pool.length >= MAX_WORKERS) {
        // A worker idle with another memory limit makes room; otherwise wait for one to finish.
        const idle = pool.find((p) => p.job === null);
        if (!idle) return;
        retire(idle);
      }
      slot = spawn(job.memoryMb);
    }
    queue.shift();
    run(slot, job);
  }
}

function spawn(memoryMb: number): PooledWorker {
  const worker = new Worker(ENTRY, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
  const slot: PooledWorker = { worker, memoryMb, job: null, timer: null };
  worker.on('message', (reply: ReadReply) => {
    const job = slot.job;
    if (!job || reply.id !== job.request.id) return;
    finish(slot, reply.result);
  });
  worker.on('error', (e: Error & { code?: string }) => {
    const job = slot.job;
    retire(slot);
    if (job) job.done(failed(job, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? outOfMemory(job) : crashed(job, e)));
    dispatch();
  });
  worker.on('exit', () => {
    const job = slot.job;
    retire(slot);
    if (job) job.done(failed(job, crashed(job, new Error('the read worker exited'))));
    dispatch();
  });
  worker.unref();
  pool.push(slot);
  return slot;
}

function run(slot: PooledWorker, job: Job): void {
  slot.job = job;
  // Busy: keep the process alive until the answer comes (a CLI waits for it); idle again, let it exit.
  slot.worker.ref();
  slot.timer = setTimeout(() => {
    retire(slot);
    void slot.worker.terminate();
    job.done(failed(job, timedOut(job)));
    dispatch();
  }, job.timeoutMs);
  // oxlint-disable-next-line unicorn/require-post-message-target-origin -- a worker thread, not a window
  slot.worker.postMessage(job.request);
}

function finish(slot: PooledWorker, result: ReadResult): void {
  const job = slot.job;
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.job = null;
  slot.worker.unref();
  job?.done(result);
  dispatch();
}

/** Takes a worker out of the pool (it is terminated or has died); its job, if any, is the caller's to answer. */
function retire(slot: PooledWorker): void {
  if (slot.timer) clearTimeout(slot.timer);
  slot.timer = null;
  slot.job = null;
  const at = pool.indexOf(slot);
  if (at >= 0) {
    pool.splice(at, 1);
    void slot.worker.terminate();
  }
}

function failed(_job: Job, error: ReadError): ReadResult {
  return { ok: false, error };
}

function timedOut(job: Job): ReadError {
  const s = Math.round(job.timeoutMs / 100) / 10;
  return readError('timeout', job.request.fileName, `读取超时（超过 ${s} 秒），文件可能过大或格式异常，请拆分后重试`, `reading took longer than ${s} s`);
}

function outOfMemory(job: Job): ReadError {
  return readError('out-of-memory', job.request.fileName, `读取时所需内存超过上限（${job.memoryMb} MB），文件可能过大或格式异常，请拆分后重试`, `reading needed more than ${job.memoryMb} MB`);
}

function crashed(job: Job, e: Error): ReadError {
  return readError('reader-failed', job.request.fileName, '读取文件时出错，文件可能已损坏或格式异常：请检查文件，或另存后重试', `the read worker failed: ${e.message.split('\n')[0]?.slice(0, 120)}`);
}
