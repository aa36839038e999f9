/**
 * Jobs (issue 12 items 5 and 9): work too long for a request — an import, a document to generate — kept in the database, so a page can
 * be left and revisited, a reload finds the job again, and any of several app servers on one PostgreSQL may run it.
 * A runner claims a queued job with a lease (`claimNext`, one statement, `for update skip locked`); a runner that
 * dies lets its lease expire and another runner takes the job up again, so no job is lost and none runs twice at once.
 */
import type { Actor } from '@jixiao/core';
import type { OutputFile } from '../output-formats/render-output';

export type JobKind = 'import' | 'output';
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobProgress {
  done: number;
  total: number;
  /** What is being done now, in Chinese (「正在读取文件」). */
  label: string;
}

export interface JobError {
  code: string;
  message: string;
}

export interface StoredJob {
  id: number;
  kind: JobKind;
  status: JobStatus;
  userId: number | null;
  /** Who started it, as they were then: the job runs as them (scope and audit), never as the server. */
  actor: Actor | null;
  requestId: string | null;
  /** What the person sees in a list of jobs (the file name). */
  title: string;
  input: Record<string, unknown>;
  progress: JobProgress;
  result: Record<string, unknown> | null;
  /** The file an output job made: its name, media type and size (the bytes: `JobStore.getResultFile`). */
  resultFile: { fileName: string; mediaType: string } | null;
  error: JobError | null;
  attempts: number;
  claimedBy: string | null;
  /** ISO 8601, UTC. */
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** A claimed job with what it needs to run: the file it was given. */
export interface ClaimedJob extends StoredJob {
  file: Uint8Array | null;
}

export interface NewJob {
  kind: JobKind;
  actor: Actor | null;
  requestId: string | null;
  title: string;
  input: Record<string, unknown>;
  file: Uint8Array | null;
  progress: JobProgress;
}

/** A file an output job made: what the renderers return, without the format id. */
export type GeneratedFile = Omit<OutputFile, 'format'>;

/** How a job ended: succeeded with its result (and the file it made), or failed with the reason. */
export type JobEnd = { status: 'succeeded'; result: Record<string, unknown>; file?: GeneratedFile } | { status: 'failed'; error: JobError };

export interface JobStore {
  enqueue(job: NewJob, now: Date): Promise<StoredJob>;
  get(id: number): Promise<StoredJob | null>;
  /** The newest jobs a person started (`limit` at most). */
  listForUser(userId: number, limit: number): Promise<StoredJob[]>;
  /**
   * Takes the oldest queued job (or a running one whose lease ran out, and attempts left) for `runner` until
   * `leaseUntil`, in one statement that two runners cannot both win. Null when there is nothing to do.
   */
  claimNext(runner: string, now: Date, leaseUntil: Date, maxAttempts: number): Promise<ClaimedJob | null>;
  /** Writes progress and extends the lease; false when the job is no longer this runner's (it was taken over). */
  heartbeat(id: number, runner: string, progress: JobProgress, leaseUntil: Date): Promise<boolean>;
  /** Ends the job (the file it carried is dropped); false when the job is no longer this runner's. */
  finish(id: number, runner: string, end: JobEnd, progress: JobProgress, now: Date): Promise<boolean>;
  /** The file a finished output job made; null when there is none. */
  getResultFile(id: number): Promise<GeneratedFile | null>;
  /** Jobs whose leases ran out after their last attempt: failed, with the reason. */
  failAbandoned(now: Date, maxAttempts: number, error: JobError): Promise<number>;
  /** Deletes finished jobs older than `before`; returns how many. */
  deleteFinished(before: Date): Promise<number>;
}
