/**
 * Bounded fuzzing of every reader: the seeds (fixtures/seeds/*.txt), the .xlsx templates this package writes (filled
 * from seed 002) and the interchange JSON, mutated deterministically (a seeded PRNG: byte flips, truncation, slices
 * duplicated, long runs of digits, spaces and dots, lines deleted, huge numbers; for .xlsx also changes inside the zip
 * entries). Every input must be read (a document) or refused with a ReadError — never any other exception — and each
 * within 5 s (a bound that catches a runaway input — a backtracking pattern, a loop that never ends — not a speed
 * goal: a busy test machine once took 2.1 s on an input read in 0.1 s idle). The run stops generating inputs after a time budget, so the test stays under a minute.
 * `npm run check:fast` sets a shorter budget (JIXIAO_FUZZ_BUDGET_MS): the same inputs in the same order, fewer of
 * them; `npm test` runs the whole budget.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReadErrorCode } from './errors';
import { readDocument } from './read-document';
import { makeZip } from './xlsx/test-workbooks';
import { writeDepartmentTargetsTemplate } from './templates/write-department-template';
import { writeProjectTargetsTemplate } from './templates/write-project-template';
import { entryDataOffset, readZipDirectory } from './xlsx/zip-directory';

const SEEDS = fileURLToPath(new URL('../../../fixtures/seeds/', import.meta.url));
const PER_INPUT_MS = 5_000;
const BUDGET_MS = Number(process.env.JIXIAO_FUZZ_BUDGET_MS) || 40_000;
const CODES: readonly ReadErrorCode[] = ['empty', 'binary', 'too-large', 'truncated', 'unsupported-type', 'unknown-layout', 'invalid-json', 'invalid-workbook', 'unsafe-workbook', 'reader-failed', 'nothing-read', 'cannot-convert'];

/** mulberry32: small, fast, and the same sequence on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T };
}
type Rand = ReturnType<typeof prng>;

const enc = new TextEncoder();
const dec = new TextDecoder();
const RUNS = ['0', ' ', '.', '1.', '0 ', '\t', '、', '。', '\n', '1,', '-', '１'];

/** Mutations of text (and of the XML inside a workbook). */
const TEXT_MUTATIONS: Array<(s: string, r: Rand) => string> = [
  (s, r) => s.slice(0, r.int(s.length)),
  (s, r) => {
    const a = r.int(s.length);
    const b = Math.min(s.length, a + r.int(20_000));
    return s.slice(0, b) + s.slice(a, b).repeat(1 + r.int(5)) + s.slice(b);
  },
  (s, r) => {
    const at = r.int(s.length);
    return s.slice(0, at) + r.pick(RUNS).repeat(50_000 + r.int(250_000)) + s.slice(at);
  },
  (s, r) => s.split('\n').filter(() => r.next() > 0.2).join('\n'),
  (s, r) => s.replace(/\d+/g, (m) => (r.next() < 0.1 ? '9'.repeat(300 + r.int(400)) : m)),
  (s) => s.split('\n').join('\n\n'),
  (s, r) => s.split('\n').map((l) => (r.next() < 0.05 ? `${l}${r.pick(RUNS).repeat(2_000)}` : l)).join('\n'),
  (s, r) => {
    const lines = s.split('\n');
    for (let i = lines.length - 1; i > 0; i--) if (r.next() < 0.1) [lines[i], lines[i - 1]] = [lines[i - 1]!, lines[i]!];
    return lines.join('\n');
  },
];

function flipBytes(bytes: Uint8Array, r: Rand): Uint8Array {
  const out = bytes.slice();
  for (let k = 1 + r.int(20); k > 0; k--) out[r.int(out.length)] = r.int(256);
  return out;
}

function mutateBytes(bytes: Uint8Array, r: Rand): Uint8Array {
  switch (r.int(3)) {
    case 0:
      return flipBytes(bytes, r);
    case 1:
      return bytes.slice(0, r.int(bytes.length));
    default: {
      const a = r.int(bytes.length);
      const b = Math.min(bytes.length, a + r.int(4_096));
      const out = new Uint8Array(bytes.length + (b - a));
      out.set(bytes.subarray(0, b));
      out.set(bytes.subarray(a), b);
      return out;
    }
  }
}

