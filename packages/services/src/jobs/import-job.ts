/**
 * An import as a job: `startImportJob` keeps the file and answers at once; a runner (`job-runner.ts`) later reads it
 * and stores it exactly as `importDocumentFile` does — the same worker, the same refusals, the same department check,
 * one transaction with its audit entry — as the person who started it.
 */
import { AppError } from '../errors';
import type { ChangeContext } from '../access/audit';
import { savePreparedImport } from '../documents/import-document-file';
import { prepareImport, type ImportFileInput } from '../documents/prepare-import';
import type { CommandDeps } from '../unit-of-work';
import type { ClaimedJob, JobProgress, StoredJob } from './ports';

const STEPS = 3;
export const IMPORT_QUEUED: JobProgress = { done: 0, total: STEPS, label: '排队等候' };

/** Keeps the file as a queued job of the person; the import itself happens in a runner. */
export async function startImportJob(deps: CommandDeps, who: ChangeContext, input: ImportFileInput, now: Date): Promise<StoredJob> {
  if (input.bytes.length === 0) throw new AppError('BAD_INPUT', `${input.fileName}: 文件是空的，请选择有内容的文件。 (the file is empty)`, { file: input.fileName });
  return deps.store.jobs.enqueue(
    {
      kind: 'import',
      actor: who.actor,
      requestId: who.requestId ?? null,
      title: input.fileName,
      input: { fileName: input.fileName, ...(input.year !== undefined ? { year: input.year } : {}) },
      file: input.bytes,
      progress: IMPORT_QUEUED,
    },
    now,
  );
}

/** Runs a claimed import job, saying how far it got through `report`. */
export async function runImportJob(deps: CommandDeps, job: ClaimedJob, report: (p: JobProgress) => Promise<void>): Promise<{ result: Record<string, unknown> }> {
  const fileName = String(job.input.fileName ?? job.title);
  const year = typeof job.input.year === 'number' ? job.input.year : undefined;
  if (!job.file) throw new AppError('BAD_INPUT', `${fileName}: 任务中没有保存文件，请重新上传。 (the job has no file)`, { file: fileName });
  const who: ChangeContext = { actor: job.actor, requestId: job.requestId };
  await report({ done: 0, total: STEPS, label: '正在读取文件' });
  const prepared = await prepareImport({ fileName, bytes: job.file, ...(year !== undefined ? { year } : {}) });
  await report({ done: 1, total: STEPS, label: '正在核对部门、年度与流程状态并保存' });
  const result = await savePreparedImport(deps, who, prepared);
  await report({ done: 2, total: STEPS, label: '正在完成' });
  return { result: { ...result } };
}
