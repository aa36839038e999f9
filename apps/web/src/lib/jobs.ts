/**
 * Jobs the server runs for this person (issue 12 item 5, decision 023): an import or a file to generate, followed
 * with `GET /api/jobs/{id}` until it ends. Shared by the import page and every download button.
 */
import { jobDtoSchema, listOf, type JobDto, type OutputJobRequest } from '@jixiao/contract';
import { getJson, sendJson } from './http';

export type { JobDto };

export function getJob(id: number, signal?: AbortSignal): Promise<JobDto> {
  return getJson(jobDtoSchema, `/api/jobs/${id}`, {}, signal);
}

/** The person's newest jobs, newest first: what a page left and revisited shows. */
export async function listJobs(signal?: AbortSignal): Promise<JobDto[]> {
  return (await getJson(listOf(jobDtoSchema), '/api/jobs', {}, signal)).items;
}

/** Asks the server to generate a file; the answer is the queued job, and the file is at `jobFileUrl` once it is done. */
export function startOutputJob(request: OutputJobRequest): Promise<JobDto> {
  return sendJson(jobDtoSchema, 'POST', '/api/output-jobs', request);
}

export const jobFileUrl = (id: number) => `/api/jobs/${id}/file`;

export const jobKeys = {
  all: ['jobs'] as const,
  list: () => ['jobs', 'list'] as const,
  detail: (id: number) => ['jobs', id] as const,
};

export const isFinished = (job: JobDto | undefined) => job?.status === 'succeeded' || job?.status === 'failed';

/** How far a job is, 0–100, from its progress (a job that has not counted anything yet is at 0). */
export const jobPercent = (job: JobDto) => (job.progress.total ? Math.round((job.progress.done / job.progress.total) * 100) : 0);
