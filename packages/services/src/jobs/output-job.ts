/**
 * A document to generate, as a job (issue 12 item 5): `startOutputJob` checks the format, and that the person may see
 * the object (anything outside their departments is not found, as on the download routes); a runner renders it with
 * the same renderer the download route uses and keeps the file with the job, for its owner to fetch.
 */
import { isOutputFormatId, outputFormat, type OutputFormatId } from '@jixiao/contract';
import { can } from '@jixiao/core';
import type { ChangeContext } from '../access/audit';
import { AppError } from '../errors';
import type { ScopedObject } from '../access/ports';
import { renderOutput, type OutputInput } from '../output-formats/render-output';
import { chinaDate } from '../review/write-review-opinion';
import type { CommandDeps } from '../unit-of-work';
import type { ClaimedJob, GeneratedFile, JobProgress, StoredJob } from './ports';

export interface OutputJobInput {
  format: string;
  /** The document, monitoring report or self-evaluation the format is made from (its `source`). */
  id: number;
  /** The 评审意见's reviewer and organization, as the download route's `reviewer` and `organization` (documents only). */
  reviewer?: string | undefined;
  organization?: string | undefined;
}

/** The reviewer and organization a document's output job keeps, trimmed, without empty ones. */
function signedBy(input: OutputJobInput): Record<string, string> {
  const kept: Record<string, string> = {};
  if (input.reviewer?.trim()) kept.reviewer = input.reviewer.trim();
  if (input.organization?.trim()) kept.organization = input.organization.trim();
  return kept;
}

const SOURCE_LABEL = { document: '文档', monitoring: '监控报告', 'self-evaluation': '自评', rectification: '整改事项', department: '部门' } as const;
/** The object whose department decides who may have the file, by the format's source. */
const SCOPED: Record<keyof typeof SOURCE_LABEL, ScopedObject> = { document: 'document', monitoring: 'evaluation', 'self-evaluation': 'evaluation', rectification: 'rectification', department: 'department' };

export async function startOutputJob(deps: CommandDeps, who: ChangeContext, input: OutputJobInput, now: Date): Promise<StoredJob> {
  if (!isOutputFormatId(input.format)) throw new AppError('BAD_INPUT', `未知的输出格式「${input.format}」：请从 /api/openapi.json 所列的格式中选择。`, { format: input.format });
  const format = outputFormat(input.format);
  const department = await deps.store.scope.departmentOf(SCOPED[format.source], input.id);
  // As the download routes' access policy decides: document.read on the object's department (the system sees all).
  if (department === undefined || (who.actor && !can(who.actor, 'document.read', { departmentId: department }))) {
    throw new AppError('NOT_FOUND', `找不到编号为 ${input.id} 的${SOURCE_LABEL[format.source]}。`, { id: input.id });
  }
  return deps.store.jobs.enqueue(
    {
      kind: 'output',
      actor: who.actor,
      requestId: who.requestId ?? null,
      title: `${format.label}（${SOURCE_LABEL[format.source]} ${input.id}）`,
      input: { format: format.id, id: input.id, ...(format.source === 'document' ? signedBy(input) : {}) },
      file: null,
      progress: { done: 0, total: 2, label: '排队等候' },
    },
    now,
  );
}

/** The renderer's input for the format's source; the date on the document is the day the job was started (Beijing). */
function inputOf(format: OutputFormatId, job: ClaimedJob): OutputInput<OutputFormatId> {
  const source = outputFormat(format).source;
  const id = Number(job.input.id);
  const startedAt = new Date(job.createdAt);
  if (source === 'document') {
    const text = (key: string) => (typeof job.input[key] === 'string' ? (job.input[key] as string) : undefined);
    return { documentId: id, date: chinaDate(startedAt), reviewer: text('reviewer'), organization: text('organization') } as OutputInput<OutputFormatId>;
  }
  if (source === 'monitoring') return { id } as OutputInput<OutputFormatId>;
  // self-evaluation, rectification, department: the object and the day.
  return { id, date: chinaDate(startedAt) } as OutputInput<OutputFormatId>;
}

export async function runOutputJob(deps: CommandDeps, job: ClaimedJob, report: (p: JobProgress) => Promise<void>): Promise<{ result: Record<string, unknown>; file: GeneratedFile }> {
  const format = String(job.input.format);
  if (!isOutputFormatId(format)) throw new AppError('BAD_INPUT', `未知的输出格式「${format}」。`);
  await report({ done: 0, total: 2, label: '正在生成文件' });
  const rendered = await renderOutput(deps, format, inputOf(format, job));
  await report({ done: 1, total: 2, label: '正在保存文件' });
  const { format: _format, ...file } = rendered;
  return { result: { format, fileName: file.fileName, mediaType: file.mediaType, size: file.bytes.length }, file };
}
