/**
 * The job runner of one server process: claims one job at a time (jobs read files in a worker and write in one
 * transaction; on PGlite's single connection running several at once would only queue them), keeps its lease alive
 * while the job runs and ends it with the result or the reason. Several servers on one PostgreSQL each run one;
 * the store's claim lets only one of them take a job (decision 023).
 */
import { AppError } from '../errors';
import type { CommandDeps } from '../unit-of-work';
import { runImportJob } from './import-job';
import { runOutputJob } from './output-job';
import type { ClaimedJob, GeneratedFile, JobError, JobKind, JobProgress } from './ports';

export interface JobRunnerOptions {
  /** Names this runner in `jobs.claimed_by` (host and process id). */
  runner: string;
  /** How long a claim holds without a heartbeat (default 60 s). */
  leaseMs?: number;
  /** How often an idle runner looks for work (default 1 s; `wake` starts at once). */
  pollMs?: number;
  /** How many times a job whose runner vanished is taken up again (default 2). */
  maxAttempts?: number;
  /** Finished jobs are deleted after this long (default 7 days; checked hourly). */
  keepFinishedMs?: number;
  now?: () => Date;
  /** Where an unexpected failure is logged (it is stored as an internal error the person is told about). */
  logError?: (error: unknown, job: ClaimedJob) => void;
}

export interface JobRunner {
  /** Looks for work now (after a job was queued by this process). */
  wake(): void;
  /**
   * Stops taking jobs and waits for the one in hand, at most `graceMs` (default 10 s): a job still running then keeps
   * its lease until it runs out, and a runner (this server restarted, or another) takes it up again.
   */
  stop(graceMs?: number): Promise<void>;
}

type Executor = (deps: CommandDeps, job: ClaimedJob, report: (p: JobProgress) => Promise<void>) => Promise<{ result: Record<string, unknown>; file?: GeneratedFile }>;
const EXECUTORS: Record<JobKind, Executor> = { import: runImportJob, output: runOutputJob };

export const ABANDONED: JobError = { code: 'INTERNAL', message: '任务多次中断（服务器重启或停止），未能完成，请重新上传。' };

function errorOf(e: unknown, job: ClaimedJob): JobError {
  if (e instanceof AppError) return { code: e.code, message: e.message };
  return { code: 'INTERNAL', message: `处理「${job.title}」时发生内部错误，未保存任何内容。请稍后重试；如仍失败请联系管理员（任务 ${job.id}）。` };
}

export function startJobRunner(deps: CommandDeps, options: JobRunnerOptions): JobRunner {
  const leaseMs = options.leaseMs ?? 60_000;
  const pollMs = options.pollMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 2;
  const now = options.now ?? (() => new Date());
  const jobs = deps.store.jobs;
  const keepFinishedMs = options.keepFinishedMs ?? 7 * 24 * 3_600_000;
  /** Set by `stop`, read by the loop between jobs. */
  const state = { stopped: false };
  let lastCleanup = 0;
  let wakeUp: (() => void) | null = null;

  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, pollMs);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  async function runOne(job: ClaimedJob): Promise<void> {
    let progress = job.progress;
    let lost = false;
    const beat = async () => {
      if (!lost && !(await jobs.heartbeat(job.id, options.runner, progress, new Date(now().getTime() + leaseMs)))) lost = true;
    };
    const timer = setInterval(() => void beat().catch(() => {}), Math.max(50, Math.floor(leaseMs / 3)));
    try {
      const { result, file } = await EXECUTORS[job.kind](deps, job, async (p) => {
        progress = p;
        await beat();
      });
      await jobs.finish(job.id, options.runner, { status: 'succeeded', result, ...(file ? { file } : {}) }, { ...progress, done: progress.total, label: '已完成' }, now());
    } catch (e) {
      if (!(e instanceof AppError)) options.logError?.(e, job);
      await jobs.finish(job.id, options.runner, { status: 'failed', error: errorOf(e, job) }, { ...progress, label: '失败' }, now());
    } finally {
      clearInterval(timer);
    }
  }

  async function loop(): Promise<void> {
    while (!state.stopped) {
      let job: ClaimedJob | null = null;
      try {
        const at = now();
        if (at.getTime() - lastCleanup > 3_600_000) {
          lastCleanup = at.getTime();
          await jobs.deleteFinished(new Date(at.getTime() - keepFinishedMs));
        }
        await jobs.failAbandoned(at, maxAttempts, ABANDONED);
        job = await jobs.claimNext(options.runner, at, new Date(at.getTime() + leaseMs), maxAttempts);
        if (job) await runOne(job);
      } catch {
        // The database went away for a moment (a restart, a failover, the store closing): a job in hand keeps its
        // lease until it runs out and is taken up again; look again after the poll interval.
        job = null;
      }
      if (!job && !state.stopped) await idle();
    }
  }

  const running = loop();
  return {
    wake: () => wakeUp?.(),
    async stop(graceMs = 10_000) {
      state.stopped = true;
      wakeUp?.();
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([running, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    },
  };
}
