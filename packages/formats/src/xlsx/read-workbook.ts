/**
 * Reads an .xlsx: the guard judges the zip first (size, ratio, entries, sheets, rows, cells, encryption,
 * truncation), then its sheets are read from the XML parts into plain grids (sheet-xml.ts) and the workbook is
 * read as the department template, or as a project table
 * (the jixiao template or a district layout). A workbook in none of these shapes is refused with the columns
 * that were expected. Never throws.
 */
import { readError } from '../errors';
import type { ReadLimits } from '../limits';
import type { ReadInput, ReadResult } from '../read-document';
import { PROJECT_FIELD_TITLES } from './columns';
import { loadWorkbook } from './load-workbook';
import { looksLikeDepartmentWorkbook, readDepartmentWorkbook } from './read-department-workbook';
import { readProjectWorkbook } from './read-project-workbook';

export async function readWorkbook(input: ReadInput, limits: ReadLimits): Promise<ReadResult> {
  const { fileName, bytes } = input;
  const loaded = await loadWorkbook(fileName, bytes, limits);
  if (!loaded.ok) return loaded;
  try {
    const { grids, keywords } = loaded;
    const department = looksLikeDepartmentWorkbook(grids, keywords) ? readDepartmentWorkbook(grids, fileName) : null;
    const document = department ?? readProjectWorkbook(grids, fileName, keywords);
    if (document) return { ok: true, document };
    const names = grids.map((g) => `「${g.name}」`).join('、') || '（无）';
    return {
      ok: false,
      error: readError(
        'unknown-layout',
        fileName,
        `无法识别工作簿版式（工作表：${names}）：没有找到项目表的表头。需要一行表头含「${PROJECT_FIELD_TITLES.name[0]}」列，以及「金额/总计」「财政拨款」「财政专户拨款」「其他资金」「绩效目标」「绩效指标」「三级指标」中的至少两列；或使用 jixiao template 生成的模板`,
        'unknown workbook layout; expected a header row with 项目名称 and at least two of 金额/总计, 财政拨款, 财政专户拨款, 其他资金, 绩效目标, 绩效指标, 三级指标, or a jixiao template',
      ),
    };
  } catch (e) {
    // A reader bug must not take the caller down: report it as an unreadable workbook.
    const detail = e instanceof Error ? e.message.slice(0, 120) : String(e);
    return { ok: false, error: readError('invalid-workbook', fileName, '读取工作簿时出错', `failed to read the workbook: ${detail}`) };
  }
}
