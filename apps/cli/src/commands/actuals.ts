/**
 * `jixiao actuals`: the self-evaluation from the command line — start one for a stored document and year, list
 * them, and import a filled actuals workbook (the one `jixiao export --format actuals-workbook` or the web page
 * gives). A workbook with any error is refused whole: exit 2 and one line naming the file and the first errors by
 * sheet, row and column; nothing is written.
 */
import { importActualsWorkbook, listSelfEvaluations, startSelfEvaluation } from '@jixiao/services';
import type { Command } from '../command';
import { CliError, EXIT_BAD_INPUT, printJson } from '../output';
import { readFile } from 'node:fs/promises';
import { positiveInt } from '../options';
import { withStore } from '../store-env';


export const actualsCommand: Command = {
  name: 'actuals',
  usage: 'jixiao actuals start --document ID --year YYYY [--by 姓名] [--json] | jixiao actuals list [--json] | jixiao actuals import FILE --evaluation ID [--by 姓名] [--json]',
  help: [
    'start：为已导入的文档（jixiao export --list 列出编号）开始某年度的绩效自评，绩效目标取自目标版本（只读）；导入的自评文档（如自评表、自评报告）以其自身的完成值为填报内容。',
    'list：列出绩效自评：编号、年度、文档、修订号、最后保存人。',
    'import FILE：导入填好的实际完成值填报表（jixiao export --format actuals-workbook --evaluation ID --out FILE 导出）。',
    '  任何一处错误（如「实际完成值」工作表第 12 行 I 列：无法识别为数值）都整份拒收，不做任何修改。',
    '--by 填报人（默认当前系统用户名）。数据库：DATABASE_URL 或 JIXIAO_DATA_DIR（默认 ./data）。',
    '退出码：0 成功，2 文件无法读取或填报表有错误，1 其他错误（例如找不到该自评）。',
  ],
  options: { document: { type: 'string', describe: '开始自评的目标文档编号（jixiao export --list 列出），例如 3' }, year: { type: 'string', describe: '自评年度，例如 2024' }, evaluation: { type: 'string', describe: '导入填报表的绩效自评编号（jixiao actuals list 列出）' }, by: { type: 'string', describe: '填报人姓名，记入审计记录（默认当前系统用户名）' }, json: { type: 'boolean', describe: '输出 JSON 而不是中文摘要' } },
  async run({ positionals, values }, io) {
    const [action, ...rest] = positionals;
    if (action === 'start' && rest.length === 0) {
      const documentId = positiveInt('document', values.document);
      const year = positiveInt('year', values.year);
      if (documentId === undefined || year === undefined) throw new CliError(`缺少 --document ID 或 --year YYYY\n用法 (usage): ${this.usage}`, EXIT_BAD_INPUT);
      const started = await withStore(io, (store) => startSelfEvaluation({ store }, io.change(values.by), { documentId, year }));
      if (values.json) return printJson(io, started);
      io.stdout.write(`已开始绩效自评 ${started.id}：${started.period} 年度 ${started.title}（目标文档 ${started.documentId} 第 ${started.targetVersion} 版，规则集 ${started.ruleSet.ref}）\n`);
      return;
    }
    if (action === 'list' && rest.length === 0) {
      const items = await withStore(io, (store) => listSelfEvaluations({ store }));
      if (values.json) printJson(io, { items });
      else if (items.length === 0) io.stdout.write('还没有绩效自评。用 jixiao actuals start --document ID --year YYYY 开始。\n');
      else io.stdout.write(`编号  年度  文档  修订  最后保存\n${items.map((e) => `${String(e.id).padStart(4)}  ${e.period}  ${e.title}  第 ${e.revision} 版  ${e.updatedBy}`).join('\n')}\n`);
      return;
    }
    if (action === 'import' && rest.length === 1) {
      const file = rest[0]!;
      const id = positiveInt('evaluation', values.evaluation);
      if (id === undefined) throw new CliError(`缺少 --evaluation ID（jixiao actuals list 列出编号）\n用法 (usage): ${this.usage}`, EXIT_BAD_INPUT);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(file));
      } catch {
        throw new CliError(`${file}: 文件不存在或无法读取 (cannot read the file)`, EXIT_BAD_INPUT);
      }
      const result = await withStore(io, (store) => importActualsWorkbook({ store }, io.change(values.by), { id, fileName: file, bytes }));
      if (values.json) return printJson(io, { file, rows: result.rows, evaluation: result.evaluation });
      const total = result.evaluation.score['total'];
      io.stdout.write(`已导入 ${file} 到绩效自评 ${id}：${result.rows} 行，第 ${result.evaluation.revision} 版${typeof total === 'number' ? `，总分 ${total}（${String(result.evaluation.score['grade'])}）` : ''}\n`);
      return;
    }
    throw new CliError(`用法 (usage): ${this.usage}`, EXIT_BAD_INPUT);
  },
};
