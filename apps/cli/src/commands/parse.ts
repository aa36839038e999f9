import { CliError, EXIT_BAD_INPUT, printJson } from '../output';
import { readDocumentFile } from '../read-file';
import type { Command } from '../command';

export const parseCommand: Command = {
  name: 'parse',
  usage: 'jixiao parse FILE',
  help: [
    'FILE 可以是：从 PDF/Word 提取的文本 .txt（项目支出绩效目标表、部门整体绩效目标评审意见、部门整体支出绩效自评表），',
    'jixiao Excel 模板或常见区级版式的 .xlsx，或 jixiao/v1 .json。输出始终是 JSON；读取时发现的问题在 "problems" 中。',
    '退出码：0 成功（含警告），2 文件无法读取或参数有误，1 其他错误。',
  ],
  options: {},
  async run({ positionals }, io) {
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new CliError(`用法 (usage): ${this.usage}`, EXIT_BAD_INPUT);
    const { document } = await readDocumentFile(file);
    printJson(io, document);
  },
};
