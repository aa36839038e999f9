/**
 * `jixiao rollover`: next year from last year (结转, issue 13 item 6) — the approved targets of a stored document
 * become a new draft for the next year (or --to-year), amounts cleared unless --keep-amounts; audited with the
 * operator named. Refused (exit 1, nothing written) when the targets were never approved or that year's document
 * already exists.
 */
import { rollOverTargets } from '@jixiao/services';
import type { Command } from '../command';
import { CliError, EXIT_BAD_INPUT, printJson } from '../output';
import { positiveInt } from '../options';
import { withStore } from '../store-env';

export const rolloverCommand: Command = {
  name: 'rollover',
  usage: 'jixiao rollover --document ID [--to-year YYYY] [--keep-amounts] [--by 姓名] [--json]',
  positionals: false,
  help: [
    '以已批复的绩效目标（jixiao export --list 列出编号）为基础生成下一年度的草稿：单位、项目、绩效目标、重点任务和全部指标（层级、指标值、方向）保留，',
    '实际完成值、得分和完成情况清空；金额默认清空（新一年的预算重新填写），--keep-amounts 保留上年金额作为起点。',
    '新草稿与原文档同名（同一文件的下一年度），照常提交、审批和审核。目标未批复、或该年度已有这份目标时拒绝，不做任何修改。',
    '--by 操作人（默认当前系统用户名），记入审计记录。数据库：DATABASE_URL 或 JIXIAO_DATA_DIR（默认 ./data）。',
    '退出码：0 成功，2 参数有误，1 其他错误（例如目标未批复、找不到该文档）。',
  ],
  options: {
    document: { type: 'string', describe: '已批复的目标文档编号（jixiao export --list 列出），例如 3' },
    'to-year': { type: 'string', describe: '结转到的年度，默认原文档的下一年度，例如 2026' },
    'keep-amounts': { type: 'boolean', describe: '保留上年金额作为起点（默认清空）' },
    by: { type: 'string', describe: '操作人姓名，记入审计记录（默认当前系统用户名）' },
    json: { type: 'boolean', describe: '输出 JSON 而不是中文摘要' },
  },
  async run({ values }, io) {
    const documentId = positiveInt('document', values.document);
    if (documentId === undefined) throw new CliError(`缺少 --document ID（jixiao export --list 列出编号）\n用法 (usage): ${this.usage}`, EXIT_BAD_INPUT);
    const toYear = positiveInt('to-year', values['to-year']);
    const result = await withStore(io, (store) => rollOverTargets({ store }, io.change(values.by), { documentId, keepAmounts: values['keep-amounts'] === true, ...(toYear !== undefined ? { toYear } : {}) }));
    if (values.json) return printJson(io, result);
    io.stdout.write(
      `已结转：文档 ${result.from.documentId}（${result.from.year ?? '—'} 年度第 ${result.from.version} 版）→ 文档 ${result.documentId}（${result.year} 年度草稿，${result.projectCount} 个项目、${result.indicatorCount} 条指标，金额${result.keepAmounts ? '保留上年数' : '已清空待填'}）\n`,
    );
  },
};
