import { readFileSync } from 'node:fs';
import { readDocument } from '@jixiao/formats';
import { listProjects } from '@jixiao/core';
import { fmtMs, timeIt, type BenchRow } from './table';

const SEED_002 = new URL('../fixtures/seeds/002_71a78aaa1661d207.pages-1-5.txt', import.meta.url);
const TARGET_BYTES = 10 * 1024 * 1024;

/**
 * About 10 MB of seed-002-style text: the real excerpt's header, then its project rows over and over, each copy
 * renamed (项目名称 + a copy number) so no two projects are alike, with the page headers and footers kept in.
 */
export function generateCompactTableText(targetBytes = TARGET_BYTES): string {
  const lines = readFileSync(SEED_002, 'utf8').split('\n');
  const bodyStart = lines.findIndex((l) => l.startsWith('合计'));
  const head = lines.slice(0, bodyStart + 1);
  const body = lines.slice(bodyStart + 1);
  const parts = [head.join('\n')];
  let size = Buffer.byteLength(parts[0]!);
  for (let copy = 1; size < targetBytes; copy++) {
    const block = body
      .map((line) => (/^\S[^\t]*\t[\d ,.]+\t/.test(line) && !line.startsWith('项目名称') ? line.replace(/^([^\t]+)/, `$1${copy}`) : line))
      .join('\n');
    parts.push(block);
    size += Buffer.byteLength(block) + 1;
  }
  return parts.join('\n');
}

/** Issue 2: parse throughput on 10 MB of seed-002-style text. */
export async function benchParse(): Promise<BenchRow[]> {
  const text = generateCompactTableText();
  const bytes = new TextEncoder().encode(text);
  let projects = 0;
  let indicators = 0;
  const ms = await timeIt(async () => {
    const result = await readDocument({ fileName: 'bench-002.txt', bytes });
    if (!result.ok) throw new Error(`parse bench: the generated text was refused: ${result.error.message}`);
    const list = listProjects(result.document);
    projects = list.length;
    indicators = list.reduce((n, { project }) => n + project.indicators.length, 0);
  }, 3);
  const mbPerSecond = bytes.length / 1024 / 1024 / (ms / 1000);
  return [
    {
      benchmark: `parse ${(bytes.length / 1024 / 1024).toFixed(1)} MB of seed-002-style text`,
      result: `${fmtMs(ms)} → ${mbPerSecond.toFixed(1)} MB/s, ${projects.toLocaleString('en-US')} projects, ${indicators.toLocaleString('en-US')} indicators`,
      goal: 'report (no stated goal)',
      verdict: 'measured',
    },
  ];
}
