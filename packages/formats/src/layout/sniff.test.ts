import { describe, expect, it } from 'vitest';
import { layoutFixture } from './fixtures.test-util';
import { writeProjectTargetsTemplate } from '../templates/write-project-template';
import { sniffFormat } from './sniff';

describe('sniffFormat reads the bytes, not the name', () => {
  it('knows the LibreOffice fixtures', () => {
    expect(sniffFormat(layoutFixture('project-selfeval.docx'))).toBe('docx');
    expect(sniffFormat(layoutFixture('project-selfeval.pdf'))).toBe('pdf');
    expect(sniffFormat(layoutFixture('project-selfeval.html'))).toBe('text');
  });
  it('knows an .xlsx jixiao writes itself, whatever its name', async () => {
    expect(sniffFormat(await writeProjectTargetsTemplate())).toBe('xlsx');
  });
  it('tells OLE (.doc/.xls/.wps/.et) and plain text', () => {
    expect(sniffFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe('ole');
    expect(sniffFormat(new TextEncoder().encode('项目支出绩效自评表'))).toBe('text');
    expect(sniffFormat(new TextEncoder().encode('\n%PDF-1.7\n'))).toBe('pdf');
  });
  it('a cut-off zip is a zip of unknown kind (its reader then says it is truncated)', () => {
    const docx = layoutFixture('project-selfeval.docx');
    expect(sniffFormat(docx.subarray(0, 500))).toBe('zip');
  });
});
