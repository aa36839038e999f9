/**
 * 工作台 on the wire (issue 13 item 2): `GET /api/workbench` answers what waits for the signed-in person — target
 * documents, monitoring reports and self-evaluations they can act on now, reports due on approved targets — counted by
 * kind, each item with the page to open, plus what they did last.
 */
import type { TodoKind } from '@jixiao/core';
import { z } from 'zod';

const TODO_KIND = z.enum([
  'targets-returned',
  'targets-to-submit',
  'targets-to-approve',
  'targets-to-review',
  'targets-to-publish',
  'monitoring-due',
  'monitoring-returned',
  'monitoring-to-submit',
  'monitoring-to-accept',
  'monitoring-warning-to-respond',
  'monitoring-warning-overdue',
  'self-evaluation-due',
  'self-evaluation-returned',
  'self-evaluation-to-submit',
  'self-evaluation-to-approve',
  'self-evaluation-to-accept',
  'self-evaluation-to-publish',
  'rectification-returned',
  'rectification-to-feed-back',
  'rectification-to-verify',
  'rectification-to-issue',
  'rectification-overdue',
]) satisfies z.ZodType<TodoKind>;

export const todoItemDtoSchema = z
  .object({
    /** The target document; null for a rectification item not found on one (an outside inspection). */
    documentId: z.number().int().positive().nullable(),
    /** The rectification item (整改); null for everything else. */
    rectificationId: z.number().int().positive().nullable().default(null),
    /** The monitoring report or self-evaluation; null for targets and for a report not yet begun. */
    evaluationId: z.number().int().positive().nullable(),
    title: z.string(),
    department: z.string().nullable(),
    year: z.number().int().nullable(),
    /** A report's period (`YYYY-MM` monitoring, `YYYY` self-evaluation); null for targets. */
    period: z.string().nullable(),
    /** When it came to this state (ISO 8601, UTC); null for a report not yet begun. */
    since: z.string().nullable(),
    /** The report's due date (`YYYY-MM-DD`, Beijing); null for targets. */
    due: z.string().nullable(),
    /** Days left until `due` (negative once overdue); null without a due date. */
    daysLeft: z.number().int().nullable(),
  })
  .meta({ id: 'TodoItem' });
export type TodoItemDto = z.infer<typeof todoItemDtoSchema>;

export const todoGroupDtoSchema = z
  .object({
    kind: TODO_KIND,
    label: z.string(),
    hint: z.string(),
    count: z.number().int().min(0),
    overdue: z.number().int().min(0),
    /** The most pressing first (overdue, then oldest); at most `WORKBENCH_ITEMS_PER_GROUP`, `count` says how many in all. */
    items: z.array(todoItemDtoSchema),
  })
  .meta({ id: 'TodoGroup' });
export type TodoGroupDto = z.infer<typeof todoGroupDtoSchema>;

export const recentActivityDtoSchema = z
  .object({
    /** ISO 8601, UTC. */
    at: z.string(),
    action: z.string(),
    /** The action in words (「绩效目标：批复」). */
    label: z.string(),
    objectType: z.string(),
    objectId: z.string(),
    /** The document's title where the entry is about one in scope; null otherwise. */
    title: z.string().nullable(),
  })
  .meta({ id: 'RecentActivity' });
export type RecentActivityDto = z.infer<typeof recentActivityDtoSchema>;

export const workbenchDtoSchema = z
  .object({
    /** Today in Beijing (`YYYY-MM-DD`), the day deadlines are counted from. */
    today: z.string(),
    /** The deadlines' source: the calendar's title and 文号. */
    calendar: z.object({ title: z.string(), sources: z.array(z.object({ docNo: z.string(), note: z.string() })) }),
    /** Only kinds with something waiting, in the order a home lists them. */
    groups: z.array(todoGroupDtoSchema),
    recent: z.array(recentActivityDtoSchema),
  })
  .meta({ id: 'Workbench' });
export type WorkbenchDto = z.infer<typeof workbenchDtoSchema>;

export const WORKBENCH_ITEMS_PER_GROUP = 20;
