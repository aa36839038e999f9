/**
 * Jobs on the wire (issue 12 item 5): an import or a document to generate, started over HTTP, answers at once with
 * its job; the page follows
 * `GET /api/jobs/{id}` until the job ends, and finds it again after a reload in `GET /api/jobs`.
 */
import { z } from 'zod';
import { importOutcomeDtoSchema } from './catalog';

export const JOB_STATUS_LABELS = { queued: '排队中', running: '进行中', succeeded: '已完成', failed: '失败' } as const;

export const jobDtoSchema = z
  .object({
    id: z.number().int().positive(),
    kind: z.enum(['import', 'output']),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    /** The file name. */
    title: z.string(),
    progress: z.object({
      done: z.number().int().min(0),
      total: z.number().int().min(0),
      /** What is being done now (「正在读取文件」). */
      label: z.string(),
    }),
    /** An import's outcome, once it succeeded. */
    result: importOutcomeDtoSchema.nullable(),
    /** The file an output job made, once it succeeded: fetched from `GET /api/jobs/{id}/file`. */
    file: z.object({ fileName: z.string(), mediaType: z.string(), size: z.number().int().min(0) }).nullable(),
    /** Why it failed, in Chinese (the same refusal the direct upload gives). */
    error: z.object({ code: z.string(), message: z.string() }).nullable(),
    /** ISO 8601, UTC. */
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'Job' });
export type JobDto = z.infer<typeof jobDtoSchema>;

/**
 * `POST /api/output-jobs`: a file to generate, by the id of the output-format registry (`OUTPUT_FORMATS`) and the id
 * of its source; a 评审意见 may name who signs it, as its download route's query does.
 */
export const outputJobRequestSchema = z
  .strictObject({
    format: z.string().min(1).meta({ description: '输出格式（如 opinion、self-evaluation-report、monitoring-table）' }),
    id: z.number().int().positive().meta({ description: '文档、监控报告或自评的编号（按格式的来源）' }),
    reviewer: z.string().trim().max(50).optional().meta({ description: '评审意见上的评审人（只用于文档的输出）' }),
    organization: z.string().trim().max(100).optional().meta({ description: '评审意见、自评报告上的单位，批复通知的发文机关（只用于文档的输出）' }),
  })
  .meta({ id: 'OutputJobRequest' });
export type OutputJobRequest = z.infer<typeof outputJobRequestSchema>;

