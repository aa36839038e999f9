import type { PerformanceDocument } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { buildDocument, buildProject } from '@jixiao/core/testing';
import { AppError } from '../errors';
import type { CatalogQueries, DocumentStore, DocumentSummary } from '../ports';
import { renderReviewOpinion } from '../review/render-review-opinion';
import { renderSelfEvaluationReport } from '../self-evaluation/render-self-evaluation-report';
import { regionOf, renderSelfEvaluationTable } from '../self-evaluation/render-self-evaluation-table';
import { renderTemplate } from './render-template';

/** A store holding one document (id 1). */
function storeOf(document: PerformanceDocument): { documents: DocumentStore; catalog: Pick<CatalogQueries, 'targetBenchmarks'> } {
  // What the review's findings are keyed by (the content's sha256) and read (the year, the document's own id).
  const summary = { id: 1, sha256: `render-test-${document.kind}`, year: document.year } as DocumentSummary;
  return {
    documents: {
      saveImport: () => Promise.reject(new Error('not used')),
      listDocuments: () => Promise.resolve([]),
      pageDocuments: () => Promise.resolve({ items: [], total: 0 }),
      packImport: (packedFor) => ({ packedFor }),
      getDocument: (id) => (id === 1 ? Promise.resolve({ summary, document }) : Promise.reject(new AppError('NOT_FOUND', '找不到'))),
    },
    catalog: { targetBenchmarks: () => Promise.resolve([]) },
  };
}

const targets = buildDocument({ department: '广州市荔湾区人民政府金花街道办事处', year: 2024, projects: [buildProject({ name: '社区活动', amount: 12.34 })] });

describe('render verbs', () => {
  it('renders a target document as an opinion (.docx) and a filled template (.xlsx)', async () => {
    const store = storeOf(targets);
    const opinion = await renderReviewOpinion({ store }, { documentId: 1, date: '2024-01-15' });
    expect([...opinion.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    expect(opinion.fileName).toBe('广州市荔湾区人民政府金花街道办事处2024年度项目支出绩效目标编制评审意见.docx');
    expect(opinion.review.conclusion).toMatch(/^[优良中差]$/);
    const template = await renderTemplate({ store }, { documentId: 1 });
    expect(template.fileName.endsWith('.xlsx')).toBe(true);
  });

  it('refuses a document of the wrong kind with BAD_INPUT naming the formats that fit', async () => {
    const store = storeOf(targets);
    for (const render of [() => renderSelfEvaluationTable({ store }, { documentId: 1 }), () => renderSelfEvaluationReport({ store }, { documentId: 1, date: '2024-01-15' })]) {
      const error = await render().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('BAD_INPUT');
      expect((error as AppError).message).toContain('项目支出绩效目标');
      expect((error as AppError).message).toContain('opinion');
      expect((error as AppError).message).toContain('template');
    }
  });

  it('reads the district for the table title from the department name', () => {
    expect(regionOf('广州市荔湾区人民政府多宝街道办事处')).toBe('荔湾区');
    expect(regionOf('某某单位')).toBeUndefined();
    expect(regionOf(null)).toBeUndefined();
  });
});
