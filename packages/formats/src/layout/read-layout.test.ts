import { describe, expect, it } from 'vitest';
import { makeZip } from '../xlsx/test-workbooks';
import { layoutFixture } from './fixtures.test-util';
import { tablesOf } from './model';
import { readLayout } from './read-layout';

const NO_SOFFICE = { soffice: null };

describe('readLayout dispatches by content, not by name', () => {
  it.each([
    ['project-selfeval.pdf', 'pdf', 'pdf'],
    ['project-selfeval.docx', 'docx', 'docx'],
    ['project-selfeval.xlsx', 'xlsx', 'xlsx'],
  ] as const)('%s → %s adapter, sniffed %s', async (name, source, sniffed) => {
    const r = await readLayout({ fileName: name, bytes: layoutFixture(name) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.layout.source).toBe(source);
    expect(r.sniffed).toBe(sniffed);
    expect(tablesOf(r.layout).length).toBeGreaterThan(0);
  });

  it('reads a .txt that is really a PDF, and an .xlsx that is really a .docx, as what they are, saying so in `sniffed`', async () => {
    const pdf = await readLayout({ fileName: '自评表.txt', bytes: layoutFixture('project-selfeval.pdf') });
    expect(pdf.ok && [pdf.sniffed, pdf.layout.source]).toEqual(['pdf', 'pdf']);
    const docx = await readLayout({ fileName: '目标表.xlsx', bytes: layoutFixture('project-targets.docx') });
    expect(docx.ok && [docx.sniffed, docx.layout.source]).toEqual(['docx', 'docx']);
  });

  it('sends a compound file to the legacy adapter (here without LibreOffice: refused, saying what to install)', async () => {
    const r = await readLayout({ fileName: '目标表.doc', bytes: layoutFixture('project-targets.doc') }, undefined, NO_SOFFICE);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('cannot-convert');
    expect(r.error.message).toContain('libreoffice-writer-nogui');
  });

  it('refuses a scanned PDF (a picture, no text layer) naming its pages, no OCR', async () => {
    const r = await readLayout({ fileName: '扫描件.pdf', bytes: layoutFixture('scanned-form.pdf') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('cannot-convert');
    expect(r.error.message).toContain('扫描件.pdf: 这是扫描件（图片），没有文字层（共 1 页）：请使用可复制文字的 PDF、Word 或 Excel 原件（本系统不做文字识别）');
  });

  it('refuses a zip that is neither Word nor Excel, and text (which readDocument reads itself)', async () => {
    const zip = makeZip([{ name: 'readme.txt', data: new TextEncoder().encode('项目名称') }]);
    const z = await readLayout({ fileName: '附件.zip', bytes: zip });
    expect(z.ok ? '' : z.error.message).toContain('不是 Word (.docx) 或 Excel (.xlsx)');
    const t = await readLayout({ fileName: 'a.pdf', bytes: new TextEncoder().encode('项目名称\t金额\n') });
    expect(t.ok ? null : t.error.code).toBe('unsupported-type');
  });
});
