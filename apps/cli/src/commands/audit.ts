/**
 * `jixiao audit verify`: walks the audit trail's hash chain (decision 013) and says whether it is intact — or which
 * entry was changed, or follows a removed one. Exit 0 intact, 1 broken, 2 bad usage.
 */
import { chinaTime } from '@jixiao/core';
import type { AuditChainReport } from '@jixiao/store';
import type { Command } from '../command';
import { CliError, EXIT_BAD_INPUT, EXIT_FAILURE, printJson } from '../output';
import { withStore } from '../store-env';

const USAGE = 'jixiao audit verify [--json]';

function intactLine(report: Extract<AuditChainReport, { ok: true }>): string {
  const legacy = report.legacy > 0 ? `（其中 ${report.legacy} 条早于哈希链，作为一组校验）` : '';
  return `审计记录链完整：${report.count} 条${legacy}\n最后一条的哈希：${report.lastHash}`;
}

function brokenLine(report: Extract<AuditChainReport, { ok: false }>): string {
  return `审计记录链不完整 (audit chain broken)：第 ${report.firstBrokenId} 条记录（${chinaTime(report.at)}，${report.action}）：${report.reason}；此前 ${report.count} 条完好。请从备份核对这条记录`;
}

export const auditCommand: Command = {
  name: 'audit',
  usage: USAGE,
  help: [
    '每条审计记录都带有前一条的哈希和自己的哈希（内容的 sha256），数据库触发器拒绝修改、删除和清空。',
    'verify 按编号顺序逐批读取全部记录并重新计算哈希：完整时给出条数和最后一条的哈希（可另行记下，日后对照，',
    '以发现整条链被重写或末尾被删除）；不完整时指出第一条有问题的记录（编号、时间、操作、原因）。',
    '数据库同 jixiao import（DATABASE_URL 或 JIXIAO_DATA_DIR）。退出码：0 完整，1 不完整或其他错误，2 参数有误。',
  ],
  options: {
    json: { type: 'boolean', describe: '输出校验结果的 JSON' },
  },
  async run({ positionals, values }, io) {
    if (positionals.length !== 1 || positionals[0] !== 'verify') throw new CliError(`用法 (usage): ${USAGE}`, EXIT_BAD_INPUT);
    const report = await withStore(io, (store) => store.verifyAuditChain());
    if (values.json) printJson(io, report);
    if (!report.ok) throw new CliError(brokenLine(report), EXIT_FAILURE);
    if (!values.json) io.stdout.write(`${intactLine(report)}\n`);
  },
};