function unzip(bytes: Uint8Array): Array<{ name: string; data: Uint8Array }> {
  const dir = readZipDirectory(bytes);
  if (!dir.ok) throw new Error('the template is not a zip');
  return dir.entries.map((e) => {
    const start = entryDataOffset(bytes, e);
    const raw = bytes.subarray(start, start + e.compressedSize);
    return { name: e.name, data: e.method === 0 ? raw.slice() : new Uint8Array(inflateRawSync(raw)) };
  });
}

/** Changes inside the zip: one entry's XML mutated, an entry dropped or duplicated, huge row/column references. */
function mutateWorkbook(bytes: Uint8Array, r: Rand): Uint8Array {
  const entries = unzip(bytes);
  const xml = entries.filter((e) => e.name.endsWith('.xml'));
  const target = r.pick(xml.length ? xml : entries);
  switch (r.int(5)) {
    case 0:
      return makeZip(entries.filter((e) => e !== target));
    case 1:
      return makeZip([...entries, target]);
    case 2: {
      const text = dec.decode(target.data).replace(/r="([A-Z]+)(\d+)"/g, (m, c: string, n: string) => (r.next() < 0.05 ? `r="${r.pick(['XFD', 'ZZZ', c])}${r.pick(['1048576', '99999999', n])}"` : m));
      return makeZip(entries.map((e) => (e === target ? { name: e.name, data: enc.encode(text) } : e)));
    }
    case 3:
      return makeZip(entries.map((e) => (e === target ? { name: e.name, data: flipBytes(e.data, r) } : e)));
    default: {
      const text = r.pick(TEXT_MUTATIONS)(dec.decode(target.data), r);
      return makeZip(entries.map((e) => (e === target ? { name: e.name, data: enc.encode(text) } : e)));
    }
  }
}

async function seeds(): Promise<Array<{ name: string; bytes: Uint8Array; kind: 'text' | 'xlsx' }>> {
  const texts = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(SEEDS + f)), kind: 'text' as const }));
  const seed002 = texts.find((t) => t.name.startsWith('002'))!;
  const read = await readDocument({ fileName: seed002.name, bytes: seed002.bytes });
  if (!read.ok) throw new Error(read.error.message);
  return [
    ...texts,
    { name: 'seed-002.json', bytes: enc.encode(JSON.stringify(read.document)), kind: 'text' },
    { name: 'project-template.xlsx', bytes: await writeProjectTargetsTemplate(read.document), kind: 'xlsx' },
    { name: 'department-template.xlsx', bytes: await writeDepartmentTargetsTemplate(), kind: 'xlsx' },
  ];
}

describe('fuzzing the readers', () => {
  it('reads or refuses every mutated seed with a ReadError, each within 2 s', async () => {
    const r = prng(20_240_601);
    const inputs = await seeds();
    const failures: string[] = [];
    let slowest = { ms: 0, what: '' };
    let count = 0;
    const started = performance.now();
    for (let round = 0; performance.now() - started < BUDGET_MS && round < 150; round++) {
      for (const seed of inputs) {
        if (performance.now() - started >= BUDGET_MS) break;
        const how = r.int(4);
        let bytes: Uint8Array;
        if (seed.kind === 'xlsx') bytes = how === 0 ? mutateBytes(seed.bytes, r) : mutateWorkbook(seed.bytes, r);
        else if (how === 0) bytes = mutateBytes(seed.bytes, r);
        else bytes = enc.encode(r.pick(TEXT_MUTATIONS)(dec.decode(seed.bytes), r));
        const what = `${seed.name} round ${round} (${bytes.length} bytes)`;
        const t0 = performance.now();
        try {
          const result = await readDocument({ fileName: seed.name, bytes });
          if (result.ok) {
            if (!Array.isArray(result.document.units) || !Array.isArray(result.document.problems)) failures.push(`${what}: a document without units or problems`);
          } else if (!CODES.includes(result.error.code) || !result.error.message.startsWith(`${seed.name}: `) || result.error.message.includes('\n')) {
            failures.push(`${what}: refusal ${JSON.stringify(result.error).slice(0, 200)}`);
          }
        } catch (e) {
          failures.push(`${what}: threw ${String(e).slice(0, 200)}`);
        }
        const ms = performance.now() - t0;
        count++;
        if (ms > slowest.ms) slowest = { ms, what };
        if (ms > PER_INPUT_MS) failures.push(`${what}: took ${Math.round(ms)} ms`);
      }
    }
    expect(count).toBeGreaterThan(50);
    expect(failures, `${count} inputs, slowest ${Math.round(slowest.ms)} ms: ${slowest.what}`).toEqual([]);
  }, 90_000);
});
