/**
 * `jixiao score` in-process: the budget table by source beside the stated rates (seed 004), the built-in rule set
 * chosen by the document, and the stated scores of a national table in the JSON and the --text output.
 */
import { fileURLToPath } from 'node:url';
import { builtinRuleSetFor, NATIONAL_PROJECT_SELF_EVALUATION, type ScoreDifference } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { parseActual } from '../../../../packages/core/src/target/parse-actual';
import { buildDocument, buildProject } from '@jixiao/core/testing';
import { readDocumentFile } from '../read-file';
import { scoreDocument } from './score';
import { formatScoreText } from './score-text';

const seed004 = fileURLToPath(new URL('../../../../fixtures/seeds/004_2c12f7b2ed482af0.txt', import.meta.url));

describe('jixiao score', () => {
  it('seed 004: recomputes 合计 and each source (88.18% / 25.27%; 86.26% against the stated 87.96%) under the Guangzhou rules', async () => {
    const { document } = await readDocumentFile(seed004);
    const choice = builtinRuleSetFor('department-self-evaluation', document);
    expect(choice.ruleSet.id).toBe('cn-department-self-evaluation');
    const out = { ...scoreDocument(document, choice.ruleSet), ruleSetName: choice.ruleSet.name, ruleSetReason: choice.reason };
    const table = ('budgetTable' in out ? out.budgetTable : undefined) ?? [];
    const general = table.find((l) => l.source === '一般公共预算');
    expect(table[0]).toMatchObject({ source: '合计', total: true, executionRate: 88.18, adjustmentRate: 25.27, executionRateDiffers: false });
    expect(general).toMatchObject({ executionRate: 86.26, statedExecutionRate: 87.96, executionRateDiffers: true });
    expect('score' in out && out.score?.spendingProgress.score).toBe(26.45);
    const text = formatScoreText(out);
    expect(text).toContain('规则集：cn-department-self-evaluation@1');
    expect(text).toContain('合计 | 4,062.10 | 1,026.38 | 5,088.48 | 4,487.07 | 88.18%（写明 88.18%） | 25.27%（写明 25.27%）');
    expect(text).toContain('一般公共预算 | 4,062.10 | 210.97 | 4,273.07 | 3,685.76 | 86.26%（写明 87.96%，不一致）');
  });

  it('a national 项目支出绩效自评表: stated 得分 the rule does not give are listed with the rule, stated and computed figures', () => {
    const doc = buildDocument({
      kind: 'project-self-evaluation',
      department: '大英县司法局',
      year: 2023,
      projects: [
        buildProject({
          name: '2023年全县安可替代补助资金项目',
          budget: {
            initial: 0,
            adjustment: null,
            adjusted: 3.36,
            spent: 3.12,
            bySource: [{ source: '总额', initial: 0, adjustment: null, adjusted: 3.36, spent: 3.12, statedExecutionRate: 92.86, statedAdjustmentRate: null, weight: 10, score: 10 }],
          },
          indicators: [{ name: '完成安可电脑购买台数', annual: '≥13台', levels: '产出指标; 数量指标', weight: 90, score: 90, actual: parseActual('12台') }],
          statedScore: 100,
        }),
      ],
    });
    const out = { ...scoreDocument(doc, NATIONAL_PROJECT_SELF_EVALUATION), ruleSetName: NATIONAL_PROJECT_SELF_EVALUATION.name, ruleSetReason: '内置' };
    const project = 'projects' in out ? out.projects![0]! : null;
    expect(project?.budgetTable[0]).toMatchObject({ source: '总额', executionRate: 92.86, adjustmentRate: null, executionRateDiffers: false });
    const parts = project!.score.differences.map((d: ScoreDifference) => [d.part, d.stated, d.computed]);
    expect(parts).toEqual([
      ['execution', 10, 9.29],
      ['indicator', 90, 83.08],
      ['total', 100, 92.37],
    ]);
    const text = formatScoreText(out);
    expect(text).toContain('总额 | 0.00 | 3.36 | 3.36 | 3.12 | 92.86%（写明 92.86%） | —');
    expect(text).toContain('不一致：指标「完成安可电脑购买台数」写明得分 90，按规则「项目支出绩效自评（财预〔2020〕10号）（依据财预〔2021〕101号）」应为 83.08');
    expect(text).toContain('总分：92.37（优）；写明 100');
  });
});
