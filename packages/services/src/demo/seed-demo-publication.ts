/**
 * Demo data: one published target document, so a first-time visitor finds something on the public page (信息公开).
 * Run once, right after the first seeding (when `seedDemoData` reported `seeded`), never on later starts.
 *
 * The document is seed 000 (花地街道 2024 部门整体 targets): the e2e journeys edit and review seed 002 (金花街道 2024),
 * which therefore stays a draft. It goes through the real workflow (`approveDemoTargets`): 花地街道 has no demo
 * account, so the demo 系统管理员 (`admin`, whose role may act for any unit) submits and approves it for the unit, each
 * step with a reason saying so; the demo finance reviewer approves and publishes.
 */
import type { CommandDeps } from '../unit-of-work';
import { publishTargets } from '../workflow/target-workflow';
import { approveDemoTargets, demoActor } from './approve-demo-targets';
import type { SeedReport } from './seed-demo-data';

/** The seed whose targets are published in the demo (file name prefix in fixtures/seeds). */
export const DEMO_PUBLISHED_SEED = '000_';

/** Publishes the demo document; answers its id, or null when the seed or the demo accounts are missing. */
export async function seedDemoPublication(deps: CommandDeps, report: SeedReport): Promise<number | null> {
  if (!report.seeded) return null;
  const seed = report.imported.find((r) => r.fileName.startsWith(DEMO_PUBLISHED_SEED) && r.kind.endsWith('-targets'));
  if (!seed) return null;
  const admin = await demoActor(deps, 'admin');
  const reviewer = await demoActor(deps, 'finance-reviewer');
  if (!admin || !reviewer) return null;
  const documentId = seed.documentId;
  const unit = seed.department ?? '该单位';
  await approveDemoTargets(deps, documentId, {
    submitter: admin,
    unitApprover: admin,
    reviewer,
    reasons: { submit: `演示数据：${unit}没有演示账号，由系统管理员代为提交`, approveUnit: `演示数据：${unit}没有演示账号，由系统管理员代为审批` },
  });
  await publishTargets(deps, { actor: reviewer, requestId: 'demo-seed' }, { documentId });
  return documentId;
}
