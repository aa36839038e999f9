/**
 * `jixiao export --format project-self-evaluation-table|department-self-evaluation-table|self-evaluation-report|
 * actuals-workbook --evaluation ID --out FILE`: the documents of a stored self-evaluation (the entries laid over its
 * frozen targets), the same files the web page downloads. Kept apart from export.ts because an evaluation, not a
 * document, is what is rendered.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { outputFormat } from '@jixiao/contract';
import { renderOutput, type SelfEvaluationFileFormat } from '@jixiao/services';
import type { CommandIo } from '../io';
import { CliError, EXIT_BAD_INPUT } from '../output';
import { withStore } from '../store-env';

export const SELF_EVALUATION_EXPORT_HELP = [
  '--evaluation ID 导出一份绩效自评（jixiao actuals list 列出编号）的自评表、自评报告或预填的实际完成值填报表（actuals-workbook，填好后用 jixiao actuals import 导入）。得分、比率均按填报数据和规则集重新计算。',
];

export async function exportSelfEvaluationFile(io: CommandIo, format: SelfEvaluationFileFormat, input: { evaluation: number | undefined; out: string | undefined; date: string }): Promise<void> {
  const { label, extension } = outputFormat(format);
  if (input.evaluation === undefined) throw new CliError(`--format ${format} 须用 --evaluation ID 指定绩效自评（jixiao actuals list 列出编号） (--evaluation is required)`, EXIT_BAD_INPUT);
  if (!input.out) throw new CliError(`--format ${format} 生成的是 ${extension} 文件，请用 --out FILE 指定输出文件 (--out is required for ${format})`, EXIT_BAD_INPUT);
  if (extname(input.out).toLowerCase() !== extension) throw new CliError(`${input.out}: ${label}文件的扩展名应为 ${extension} (the output file must end in ${extension})`, EXIT_BAD_INPUT);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || Number.isNaN(Date.parse(input.date))) throw new CliError(`--date ${input.date}: 应为 YYYY-MM-DD (expected YYYY-MM-DD)`, EXIT_BAD_INPUT);
  const id = input.evaluation;
  const file = await withStore(io, (store) => renderOutput({ store }, format, { id, date: input.date }));
  try {
    await writeFile(input.out, file.bytes);
  } catch (e) {
    throw new CliError(`${input.out}: 无法写入文件 (cannot write the file): ${e instanceof Error ? e.message : String(e)}`);
  }
  io.stdout.write(`已导出绩效自评 ${id} 的${label}（${extension}）到 ${input.out}\n`);
}
