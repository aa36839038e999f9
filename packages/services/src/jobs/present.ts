/** A job as the wire shows it: never the actor, the runner or the file — only what the person needs to follow it. */
import { importOutcomeDtoSchema, type JobDto } from '@jixiao/contract';
import type { StoredJob } from './ports';

export function presentJob(job: StoredJob): JobDto {
  const outcome = job.kind === 'import' && job.result ? importOutcomeDtoSchema.safeParse(job.result) : null;
  const size = typeof job.result?.size === 'number' ? job.result.size : 0;
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    title: job.title,
    progress: job.progress,
    result: outcome?.success ? outcome.data : null,
    file: job.status === 'succeeded' && job.resultFile ? { ...job.resultFile, size } : null,
    error: job.error,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}
