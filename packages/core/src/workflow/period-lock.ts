/**
 * Period locks (decision 011): once the finance bureau closes a period, nobody saves or moves a report of it. A year
 * (`2024`) closes the self-evaluation of 2024 and every monitoring month of 2024; a month (`2024-07`) closes that
 * monitoring cut-off only. Locks are a history: the latest word on a period counts (lock or unlock).
 */
import type { Actor } from '../access/actor';
import { roleAllows } from '../access/permissions';
import { chinaTime, cleanReason, refuse, rolesText, type Refusal } from './refusal';
import { rolesAllowed } from './target-workflow';

export interface PeriodLock {
  period: string;
  locked: boolean;
  reason: string | null;
  by: string;
  at: string;
}

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;

export function isValidPeriod(period: string): boolean {
  return PERIOD.test(period);
}

/** The periods whose lock covers `period`: itself and, for a month, its year. */
function coveringPeriods(period: string): string[] {
  const year = period.slice(0, 4);
  return period === year ? [year] : [period, year];
}

/** The lock in force for `period` (its own or its year's), or null. `locks` is the history, oldest first. */
export function findLock(locks: readonly PeriodLock[], period: string): PeriodLock | null {
  const latest = new Map<string, PeriodLock>();
  for (const lock of locks) latest.set(lock.period, lock);
  for (const p of coveringPeriods(period)) {
    const lock = latest.get(p);
    if (lock?.locked) return lock;
  }
  return null;
}

export function lockedRefusal(lock: PeriodLock, what: string): Refusal {
  return refuse(
    'CONFLICT',
    `${lock.period} 已由 ${lock.by} 于 ${chinaTime(lock.at)} 锁定${lock.reason ? `（${lock.reason}）` : ''}，${what}不能再保存或变更状态。如确需修改，请联系${rolesText(rolesAllowed('period.lock'))}解除锁定。`,
  );
}

/** Lock or unlock a period: who may, a valid period, a reason to unlock, and no lock twice. */
export function decidePeriodLock(
  locks: readonly PeriodLock[],
  request: { actor: Actor; period: string; locked: boolean; reason?: string | null },
): { ok: true; reason: string | null } | Refusal {
  const { actor, period, locked } = request;
  if (!roleAllows(actor.role, 'period.lock')) return refuse('FORBIDDEN', `只有${rolesText(rolesAllowed('period.lock'))}可以锁定或解除锁定期间。`);
  if (!isValidPeriod(period)) return refuse('BAD_INPUT', `期间「${period}」格式不对：年度写作 2024，监控月份写作 2024-07。`);
  const reason = cleanReason(request.reason);
  const own = [...locks].reverse().find((l) => l.period === period);
  if (locked && own?.locked) return refuse('CONFLICT', `${period} 已由 ${own.by} 于 ${chinaTime(own.at)} 锁定，无需重复锁定。`);
  if (!locked) {
    if (!own?.locked) {
      const year = findLock(locks, period);
      return refuse('CONFLICT', year ? `${period} 本身未锁定，锁定的是 ${year.period} 全年；请解除 ${year.period} 的锁定。` : `${period} 没有锁定，无需解除。`);
    }
    if (reason === null) return refuse('BAD_INPUT', '解除锁定须写明理由。');
  }
  return { ok: true, reason };
}
