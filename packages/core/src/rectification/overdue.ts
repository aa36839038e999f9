/**
 * Overdue (逾期) in Beijing days, counted as the reporting deadlines are (workflow/deadlines.ts): an item is overdue
 * from the day after its deadline while the unit still owes the work (整改中 or 退回整改). One waiting for the
 * reviewer's check is not the unit's delay; a verified one is closed.
 */
import { daysUntil } from '../workflow/deadlines';
import type { RectificationStatus } from './workflow';

export interface Deadline {
  status: RectificationStatus;
  deadline: string;
}

/** Days left until the deadline (negative once past); null once the unit's part is done (fed back, verified) or before it is issued. */
export function rectificationDaysLeft(item: Deadline, today: string): number | null {
  if (item.status !== 'issued' && item.status !== 'returned') return null;
  return daysUntil(today, item.deadline);
}

export function isRectificationOverdue(item: Deadline, today: string): boolean {
  const left = rectificationDaysLeft(item, today);
  return left !== null && left < 0;
}
