import { describe, expect, it } from 'vitest';
import { ACCEPT, checkChosenFiles, deadlineText, fileSize } from './model';

describe('整改 page model', () => {
  it('says the deadline in words', () => {
    expect([deadlineText(5), deadlineText(0), deadlineText(-3), deadlineText(null)]).toEqual(['剩 5 天', '今天到期', '逾期 3 天', '—']);
  });

  it('checks the chosen files by name, size and count, naming each', () => {
    expect(checkChosenFiles([{ name: '凭证.pdf', size: 1000 }])).toEqual([]);
    expect(checkChosenFiles([{ name: '说明.txt', size: 10 }, { name: '扫描.pdf', size: 11 * 1024 * 1024 }])).toEqual(['「说明.txt」不是可接受的类型（PDF、图片、Word、Excel）。', '「扫描.pdf」有 11.0 MB，超过 10.0 MB。']);
    expect(fileSize(812 * 1024)).toBe('812 KB');
    expect(ACCEPT).toContain('.jpeg');
  });
});
