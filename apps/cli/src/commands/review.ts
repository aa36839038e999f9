import { activeReviewRuleSet, reviewDocument, runChecks } from '@jixiao/core';
import type { Command } from '../command';
import { CliError, EXIT_BAD_INPUT, printJson } from '../output';
import { readDocumentFile } from '../read-file';

export const reviewCommand: Command = {
  name: 'review',
  usage: 'jixiao review FILE',
  help: [
    '读取 FILE（与 jixiao parse 相同的格式），运行 review-checks 中的全部审核规则，输出 JSON：',
    '{ document, findings, review }。每条 finding 写明规则编号、严重程度、维度、位置、问题、修改建议和依据的规则集版本；',
    'review 给出完整性、相关性、适当性、可行性四个维度的得分、总分、结论（优/良/中/差）和量化指标占比。',
    '退出码：0 成功（发现问题也是 0），2 文件无法读取或参数有误，1 其他错误。',
  ],
  options: {},
  async run({ positionals }, io) {
    const [file] = positionals;
    if (!file || positionals.length > 1) throw new CliError(`用法 (usage): ${this.usage}`, EXIT_BAD_INPUT);
    const { document } = await readDocumentFile(file);
    // The rule set the server would use for the document's year. A file on its own has no 指标库 to compare its
    // targets with, so `target-outlier` finds nothing here; the stored document's review on the server does.
    const ruleSet = activeReviewRuleSet(document.year);
    const findings = runChecks(document, ruleSet);
    const { findings: _statuses, ...review } = reviewDocument(document, findings, ruleSet);
    printJson(io, { document, findings, review });
  },
};
