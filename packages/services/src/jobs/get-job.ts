/**
 * Reading jobs: a person sees the jobs they started (an admin sees every job); anyone else's is answered as not
 * found, so a job id says nothing about other people's work.
 */
import type { Actor } from '@jixiao/core';
import { AppError } from '../errors';
import type { GeneratedFile, JobStore, StoredJob } from './ports';

const mayRead = (actor: Actor, job: StoredJob) => job.userId === actor.userId || actor.role === 'admin';

export async function getJob(deps: { store: { jobs: JobStore } }, actor: Actor, id: number): Promise<StoredJob> {
  const job = await deps.store.jobs.get(id);
  if (!job || !mayRead(actor, job)) throw new AppError('NOT_FOUND', `没有找到任务 ${id}（任务只对发起人可见，已完成的任务保留 7 天）。`);
  return job;
}

/** The newest jobs the person started, newest first. */
export function listMyJobs(deps: { store: { jobs: JobStore } }, actor: Actor, limit = 20): Promise<StoredJob[]> {
  return deps.store.jobs.listForUser(actor.userId, limit);
}

/** The file an output job made, for the person who started it (an admin too). */
export async function getJobFile(deps: { store: { jobs: JobStore } }, actor: Actor, id: number): Promise<GeneratedFile> {
  const job = await getJob(deps, actor, id);
  const file = job.status === 'succeeded' ? await deps.store.jobs.getResultFile(id) : null;
  if (!file) throw new AppError('NOT_FOUND', job.status === 'failed' ? `任务 ${id} 失败了，没有生成文件：${job.error?.message ?? ''}` : `任务 ${id} 还没有生成文件（${job.progress.label}），请稍后再取。`);
  return file;
}
