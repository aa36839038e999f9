import { describe, expect, it } from 'vitest';
import { layoutFixture } from '../layout/fixtures.test-util';
import { checkEvidenceFile, sniffEvidenceType } from './check-evidence';

describe('checkEvidenceFile', () => {
  it('recognises each accepted kind by its content (the committed fixtures of fixtures/layout)', () => {
    expect(sniffEvidenceType(layoutFixture('project-targets.pdf'))).toBe('pdf');
    expect(sniffEvidenceType(layoutFixture('project-targets.docx'))).toBe('docx');
    expect(sniffEvidenceType(layoutFixture('project-targets.xlsx'))).toBe('xlsx');
    expect(sniffEvidenceType(layoutFixture('project-targets.doc'))).toBe('doc');
    expect(sniffEvidenceType(layoutFixture('project-targets.xls'))).toBe('xls');
    expect(sniffEvidenceType(layoutFixture('evidence-photo.png'))).toBe('png');
    expect(sniffEvidenceType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('jpeg');
    expect(sniffEvidenceType(new TextEncoder().encode('整改情况说明'))).toBeNull();
  });

  it('accepts a true file with its type, size and sha256', () => {
    const bytes = layoutFixture('project-selfeval.pdf');
    const check = checkEvidenceFile({ fileName: '整改佐证.PDF', bytes });
    expect(check).toMatchObject({ ok: true, type: 'pdf', mediaType: 'application/pdf', size: bytes.byteLength });
    expect(check.ok && check.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a file whose content is not what its extension says, naming the file and what it is', () => {
    const lying = checkEvidenceFile({ fileName: '整改报告.pdf', bytes: layoutFixture('project-targets.docx') });
    expect(lying).toEqual({ ok: false, message: expect.stringContaining('「整改报告.pdf」') });
    expect(!lying.ok && lying.message).toContain('实际是Word 文档');
    const text = checkEvidenceFile({ fileName: '照片.png', bytes: new TextEncoder().encode('not a picture') });
    expect(!text.ok && text.message).toContain('内容不是可接受的文件');
  });

  it('refuses an empty file, an oversized one and an extension not accepted', () => {
    expect(checkEvidenceFile({ fileName: 'a.pdf', bytes: new Uint8Array() })).toMatchObject({ ok: false, message: expect.stringContaining('是空的') });
    expect(checkEvidenceFile({ fileName: 'a.pdf', bytes: layoutFixture('project-targets.pdf') }, { maxFileBytes: 100 })).toMatchObject({ ok: false, message: expect.stringContaining('超过了') });
    expect(checkEvidenceFile({ fileName: 'run.exe', bytes: new Uint8Array([0x4d, 0x5a]) })).toMatchObject({ ok: false, message: expect.stringContaining('只接受 PDF') });
  });
});
