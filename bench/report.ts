/**
 * Issue 4: the time to write one department's full 自评报告 — read the department self-evaluation (seed 001, the
 * longest report), score it with the rule set, draft every section from the data and write the .docx. Goal: under
 * half a second. The first (cold) run is shown beside the median of the warm runs, since a person clicks once.
 */
import { readFileSync } from 'node:fs';
import { draftSelfEvaluationReport } from '@jixiao/core';
import { readDocument, writeSelfEvaluationReport } from '@jixiao/formats';
import { scoreDepartmentDocument } from '@jixiao/services';
import { fmtMs, type BenchRow } from './table';

const SEED_001 = new URL('../fixtures/seeds/001_c5157ef09bc22086.txt', import.meta.url);

async function writeReport(bytes: Uint8Array): Promise<number> {
  const read = await readDocument({ fileName: '001_c5157ef09bc22086.txt', bytes });
  if (!read.ok) throw new Error(`seed 001 could not be read: ${read.error.message}`);
  const document = read.document;
  const score = scoreDepartmentDocument(document, 'achieved');
  const draft = draftSelfEvaluationReport({ document, score });
  const docx = await writeSelfEvaluationReport({ draft, signedBy: draft.department, date: '2026年11月23日' });
  return docx.byteLength;
}

export async function benchReport(): Promise<BenchRow[]> {
  const bytes = new Uint8Array(readFileSync(SEED_001));
  let t0 = performance.now();
  const size = await writeReport(bytes);
  const cold = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    t0 = performance.now();
    await writeReport(bytes);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  return [
    {
      benchmark: "one department's 自评报告 (seed 001: read, score, draft, .docx)",
      result: `${fmtMs(median)} median of 9, first run ${fmtMs(cold)}; ${(size / 1024).toFixed(0)} KB`,
      goal: '< 0.5 s',
      verdict: Math.max(median, cold) < 500 ? 'met' : 'MISSED',
    },
  ];
}
