/**
 * The review's findings are cached per version and rule set (issue 12 item 6), never its decisions: a second read
 * of the same version runs no check, a reviewer's decision shows at once, and a new version is reviewed afresh.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SYSTEM_CHANGE } from '../access/audit';
import { importDocumentFile } from '../documents/import-document-file';
import { memoryStore } from '../testing/memory-store';
import { decideFinding } from './decide-finding';
import { getReview } from './get-review';
import { reviewCacheCounts } from './review-state';

const SEED_002 = readFileSync(fileURLToPath(new URL('../../../../fixtures/seeds/002_71a78aaa1661d207.pages-1-5.txt', import.meta.url)), 'utf8');
const reviewer = { actor: { userId: 2, username: 'wang', displayName: '王财政', role: 'finance-reviewer' as const, departmentId: null, assignedDepartmentIds: [] }, requestId: 'r' };

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the review cache', () => {
  it('runs the checks once per version, applies decisions fresh, and reviews a new version afresh', async () => {
    const store = memoryStore();
    const { documentId } = await importDocumentFile({ store }, SYSTEM_CHANGE, { fileName: '002.txt', bytes: bytes(SEED_002), year: 2024 });
    // The cache is the module's, keyed by content: another test file in the same worker may have reviewed seed 002
    // already, so the first read is one lookup (a hit or a miss) and the second is certainly a hit.
    const start = reviewCacheCounts();
    const first = await getReview({ store }, { documentId });
    const afterFirst = reviewCacheCounts();
    expect(afterFirst.hits + afterFirst.misses).toBe(start.hits + start.misses + 1);
    const second = await getReview({ store }, { documentId });
    expect(second).toEqual(first);
    expect(reviewCacheCounts()).toEqual({ hits: afterFirst.hits + 1, misses: afterFirst.misses });

    const finding = first.findings.find((f) => f.status === 'open')!;
    const decided = await decideFinding({ store }, reviewer, { documentId, findingKey: finding.finding.key, decision: 'dismiss', reason: '经核实无误' });
    expect(decided.findings.find((f) => f.finding.key === finding.finding.key)?.status).toBe('dismissed');
    expect((await getReview({ store }, { documentId })).findings.find((f) => f.finding.key === finding.finding.key)?.status).toBe('dismissed');

    await importDocumentFile({ store }, SYSTEM_CHANGE, { fileName: '002.txt', bytes: bytes(SEED_002.replace('病媒生物防治', '病媒生物防制')), year: 2024 });
    const misses = reviewCacheCounts().misses;
    expect((await getReview({ store }, { documentId })).document.version).toBe(2);
    expect(reviewCacheCounts().misses).toBe(misses + 1);
  });
});
