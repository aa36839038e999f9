/**
 * 目标调整 side by side through the services: nothing to compare before an adjustment; after 申请调整 and an edited
 * version, the changes against the approved version with the reason and who asked; approval ends the comparison.
 */
import { buildDocument, buildProject } from '@jixiao/core/testing';
import { describe, expect, it } from 'vitest';
import { approveTargetsForTest, TEST_ADMIN } from '../testing/approve-targets';
import { memoryStore } from '../testing/memory-store';
import { getTargetChanges } from './target-changes';
import { transitionTarget } from './target-workflow';

const doc = (target: string, amount: number) =>
  buildDocument({ department: '广州市荔湾区人民政府金花街道办事处', year: 2024, projects: [buildProject({ name: '社区活动', amount, indicators: [{ name: '举办活动次数', annual: target }] })] });

describe('getTargetChanges', () => {
  it('compares an adjustment with the approved version, naming the reason, until it is approved', async () => {
    const store = memoryStore();
    const { documentId } = await store.documents.saveImport({ document: doc('≥12次', 12.5), year: 2024, fileName: 'jinhua.json', sha256: 'v1' });
    expect(await getTargetChanges({ store }, documentId)).toMatchObject({ adjustment: false, changes: [], approvedVersion: null });
    await approveTargetsForTest({ store }, documentId);
    await transitionTarget({ store }, { actor: TEST_ADMIN, requestId: 't' }, { documentId, action: 'request-adjustment', reason: '年中追加预算，活动场次调减' });
    expect(await getTargetChanges({ store }, documentId)).toMatchObject({ adjustment: true, approvedVersion: 1, currentVersion: 1, changes: [], reason: '年中追加预算，活动场次调减', requestedBy: '系统管理员' });

    await store.documents.saveImport({ document: doc('≥8次', 10), year: 2024, fileName: 'jinhua.json', sha256: 'v2' });
    const changes = await getTargetChanges({ store }, documentId);
    expect(changes).toMatchObject({ adjustment: true, approvedVersion: 1, currentVersion: 2, counts: { added: 0, removed: 0, changed: 2 } });
    expect(changes.changes.map((c) => [c.kindLabel, c.what, c.name, c.fields.map((f) => `${f.field}:${f.before}→${f.after}`)])).toEqual([
      ['调整', 'project', '社区活动', ['项目金额（万元）:12.50→10.00']],
      ['调整', 'indicator', '举办活动次数', ['年度指标值:≥12次→≥8次']],
    ]);

    await approveTargetsForTest({ store }, documentId);
    expect(await getTargetChanges({ store }, documentId)).toMatchObject({ adjustment: false, approvedVersion: 2 });
  });
});
