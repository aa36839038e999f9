import { workbenchDtoSchema, type TodoGroupDto, type TodoItemDto, type WorkbenchDto } from '@jixiao/contract';
import { getJson } from '../../lib/http';

export type { TodoGroupDto, TodoItemDto, WorkbenchDto };

export function getWorkbench(signal?: AbortSignal): Promise<WorkbenchDto> {
  return getJson(workbenchDtoSchema, '/api/workbench', {}, signal);
}

/** Query keys of 工作台 (decision 018): refetched whenever the home is shown, so it follows what was done elsewhere. */
export const workbenchKeys = {
  all: ['workbench'] as const,
};

/** The page an item opens: the review of targets, the report begun, or the list where a due report is begun. */
export function todoHref(kind: TodoGroupDto['kind'], item: TodoItemDto): string {
  if (kind.startsWith('rectification-')) return `/rectification/${item.rectificationId}`;
  if (kind.startsWith('targets-')) return `/review/${item.documentId}`;
  const base = kind.startsWith('monitoring-') ? '/monitoring' : '/self-evaluation';
  return item.evaluationId === null ? `${base}?documentId=${item.documentId}` : `${base}/${item.evaluationId}`;
}

/** 「剩 5 天」「今天截止」「逾期 3 天」; empty without a deadline. */
export function deadlineText(daysLeft: number | null): string {
  if (daysLeft === null) return '';
  if (daysLeft > 0) return `剩 ${daysLeft} 天`;
  if (daysLeft === 0) return '今天截止';
  return `逾期 ${-daysLeft} 天`;
}

/** Where an entry of 最近操作 leads, when it is about a document or a report. */
export function activityHref(objectType: string, objectId: string, action: string): string | null {
  if (!/^\d+$/.test(objectId)) return null;
  if (objectType === 'document') return `/review/${objectId}`;
  if (objectType === 'rectification') return `/rectification/${objectId}`;
  // Only self-evaluations are published (workflow.publish on an evaluation); every other evaluation action names its kind.
  if (objectType === 'evaluation') return action.includes('monitoring') ? `/monitoring/${objectId}` : `/self-evaluation/${objectId}`;
  return null;
}

/** A report's period as people write it: 「2026 年 1—7 月」, 「2025 年度」. */
export function periodText(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? `${m[1]} 年 1—${Number(m[2])} 月` : `${period} 年度`;
}
