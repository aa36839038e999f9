import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocxLayout } from './docx';
import { layoutFixture } from './fixtures.test-util';
import { findSoffice, oleKind, readLegacyLayout } from './legacy';
import { tablesOf, tableTexts, type Layout, type Table } from './model';
import type { LayoutResult } from './result';
import { readXlsxLayout } from './xlsx';

/**
 * These tests run LibreOffice, as a user's upload of a .doc or .xls does: without it they fail, saying what to
 * install, rather than skip (a reader that cannot read .doc must not pass unnoticed).
 */
const soffice = findSoffice();

function must(r: LayoutResult): Layout {
  if (!r.ok) throw new Error(r.error.message);
  return r.layout;
}

const paragraphs = (l: Layout) => l.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
const spans = (t: Table) => t.rows.flat().map((c) => [c.row, c.col, c.rowSpan, c.colSpan]);

describe('legacy .doc and .xls through LibreOffice read like the .docx and .xlsx of the same form', () => {
  const converted = new Map<string, Layout>();
  beforeAll(async () => {
    if (!soffice) throw new Error('LibreOffice (soffice) is not on PATH and JIXIAO_SOFFICE is not set: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui');
    // Four conversions at once: each has its own profile and temp directory.
    const names = ['project-selfeval.doc', 'project-targets.doc', 'project-selfeval.xls', 'project-targets.xls'];
    const results = await Promise.all(names.map((n) => readLegacyLayout(layoutFixture(n), n)));
    names.forEach((n, i) => converted.set(n, must(results[i]!)));
  });

  for (const base of ['project-selfeval', 'project-targets']) {
    it(`${base}.doc: the same paragraphs, cell texts and spans as ${base}.docx`, () => {
      const doc = converted.get(`${base}.doc`)!;
      const docx = must(readDocxLayout(layoutFixture(`${base}.docx`), `${base}.docx`));
      expect(doc.source).toBe('docx');
      expect(paragraphs(doc)).toEqual(paragraphs(docx));
      expect(tablesOf(doc).map(tableTexts)).toEqual(tablesOf(docx).map(tableTexts));
      expect(tablesOf(doc).map(spans)).toEqual(tablesOf(docx).map(spans));
    });

    it(`${base}.xls: the same paragraphs, cell texts and spans as ${base}.xlsx`, () => {
      const xls = converted.get(`${base}.xls`)!;
      const xlsx = must(readXlsxLayout(layoutFixture(`${base}.xlsx`), `${base}.xlsx`));
      expect(xls.source).toBe('xlsx');
      expect(paragraphs(xls)).toEqual(paragraphs(xlsx));
      expect(tablesOf(xls).map(tableTexts)).toEqual(tablesOf(xlsx).map(tableTexts));
      expect(tablesOf(xls).map(spans)).toEqual(tablesOf(xlsx).map(spans));
      expect(tablesOf(xls)[0]?.sheet).toBe('Sheet1');
    });
  }

  it('reads the actual figures of the 自评表 from the .doc', () => {
    const table = tablesOf(converted.get('project-selfeval.doc')!)[0]!;
    expect(tableTexts(table).find((r) => r[1] === '年度资金总额')?.slice(3)).toEqual(['43.2', '43.2', '37.24', '10', '86%', '9']);
  });
});

