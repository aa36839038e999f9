/**
 * Demo data: a few rectification items (整改) so the 整改 pages and 工作台 are not empty on a first visit. Seed 001
 * reports an inspection's feedback (「巡察反馈整改，反馈的 19 个问题已完成整改 11 个、基本完成 8 个……追缴党费 16,924
 * 元、追回重复领取慰问金 22,000 元」); two of those problems become items of 金花街道 (where the demo accounts work):
 * one already fed back with a PDF and verified, one issued and waiting for the unit's feedback. A third, of 花地街道,
 * is issued (花地 has no demo account: it waits there). Every step goes through the real commands, audited.
 * Run once, right after the first seeding.
 */
import type { Actor } from '@jixiao/core';
import { beijingDate } from '@jixiao/core';
import { actorOf } from '../access/actor-of';
import { createRectification, feedbackRectification, moveRectification } from '../rectification/change-rectification';
import type { CommandDeps } from '../unit-of-work';
import { demoPdf } from './demo-pdf';
import type { SeedReport } from './seed-demo-data';

const REQUEST_ID = 'demo-seed';
const INSPECTION = '区委巡察组巡察反馈意见（演示）';

/** A Beijing date `days` after `now`. */
function daysAfter(now: Date, days: number): string {
  return beijingDate(new Date(now.getTime() + days * 86_400_000));
}

export async function seedDemoRectifications(deps: CommandDeps, report: SeedReport, now: Date = new Date()): Promise<number[]> {
  if (!report.seeded) return [];
  const users = await deps.store.users.listUsers();
  const demoUser = (username: string): Actor | null => {
    const user = users.find((u) => u.demo && u.username === username);
    return user ? actorOf(user) : null;
  };
  const reviewer = demoUser('finance-reviewer');
  const editor = demoUser('jinhua-editor');
  if (!reviewer || !editor || editor.departmentId === null) return [];
  const departments = await deps.store.catalog.listDepartmentNames();
  const huadi = departments.find((d) => d.name.includes('花地'));
  const asReviewer = { actor: reviewer, requestId: REQUEST_ID };
  const common = { sourceKind: 'inspection' as const, sourceReference: INSPECTION, basis: `${INSPECTION}：反馈问题须逐项整改、逐项销号`, issue: true };

  const paid = await createRectification(
    deps,
    asReviewer,
    { ...common, departmentId: editor.departmentId, unitName: '金花街道办事处', responsiblePerson: '社会事务办', problem: '重复发放慰问金 22,000 元，发放前未核对名单', measures: '追回重复领取的慰问金，建立慰问金发放台账和发放前核对制度', deadline: daysAfter(now, 30) },
    now,
  );
  await feedbackRectification(
    deps,
    { actor: editor, requestId: REQUEST_ID },
    { id: paid.id, revision: paid.revision, text: '已追回重复领取的慰问金 22,000 元，制定《慰问金发放管理办法》，发放台账见附件。', files: [{ fileName: '慰问金追回凭证.pdf', bytes: demoPdf('Receipt: 22,000 yuan recovered (demo)') }] },
    now,
  );
  const fed = await deps.store.rectifications.get(paid.id);
  await moveRectification(deps, asReviewer, { id: paid.id, action: 'verify', revision: fed.revision, text: '凭证与台账齐全，同意销号。' }, now);

  const dues = await createRectification(
    deps,
    asReviewer,
    { ...common, departmentId: editor.departmentId, unitName: '金花街道办事处', responsiblePerson: '党建工作办', problem: '部分党员未按规定足额缴纳党费，应追缴 16,924 元', measures: '逐人核对党费缴纳基数，追缴欠缴党费并建立按月核对机制', deadline: daysAfter(now, 45) },
    now,
  );
  const made = [paid.id, dues.id];
  if (huadi) {
    const other = await createRectification(
      deps,
      asReviewer,
      { ...common, departmentId: huadi.id, unitName: '花地街道办事处', responsiblePerson: '综合办', problem: '政府采购合同未在规定时间内公开', measures: '补充公开合同，完善采购合同公开流程', deadline: daysAfter(now, 60) },
      now,
    );
    made.push(other.id);
  }
  return made;
}
