/**
 * `JobStore` on the `jobs` table (decision 023). The claim is one statement — pick the oldest claimable row
 * `for update skip locked`, mark it running under this runner's lease — so two runners (two servers on one
 * PostgreSQL) never take the same job, and a job whose runner vanished is taken up again once its lease ran out.
 */
import type { ClaimedJob, JobStore, StoredJob } from '@jixiao/services';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './db';
import type { jobs } from './schema';
import type { SqlRow } from './sql-row';
import { jsonbParam, jsonValue, utcIso } from './sql-values';

type JobRow = Omit<SqlRow<typeof jobs>, 'file_base64' | 'lease_until' | 'result_file_base64'> & { file_base64?: string | null };

const columns = sql`j.id, j.kind, j.status, j.user_id, j.actor, j.request_id, j.title, j.input, j.progress_done, j.progress_total,
  j.progress_label, j.result, j.result_file_name, j.result_media_type, j.error, j.attempts, j.claimed_by, ${utcIso('j.created_at')} as created_at,
  ${utcIso('j.started_at')} as started_at, ${utcIso('j.finished_at')} as finished_at`;

function toJob(row: JobRow): StoredJob {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    userId: row.user_id,
    actor: jsonValue(row.actor),
    requestId: row.request_id,
    title: row.title,
    input: jsonValue<Record<string, unknown>>(row.input) ?? {},
    progress: { done: row.progress_done, total: row.progress_total, label: row.progress_label },
    result: jsonValue(row.result),
    resultFile: row.result_file_name && row.result_media_type ? { fileName: row.result_file_name, mediaType: row.result_media_type } : null,
    error: jsonValue(row.error),
    attempts: row.attempts,
    claimedBy: row.claimed_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export function createJobStore(db: Db): JobStore {
  return {
    async enqueue(job, now) {
      const file = job.file ? Buffer.from(job.file).toString('base64') : null;
      const rows = await queryRows<JobRow>(
        db,
        sql`with j as (
              insert into jobs (kind, status, user_id, actor, request_id, title, input, file_base64, progress_done, progress_total, progress_label, created_at)
              values (${job.kind}, 'queued', ${job.actor?.userId ?? null}, ${jsonbParam(job.actor)}, ${job.requestId}, ${job.title},
                      ${jsonbParam(job.input)}, ${file}, ${job.progress.done}, ${job.progress.total}, ${job.progress.label}, ${now.toISOString()})
              returning *)
            select ${columns} from j`,
      );
      return toJob(rows[0]!);
    },

    async get(id) {
      const rows = await queryRows<JobRow>(db, sql`select ${columns} from jobs j where j.id = ${id}`);
      return rows[0] ? toJob(rows[0]) : null;
    },

    async listForUser(userId, limit) {
      const rows = await queryRows<JobRow>(db, sql`select ${columns} from jobs j where j.user_id = ${userId} order by j.id desc limit ${limit}`);
      return rows.map(toJob);
    },

    async claimNext(runner, now, leaseUntil, maxAttempts) {
      const rows = await queryRows<JobRow>(
        db,
        sql`with next as (
              select id from jobs
              where (status = 'queued' or (status = 'running' and lease_until < ${now.toISOString()})) and attempts < ${maxAttempts}
              order by id limit 1 for update skip locked),
            j as (
              update jobs set status = 'running', claimed_by = ${runner}, lease_until = ${leaseUntil.toISOString()},
                     attempts = jobs.attempts + 1, started_at = coalesce(jobs.started_at, ${now.toISOString()})
              from next where jobs.id = next.id returning jobs.*)
            select ${columns}, j.file_base64 from j`,
      );
      const row = rows[0];
      if (!row) return null;
      const claimed: ClaimedJob = { ...toJob(row), file: row.file_base64 ? new Uint8Array(Buffer.from(row.file_base64, 'base64')) : null };
      return claimed;
    },

    async heartbeat(id, runner, progress, leaseUntil) {
      const rows = await queryRows<{ id: number }>(
        db,
        sql`update jobs set progress_done = ${progress.done}, progress_total = ${progress.total}, progress_label = ${progress.label},
                   lease_until = ${leaseUntil.toISOString()}
            where id = ${id} and status = 'running' and claimed_by = ${runner} returning id`,
      );
      return rows.length === 1;
    },

    async finish(id, runner, end, progress, now) {
      const result = jsonbParam(end.status === 'succeeded' ? end.result : null);
      const error = jsonbParam(end.status === 'failed' ? end.error : null);
      const file = end.status === 'succeeded' ? end.file : undefined;
      const rows = await queryRows<{ id: number }>(
        db,
        sql`update jobs set status = ${end.status}, result = ${result}, error = ${error}, file_base64 = null, lease_until = null,
                   result_file_base64 = ${file ? Buffer.from(file.bytes).toString('base64') : null}, result_file_name = ${file?.fileName ?? null},
                   result_media_type = ${file?.mediaType ?? null},
                   progress_done = ${progress.done}, progress_total = ${progress.total}, progress_label = ${progress.label}, finished_at = ${now.toISOString()}
            where id = ${id} and status = 'running' and claimed_by = ${runner} returning id`,
      );
      return rows.length === 1;
    },

    async getResultFile(id) {
      const rows = await queryRows<{ f: string | null; name: string | null; type: string | null }>(
        db,
        sql`select result_file_base64 as f, result_file_name as name, result_media_type as type from jobs where id = ${id} and status = 'succeeded'`,
      );
      const row = rows[0];
      if (!row?.f || !row.name || !row.type) return null;
      return { fileName: row.name, mediaType: row.type, bytes: new Uint8Array(Buffer.from(row.f, 'base64')) };
    },

    async failAbandoned(now, maxAttempts, error) {
      const rows = await queryRows<{ id: number }>(
        db,
        sql`update jobs set status = 'failed', error = ${jsonbParam(error)}, file_base64 = null, lease_until = null, progress_label = '失败',
                   finished_at = ${now.toISOString()}
            where status = 'running' and lease_until < ${now.toISOString()} and attempts >= ${maxAttempts} returning id`,
      );
      return rows.length;
    },

    async deleteFinished(before) {
      const rows = await queryRows<{ id: number }>(db, sql`delete from jobs where status in ('succeeded', 'failed') and finished_at < ${before.toISOString()} returning id`);
      return rows.length;
    },
  };
}
