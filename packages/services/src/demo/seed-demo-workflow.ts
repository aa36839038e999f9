/**
 * Demo data that goes through the workflow, on the first start only (after `seedDemoData` and the demo accounts):
 * seed 000 approved and published (`seedDemoPublication`), and last year's copies (`SeedReport.lastYear`) approved
 * by their unit's own demo accounts and the finance reviewer, then monitored at July (`seedDemoMonitoring`) — so the
 * monitoring and self-evaluation pages have approved targets to work on while this year's drafts are edited.
 */
import type { Actor } from '@jixiao/core';
import { actorOf } from '../access/actor-of';
import type { CommandDeps } from '../unit-of-work';
import { approveDemoTargets, demoActor } from './approve-demo-targets';
import type { SeedReport } from './seed-demo-data';
import { seedDemoMonitoring } from './seed-demo-monitoring';
import { seedDemoPublication } from './seed-demo-publication';

/** The demo account of the department with that role, or null. */
async function unitActor(deps: CommandDeps, departmentId: number | null, role: Actor['role']): Promise<Actor | null> {
  const user = (await deps.store.users.listUsers()).find((u) => u.demo && !u.disabled && u.role === role && u.departmentId === departmentId);
  return user ? actorOf(user) : null;
}

/** Answers the published document's id (null when there is none), as `seedDemoPublication` does. */
export async function seedDemoWorkflow(deps: CommandDeps, report: SeedReport): Promise<number | null> {
  const published = await seedDemoPublication(deps, report);
  if (!report.seeded) return published;
  const reviewer = await demoActor(deps, 'finance-reviewer');
  for (const copy of report.lastYear) {
    const { summary } = await deps.store.documents.getDocument(copy.documentId);
    const submitter = await unitActor(deps, summary.departmentId, 'unit-editor');
    const unitApprover = await unitActor(deps, summary.departmentId, 'unit-approver');
    if (!reviewer || !submitter || !unitApprover) continue;
    await approveDemoTargets(deps, copy.documentId, { submitter, unitApprover, reviewer });
    await seedDemoMonitoring(deps.store, copy.documentId);
  }
  return published;
}
