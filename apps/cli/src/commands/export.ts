import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { isOutputFormatId, isOutputFormatOf, OUTPUT_FORMAT_IDS, OUTPUT_FORMATS, outputFormat, outputFormatsOf, type OutputSource } from '@jixiao/contract';
import { exportDocument, listDocuments, chinaDate, renderOutput } from '@jixiao/services';
import type { Command } from '../command';
import { CliError, EXIT_BAD_INPUT, printJson } from '../output';
import { withStore } from '../store-env';
import { exportMonitoringTable, MONITORING_EXPORT_HELP } from './export-monitoring';
import { exportAllDocuments } from './export-all';
import { exportSelfEvaluationFile, SELF_EVALUATION_EXPORT_HELP } from './export-self-evaluation';

const positiveInt = (name: string, value: string | boolean | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n < 1) throw new CliError(`--${name} ${String(value)}: 应为正整数 (expected a positive integer)`);
  return n;
};

/** `json|opinion|…`: the registry's ids made from one source. */
const idsOf = (source: OutputSource) => outputFormatsOf(source).map((f) => f.id).join('|');
/** Which option names the object each source's formats are made from. */
const NAMED_BY: Record<OutputSource, string> = {
  document: '--document ID',
  monitoring: '--monitoring ID 或 --document ID --month N',
  'self-evaluation': '--evaluation ID',
  rectification: '--rectification ID',
  department: '--department ID',
};
/** One help line per format of the registry (`OUTPUT_FORMATS`), so a new format is documented where it is added. */
const FORMAT_HELP = OUTPUT_FORMATS.map((f) => `--format ${f.id} ${f.summary}（${NAMED_BY[f.source]}）。`);

/** Today in China Standard Time, `2024-01-15` (the date printed on an opinion or a report). */
const chinaToday = () => chinaDate(new Date());

const text = (value: string | boolean | undefined): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** 整改通知书 (`--rectification ID`) and 整改情况报告 (`--department ID`): one object, one .docx, dated today unless --date. */
async function exportByObject(io: Parameters<Command['run']>[1], format: 'rectification-notice' | 'rectification-report', values: Record<string, string | boolean | undefined>): Promise<void> {
  const { source, extension, label } = outputFormat(format);
  const key = source === 'rectification' ? 'rectification' : 'department';
  const id = positiveInt(key, values[key]);
  if (id === undefined) throw new CliError(`--format ${format} 需要 --${key} ID (--${key} is required)`, EXIT_BAD_INPUT);
  const out = text(values.out);
  if (!out || extname(out).toLowerCase() !== extension) throw new CliError(`--format ${format} 生成的是 ${extension} 文件，请用 --out FILE${extension} 指定输出文件 (--out FILE${extension} is required)`, EXIT_BAD_INPUT);
  const date = text(values.date) ?? chinaToday();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new CliError(`--date ${date}: 应为 YYYY-MM-DD (expected YYYY-MM-DD)`, EXIT_BAD_INPUT);
  const file = await withStore(io, (store) => renderOutput({ store }, format, { id, date }));
  await writeFile(out, file.bytes);
  if (values.json) return printJson(io, { file: out, format, id });
  io.stdout.write(`已导出${label}（${extension}）到 ${out}\n`);
}