describe('telling Word from Excel by the compound file directory', () => {
  it('finds WordDocument in the .doc and Workbook in the .xls, whatever they are called', () => {
    expect(oleKind(layoutFixture('project-targets.doc'))).toBe('word');
    expect(oleKind(layoutFixture('project-selfeval.xls'))).toBe('excel');
    expect(oleKind(layoutFixture('project-targets.docx'))).toBe('unknown');
  });

  it('refuses an encrypted .docx/.xlsx (EncryptionInfo + EncryptedPackage) asking to remove the password, without LibreOffice', async () => {
    const r = await readLegacyLayout(compoundFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']), '预算表.xlsx', undefined, { soffice: '/nonexistent/soffice' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('cannot-convert');
    expect(r.error.message).toContain('预算表.xlsx');
    expect(r.error.message).toContain('文件已加密');
    expect(r.error.message).toContain('请去掉密码后再导入');
  });

  it('uses the extension only when the directory does not say, and refuses a PowerPoint file', async () => {
    const none = { soffice: null };
    const word = await readLegacyLayout(compoundFile(['SummaryInformation']), '目标表.wps', undefined, none);
    expect(word.ok ? '' : word.error.message).toContain('LibreOffice');
    const unknown = await readLegacyLayout(compoundFile(['SummaryInformation']), '目标表.bin', undefined, none);
    expect(unknown.ok ? null : unknown.error.code).toBe('unsupported-type');
    const ppt = await readLegacyLayout(compoundFile(['PowerPoint Document']), 'a.doc', undefined, none);
    expect(ppt.ok ? '' : ppt.error.message).toContain('PowerPoint');
  });
});

describe('without LibreOffice, or when it fails', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-legacy-test-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says which packages to install and how to do without them', async () => {
    const r = await readLegacyLayout(layoutFixture('project-targets.doc'), '目标表.doc', undefined, { soffice: null });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('cannot-convert');
    expect(r.error.message).toContain('目标表.doc');
    expect(r.error.message).toContain('apt-get install libreoffice-writer-nogui libreoffice-calc-nogui');
    expect(r.error.message).toContain('在 WPS/Word/Excel 中另存为 .docx 或 .xlsx 后再导入');
  });

  it('finds soffice through JIXIAO_SOFFICE or PATH only', () => {
    expect(findSoffice({ PATH: '/nonexistent:/also-not' })).toBeNull();
    expect(findSoffice({ JIXIAO_SOFFICE: '/nonexistent/soffice', PATH: process.env.PATH })).toBeNull();
    const fake = script(dir, 'soffice', 'exit 0');
    expect(findSoffice({ JIXIAO_SOFFICE: fake })).toBe(fake);
    expect(findSoffice({ PATH: `/nonexistent:${dir}` })).toBe(join(dir, 'soffice'));
  });

  it('refuses a file LibreOffice gives nothing for, naming it, and removes its temp directory', async () => {
    const argsFile = join(dir, 'args');
    const fake = script(dir, 'fail', `printf '%s\\n' "$@" > '${argsFile}'; echo 'Error: source file could not be loaded' >&2; exit 1`);
    const r = await readLegacyLayout(layoutFixture('project-selfeval.xls'), '自评表.xls', undefined, { soffice: fake });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('cannot-convert');
    expect(r.error.message).toContain('自评表.xls');
    expect(r.error.message).toContain('Excel');
    expect(r.error.message).toContain('source file could not be loaded');
    const args = readFileSync(argsFile, 'utf8').split('\n');
    expect(args).toContain('--headless');
    expect(args).toContain('xlsx:Calc MS Excel 2007 XML');
    const profile = args.find((a) => a.startsWith('-env:UserInstallation=file:///'));
    expect(profile).toMatch(/jixiao-lo-[^/]+\/profile$/);
    const outDir = args[args.indexOf('--outdir') + 1]!;
    expect(outDir).toMatch(/jixiao-lo-/);
    expect(existsSync(join(outDir, '..'))).toBe(false);
  });

  it('stops a conversion that takes too long, killing the whole process group', async () => {
    const pidFile = join(dir, 'child.pid');
    // The launcher starts a child, as soffice starts soffice.bin; both must go.
    const fake = script(dir, 'slow', `sleep 30 & echo $! > '${pidFile}'; wait`);
    const started = Date.now();
    const r = await readLegacyLayout(layoutFixture('project-targets.doc'), '目标表.doc', undefined, { soffice: fake, timeoutMs: 500 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.ok ? '' : r.error.message).toContain('超过 1 秒仍未完成');
    const child = Number(readFileSync(pidFile, 'utf8'));
    await new Promise((res) => setTimeout(res, 100));
    expect(alive(child)).toBe(false);
  });
});

function script(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Running, not a zombie waiting for whoever adopted it to reap it. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX] /.test(stat);
  } catch {
    return false;
  }
}

/**
 * A compound file holding only a directory with these stream names (no stream data): enough for what the reader
 * looks at. Header sector, then one directory sector of four 128-byte entries, the root first.
 */
function compoundFile(streams: string[]): Uint8Array {
  const bytes = new Uint8Array(512 + 512);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const view = new DataView(bytes.buffer);
  view.setUint16(0x1e, 9, true); // 512-byte sectors
  view.setUint32(0x30, 0, true); // the directory starts at sector 0
  const entry = (i: number, name: string, type: number) => {
    const at = 512 + i * 128;
    for (let k = 0; k < name.length; k++) view.setUint16(at + k * 2, name.charCodeAt(k), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    bytes[at + 66] = type;
  };
  entry(0, 'Root Entry', 5);
  streams.slice(0, 3).forEach((s, i) => entry(i + 1, s, 2));
  return bytes;
}
