/**
 * Demo data: one published target document, so a first-time visitor finds something on the public page (信息公开).
 * Run once, right after the first seeding (when `seedDemoData` reported `seeded`), never on later starts.
 *
 * The document is seed 000 (花地街道 2024 部门整体 targets): the e2e journeys and the monitoring / self-evaluation
 * demos edit and review seed 002 (金花街道), which therefore stays a draft. It goes through the real workflow, so its
 * history and the audit trail show every step: 花地街道 has no demo account, so the demo 系统管理员 (`admin`, whose
 * role may act for any unit) submits and approves it for the unit, each step with a reason saying so; the demo
 * finance reviewer sets the conclusion to 良 when the computed one would not lead to 批复, approves and publishes.
 */
import type { Actor } from '@jixiao/core';
import { actorOf } from '../access/actor-of';
import { loadReview } from '../review/review-state';
import { setConclusion } from '../review/set-conclusion';
import type { CommandDeps } from '../unit-of-work';
import { publishTargets, transitionTarget } from '../workflow/target-workflow';
import type { SeedReport } from './seed-demo-data';

/** The seed whose targets are published in the demo (file name prefix in fixtures/seeds). */
export const DEMO_PUBLISHED_SEED = '000_';
export const DEMO_CONCLUSION_REASON = '演示数据：评审结论为良';
const REQUEST_ID = 'demo-seed';

/** Publishes the demo document; answers its id, or null when the seed or the demo accounts are missing. */
export async function seedDemoPublication(deps: CommandDeps, report: SeedReport): Promise<number | null> {
  if (!report.seeded) return null;
  const seed = report.imported.find((r) => r.fileName.startsWith(DEMO_PUBLISHED_SEED) && r.kind.endsWith('-targets'));
  if (!seed) return null;
  const users = await deps.store.users.listUsers();
  const demoUser = (username: string): Actor | null => {
    const user = users.find((u) => u.demo && u.username === username);
    return user ? actorOf(user) : null;
  };
  const admin = demoUser('admin');
  const reviewer = demoUser('finance-reviewer');
  if (!admin || !reviewer) return null;
  const documentId = seed.documentId;
  const unit = seed.department ?? '该单位';

  const asAdmin = { actor: admin, requestId: REQUEST_ID };
  const asReviewer = { actor: reviewer, requestId: REQUEST_ID };
  await transitionTarget(deps, asAdmin, { documentId, action: 'submit', reason: `演示数据：${unit}没有演示账号，由系统管理员代为提交` });
  await transitionTarget(deps, asAdmin, { documentId, action: 'approve-unit', reason: `演示数据：${unit}没有演示账号，由系统管理员代为审批` });
  const conclusion = (await loadReview(deps, documentId)).result.conclusion ?? null;
  if (conclusion !== '优' && conclusion !== '良') await setConclusion(deps, asReviewer, { documentId, conclusion: '良', reason: DEMO_CONCLUSION_REASON });
  await transitionTarget(deps, asReviewer, { documentId, action: 'approve' });
  await publishTargets(deps, asReviewer, { documentId });
  return documentId;
}
