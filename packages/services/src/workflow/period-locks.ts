/**
 * Period locks (decision 011): the finance bureau closes a year or a monitoring month; saves and transitions of its
 * reports are refused from then on (the core's `findLock`). Locking and unlocking are kept as a history.
 */
import { decidePeriodLock, type PeriodLock } from '@jixiao/core';
import { recordChange } from '../access/audit';
import type { CommandDeps } from '../unit-of-work';
import { actedBy, type WorkflowStore } from './ports';
import { refusalError, type ActingInput } from './workflow-common';

export async function listPeriodLocks(deps: { store: { workflow: WorkflowStore } }): Promise<{ locked: PeriodLock[]; history: PeriodLock[] }> {
  const history = await deps.store.workflow.listPeriodLocks();
  // The latest word on each period counts.
  const latest = new Map<string, PeriodLock>();
  for (const lock of history) latest.set(lock.period, lock);
  const locked = [...latest.values()].filter((l) => l.locked).sort((a, b) => a.period.localeCompare(b.period));
  return { locked, history };
}

export async function setPeriodLock(deps: CommandDeps, who: ActingInput, input: { period: string; locked: boolean; reason?: string | null }): Promise<{ locked: PeriodLock[]; history: PeriodLock[] }> {
  await deps.store.transaction(async (tx) => {
    const saved = await tx.workflow.setPeriodLock({ period: input.period, locked: input.locked, by: actedBy(who.actor) }, (locks) => {
      const decided = decidePeriodLock(locks, { actor: who.actor, period: input.period, locked: input.locked, reason: input.reason ?? null });
      if (!decided.ok) throw refusalError(decided);
      return { reason: decided.reason };
    });
    await recordChange(tx.audit, who, { action: input.locked ? 'period.lock' : 'period.unlock', objectType: 'period', objectId: input.period, before: { locked: !input.locked }, after: saved });
  });
  return listPeriodLocks(deps);
}
