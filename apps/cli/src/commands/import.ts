import { readFile, stat } from 'node:fs/promises';
import { importFolder } from './import-folder';
import { basename } from 'node:path';
import { prepareImport, savePreparedImport, type ImportResult } from '@jixiao/services';
import type { Command } from '../command';
import { CliError, EXIT_BAD_INPUT, printJson } from '../output';
import { toCliError, withStore } from '../store-env';

const STATUS_TEXT: Record<ImportResult['status'], string> = {
  created: '已导入（新文档）',
  'new-version': '已导入为新版本（旧版本保留）',
  unchanged: '内容与当前版本相同，未做改动',
};

export const importCommand: Command = {
  name: 'import',
  usage: 'jixiao import FILE|DIR [--year YYYY] [--by 姓名] [--json]',
  help: [
    'DIR：导入文件夹中的全部文件（含子文件夹；以 . 开头的隐藏文件和文件夹如 .DS_Store、.git 跳过，摘要中注明个数），',
    '  每个文件一个事务：被拒绝的文件（如 README.md、空文件）不写入任何内容，也不影响其他文件。终端中显示进度 [12/40] 文件名…，',
    '  否则每个文件一行；最后输出摘要：新建、新版本、未改动、拒绝（逐个写明原因）。--json 输出 { files, created, newVersion,',
    '  unchanged, refused, hiddenSkipped, outcomes: [{ file, status, reason? }] }。退出码：全部导入或未改动为 0；有文件被拒绝为 2',
    '  （其余照常导入；再次运行时已导入的为「未改动」，被拒绝的仍被拒绝，仍为 2）；其他错误为 1。',
    'FILE 的格式与 jixiao parse 相同。文档没有写明预算年度时必须用 --year 指定；写明的年度与 --year 不一致时拒绝导入。',
    '同一文档（类型 + 部门 + 年度 + 文件名）再次导入：内容相同则不做任何改动，内容有变化则成为新版本，旧版本保留。',
    '数据库：设置了 DATABASE_URL 时使用 PostgreSQL，否则使用 JIXIAO_DATA_DIR（默认 ./data）中的内置数据库。',
    '默认输出中文摘要；--json 输出 { status: created|new-version|unchanged, documentId, version, projectCount, indicatorCount, … }。',
    '退出码：0 成功，2 文件无法读取、年度或参数有误（数据库未做任何改动），1 其他错误（例如数据目录正被 jixiao serve 使用）。',
  ],
  options: {
    year: { type: 'string', describe: '预算年度，例如 2024（文档没有写明年度时必填；写明的年度与之不一致时拒绝）' },
    by: { type: 'string', describe: '操作人姓名，记入审计记录（默认当前系统用户名）' },
    json: { type: 'boolean', describe: '输出 JSON 而不是中文摘要' },
  },
  async run({ positionals, values }, io) {
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new CliError(`用法 (usage): ${this.usage}`, EXIT_BAD_INPUT);
    let year: number | undefined;
    if (values.year !== undefined) {
      year = Number(values.year);
      if (!/^\d{4}$/.test(String(values.year)) || year < 1990 || year > 2100) throw new CliError(`--year ${String(values.year)}: 年度应为四位数字，例如 2024 (invalid year)`, EXIT_BAD_INPUT);
    }
    if (await isFolder(file)) return importFolder(file, year, values.by, values.json === true, io);
    const bytes = await readInput(file);
    // Read and check the file before opening the database: bad input writes nothing, not even a new data dir.
    const prepared = await prepareImport({ fileName: basename(file), bytes, ...(year === undefined ? {} : { year }) }).catch((e: unknown) => {
      throw toCliError(e);
    });
    // Every change is in the audit trail (decision 010), also from the command line: the command writes it.
    const result = await withStore(io, (store) => savePreparedImport({ store }, io.change(values.by), prepared));
    if (values.json) printJson(io, result);
    else io.stdout.write(`${summary(result)}\n`);
  },
};

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

async function readInput(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CliError(`${path}: 不是文件 (not a file)`, EXIT_BAD_INPUT);
    return new Uint8Array(await readFile(path));
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(`${path}: 找不到文件或无法打开 (cannot open the file)`, EXIT_BAD_INPUT);
  }
}

function summary(r: ImportResult): string {
  return [
    `${r.fileName}：${STATUS_TEXT[r.status]}`,
    `  文档编号 ${r.documentId}，第 ${r.version} 版；${r.department ?? '（未注明部门）'} ${r.year} 年`,
    `  项目 ${r.projectCount} 个，绩效指标 ${r.indicatorCount} 个${r.problemCount ? `；读取时发现 ${r.problemCount} 个问题（jixiao parse 可查看）` : ''}`,
  ].join('\n');
}
