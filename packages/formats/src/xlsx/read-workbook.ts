import { readError } from '../errors';
import type { ReadLimits } from '../limits';
import type { ReadInput, ReadResult } from '../read-document';

// Placeholder until the workbook readers land: every workbook is refused as an unknown layout.
export async function readWorkbook(input: ReadInput, _limits: ReadLimits): Promise<ReadResult> {
  return { ok: false, error: readError('unknown-layout', input.fileName, '暂不支持读取 Excel 文件', 'workbooks are not read yet') };
}
