/**
 * `jixiao export --format monitoring-table|monitoring-table-docx`: the 绩效运行监控表 of a stored monitoring report,
 * named by `--monitoring ID`, or by `--document ID` and `--month N` (the only report of the document when it has
 * one). Kept apart from export.ts because a report, not a document, is what is rendered.
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { outputFormat } from '@jixiao/contract';
import { listMonitoring, renderOutput, type MonitoringExportFormat } from '@jixiao/services';
import type { Store } from '@jixiao/store';
import type { CommandIo } from '../io';
import { CliError, EXIT_BAD_INPUT } from '../output';
import { withStore } from '../store-env';

export const MONITORING_EXPORT_HELP = [
  '监控表（monitoring-table、monitoring-table-docx）按监控开始时确定的规则集计算灯色；用 --monitoring ID 指定监控报告，或用 --document ID --month N（1–12）指定文档和截止月份（该文档只有一份监控报告时可省略 --month）。',
];

async function findReport(store: Store, ids: { monitoring?: number; document?: number; month?: number }): Promise<number> {
  if (ids.monitoring !== undefined) return ids.monitoring;
  if (ids.document === undefined) throw new CliError('监控表须用 --monitoring ID，或 --document ID --month N 指定监控报告 (--monitoring or --document is required)', EXIT_BAD_INPUT);
  const reports = await listMonitoring({ store }, { documentId: ids.document });
  const chosen = ids.month === undefined ? reports : reports.filter((r) => r.cutoffMonth === ids.month);
  if (chosen.length === 1) return chosen[0]!.id;
  const have = reports.map((r) => `${r.id}（${r.period}）`).join('、') || '没有';
  throw new CliError(
    chosen.length === 0
      ? `文档 ${ids.document} 没有${ids.month ? `截至 ${ids.month} 月的` : ''}运行监控报告；已有：${have} (no such monitoring report)`
      : `文档 ${ids.document} 有多份运行监控报告：${have}；请用 --month N 或 --monitoring ID 指定 (several reports, choose one)`,
  );
}

export async function exportMonitoringTable(io: CommandIo, format: MonitoringExportFormat, options: { out: string | undefined; monitoring?: number; document?: number; month?: number }): Promise<void> {
  const { extension, label } = outputFormat(format);
  const { out } = options;
  if (!out) throw new CliError(`--format ${format} 生成的是 ${extension} 文件，请用 --out FILE 指定输出文件 (--out is required for ${format})`, EXIT_BAD_INPUT);
  if (extname(out).toLowerCase() !== extension) throw new CliError(`${out}: ${label}文件的扩展名应为 ${extension} (the output file must end in ${extension})`, EXIT_BAD_INPUT);
  if (options.month !== undefined && options.month > 12) throw new CliError(`--month ${options.month}: 应为 1–12 (expected 1–12)`, EXIT_BAD_INPUT);
  const file = await withStore(io, async (store) => renderOutput({ store }, format, { id: await findReport(store, options) }));
  try {
    await writeFile(out, file.bytes);
  } catch (e) {
    throw new CliError(`${out}: 无法写入文件 (cannot write the file): ${e instanceof Error ? e.message : String(e)}`);
  }
  io.stdout.write(`已导出运行监控报告的${label}（${extension}）到 ${out}\n`);
}