export const exportCommand: Command = {
  name: 'export',
  usage: `jixiao export --document ID [--version N] [--format ${idsOf('document')}] [--out FILE] [--reviewer 姓名] [--organization 单位] [--date YYYY-MM-DD] | jixiao export --format ${idsOf('monitoring')} (--monitoring ID | --document ID [--month N]) --out FILE | jixiao export --format ${idsOf('self-evaluation')} --evaluation ID --out FILE | jixiao export --format ${idsOf('rectification')} --rectification ID --out FILE | jixiao export --format ${idsOf('department')} --department ID --out FILE | jixiao export --format json --all [--out FILE] | jixiao export --list [--json]`,
  help: [
    '--document ID 导出该文档的当前版本（--version N 导出第 N 版）；--list 列出已导入的文档：编号、类型、部门、年度、当前版本/版本数、项目数、指标数、文件名。',
    ...FORMAT_HELP,
    '--format json 是默认格式；不指定 --out 时输出到标准输出。',
    '--format json --all 导出全部文档的当前版本（按编号排序，不含导出时间），同样数据的两个数据库导出结果逐字节相同，可用于核对恢复结果。',
    '--format opinion 按内置审核规则集运行全部审核规则、评分并给出结论；--reviewer、--organization 署名，--date 落款日期（默认今天）。--format self-evaluation-table 的 --region 是标题中的地区（默认从部门名称读出，如「荔湾区」）；--format report 按内置评分规则集评分后起草，供单位修改，--date 落款日期（默认今天）。',
    '--format target-table、target-table-docx、approval-notice 用批复版本（--version N 须是曾经批复的版本），落款日期和批复人取自流转记录；草稿或未批复的版本会被拒绝（退出码 1）。',
    ...MONITORING_EXPORT_HELP,
    ...SELF_EVALUATION_EXPORT_HELP,
    `${OUTPUT_FORMAT_IDS.filter((id) => id !== 'json').join('、')} 必须用 --out FILE 指定输出文件。数据库：DATABASE_URL 或 JIXIAO_DATA_DIR（默认 ./data）。`,
    '退出码：0 成功，2 格式与文档类型不符（会列出可用的格式）或参数有误，1 其他错误（例如找不到该文档）。',
  ],
  positionals: false,
  options: {
    document: { type: 'string', describe: '文档编号（jixiao export --list 列出），例如 1' },
    version: { type: 'string', describe: '导出该文档的第 N 版（默认当前版本）' },
    format: { type: 'string', describe: '导出格式：json（默认）、opinion、self-evaluation-table、report、template、target-table(-docx)、approval-notice、monitoring-table(-docx)、自评各表' },
    out: { type: 'string', describe: '输出文件；json 不指定时写到标准输出' },
    list: { type: 'boolean', describe: '列出已导入的文档' },
    all: { type: 'boolean', describe: '与 --format json 一起：导出全部文档的当前版本' },
    json: { type: 'boolean', describe: '--list 输出 JSON；--document 写文件时输出 { file, format, documentId, … } 而不是中文摘要' },
    reviewer: { type: 'string', describe: '评审意见的评审人署名，例如 张三' },
    organization: { type: 'string', describe: '评审意见的评审单位署名；批复通知的发文机关（默认按部门名称推出区财政局）' },
    date: { type: 'string', describe: '落款日期 YYYY-MM-DD（默认今天）' },
    region: { type: 'string', describe: '自评表标题中的地区，例如 荔湾区（默认从部门名称读出）' },
    monitoring: { type: 'string', describe: '绩效监控编号' },
    month: { type: 'string', describe: '监控月份 1–12（与 --document 一起）' },
    evaluation: { type: 'string', describe: '绩效自评编号（jixiao actuals list 列出）' },
    rectification: { type: 'string', describe: '整改事项编号（整改通知书）' },
    department: { type: 'string', describe: '部门编号（整改情况报告）' },
  },
  async run({ positionals, values }, io) {
    if (positionals.length > 0) throw new CliError(`用法 (usage): ${this.usage}`, EXIT_BAD_INPUT);
    if (values.list) {
      const docs = await withStore(io, (store) => listDocuments({ store }));
      if (values.json) printJson(io, { items: docs });
      else if (docs.length === 0) io.stdout.write('数据库中还没有文档。用 jixiao import FILE 导入。\n');
      else {
        const lines = docs.map((d) => `${String(d.id).padStart(4)}  ${d.title}  第 ${d.version}/${d.versionCount} 版  项目 ${d.projectCount}  指标 ${d.indicatorCount}  ${d.fileName ?? ''}`);
        io.stdout.write(`编号  文档  版本  项目  指标  文件\n${lines.join('\n')}\n`);
      }
      return;
    }
    const format = typeof values.format === 'string' ? values.format : 'json';
    if (values.all) {
      if (format !== 'json' || values.document !== undefined) throw new CliError(`--all 只能与 --format json 一起使用，不能再指定 --document (--all exports every document as json)`, EXIT_BAD_INPUT);
      return exportAllDocuments(io, text(values.out));
    }
    if (isOutputFormatOf(format, 'self-evaluation')) return exportSelfEvaluationFile(io, format, { evaluation: positiveInt('evaluation', values.evaluation), out: text(values.out), date: text(values.date) ?? chinaToday() });
    if (!isOutputFormatId(format)) throw new CliError(`--format ${format}: 不支持的格式，可用：${OUTPUT_FORMAT_IDS.join('、')} (unknown format)`, EXIT_BAD_INPUT);
    if (isOutputFormatOf(format, 'monitoring')) {
      const [monitoring, document, month] = (['monitoring', 'document', 'month'] as const).map((k) => positiveInt(k, values[k]));
      return exportMonitoringTable(io, format, { out: text(values.out), ...(monitoring ? { monitoring } : {}), ...(document ? { document } : {}), ...(month ? { month } : {}) });
    }
    if (isOutputFormatOf(format, 'rectification') || isOutputFormatOf(format, 'department')) return exportByObject(io, format, values);
    const documentId = positiveInt('document', values.document);
    if (documentId === undefined) throw new CliError(`缺少 --document ID（可用 jixiao export --list 查看编号）\n用法 (usage): ${this.usage}`, EXIT_BAD_INPUT);
    const version = positiveInt('version', values.version);
    const at = { documentId, ...(version === undefined ? {} : { version }) };
    const out = text(values.out);
    const which = `文档 ${documentId}${version ? ` 第 ${version} 版` : ''}`;

    if (format === 'json') {
      const document = await withStore(io, (store) => exportDocument({ store }, at));
      if (out) {
        await writeFile(out, `${JSON.stringify(document, null, 2)}\n`);
        if (values.json) printJson(io, { file: out, format, ...at });
        else io.stdout.write(`已导出${which} 到 ${out}\n`);
      } else {
        printJson(io, document);
      }
      return;
    }

    if (!isOutputFormatOf(format, 'document')) throw new CliError(`--format ${format}: 不支持的格式 (unknown format)`, EXIT_BAD_INPUT);
    const { extension, label } = outputFormat(format);
    if (!out) throw new CliError(`--format ${format} 生成的是 ${extension} 文件，请用 --out FILE 指定输出文件 (--out is required for ${format})`, EXIT_BAD_INPUT);
    if (extname(out).toLowerCase() !== extension) throw new CliError(`${out}: ${label}文件的扩展名应为 ${extension} (the output file must end in ${extension})`, EXIT_BAD_INPUT);
    const date = text(values.date) ?? chinaToday();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) throw new CliError(`--date ${date}: 应为 YYYY-MM-DD (expected YYYY-MM-DD)`, EXIT_BAD_INPUT);
    const file = await withStore(io, (store) => renderOutput({ store }, format, { ...at, date, reviewer: text(values.reviewer), organization: text(values.organization), region: text(values.region) }));
    try {
      await writeFile(out, file.bytes);
    } catch (e) {
      throw new CliError(`${out}: 无法写入文件 (cannot write the file): ${e instanceof Error ? e.message : String(e)}`);
    }
    if (values.json) return printJson(io, { file: out, format, ...at });
    io.stdout.write(`已导出${which} 的${label}（${extension}）到 ${out}\n`);
  },
};
