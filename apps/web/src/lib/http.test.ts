import { describe, expect, it } from 'vitest';
import { chineseReason } from './http';

describe('chineseReason', () => {
  it('drops the English the command line gets after the Chinese', () => {
    expect(chineseReason('a.txt: 文档没有写明预算年度，请指定预算年度后再导入。 (the document states no budget year; give one)')).toBe('a.txt: 文档没有写明预算年度，请指定预算年度后再导入。');
  });

  it('keeps brackets that are part of the Chinese message, and a message with no English', () => {
    expect(chineseReason('请在 Excel 中另存为 .xlsx（Excel 工作簿）后再导入')).toBe('请在 Excel 中另存为 .xlsx（Excel 工作簿）后再导入');
    expect(chineseReason('第 3 行 (C 列) 的金额不是数字')).toBe('第 3 行 (C 列) 的金额不是数字');
  });
});
