import { writeFile } from 'node:fs/promises';
import { exportDocument, listDocuments } from '@jixiao/services';
import type { Command } from '../command';
import { CliError, printJson } from '../output';
import { withStore } from '../store-env';

const positiveInt = (name: string, value: string | boolean | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || n < 1) throw new CliError(`--${name} ${String(value)}: 应为正整数 (expected a positive integer)`);
  return n;
};

export const exportCommand: Command = {
  name: 'export',
  summary: '从数据库导出文档为 jixiao/v1 JSON，或列出已导入的文档 (export a stored document / list documents)',
  usage: 'jixiao export --document ID [--version N] [--format json] [--out FILE] | jixiao export --list [--json]',
  help: [
    '--document ID 导出该文档的当前版本（--version N 导出第 N 版），内容与导入时完全相同；不指定 --out 时输出到标准输出。',
    '--list 列出已导入的文档：编号、类型、部门、年度、当前版本/版本数、项目数、指标数、文件名。',
    '目前支持的格式：json（jixiao/v1 交换格式）。数据库：DATABASE_URL 或 JIXIAO_DATA_DIR（默认 ./data）。',
    '退出码：0 成功，1 其他错误（例如找不到该文档）。',
  ],
  options: { document: { type: 'string' }, version: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, list: { type: 'boolean' }, json: { type: 'boolean' } },
  async run({ positionals, values }) {
    if (positionals.length > 0) throw new CliError(`用法 (usage): ${this.usage}`);
    if (values.list) {
      const docs = await withStore((store) => listDocuments({ store }));
      if (values.json) printJson({ items: docs });
      else if (docs.length === 0) process.stdout.write('数据库中还没有文档。用 jixiao import FILE 导入。\n');
      else {
        const lines = docs.map((d) => `${String(d.id).padStart(4)}  ${d.title}  第 ${d.version}/${d.versionCount} 版  项目 ${d.projectCount}  指标 ${d.indicatorCount}  ${d.fileName ?? ''}`);
        process.stdout.write(`编号  文档  版本  项目  指标  文件\n${lines.join('\n')}\n`);
      }
      return;
    }
    const format = typeof values.format === 'string' ? values.format : 'json';
    if (format !== 'json') throw new CliError(`--format ${format}: 目前只支持 json (only json is supported)`);
    const documentId = positiveInt('document', values.document);
    if (documentId === undefined) throw new CliError(`缺少 --document ID（可用 jixiao export --list 查看编号）\n用法 (usage): ${this.usage}`);
    const version = positiveInt('version', values.version);
    const document = await withStore((store) => exportDocument({ store }, { documentId, ...(version === undefined ? {} : { version }) }));
    if (typeof values.out === 'string') {
      await writeFile(values.out, `${JSON.stringify(document, null, 2)}\n`);
      process.stdout.write(`已导出文档 ${documentId}${version ? ` 第 ${version} 版` : ''} 到 ${values.out}\n`);
    } else {
      printJson(document);
    }
  },
};
