/**
 * Registers the recognisers of department documents and reports with the general reader (imported once by
 * `read-recognised.ts`): 自评报告 / 评价报告, 部门整体支出绩效目标（申报）表 and the 绩效评价得分表 score sheets.
 * Each scores conservatively (title and header words), so project tables keep going to the project reader.
 */
import { departmentTargets } from './department-targets';
import { registerRecogniser } from './recognisers';
import { scoreTables } from './score-tables';
import { selfEvaluationReports } from './self-evaluation-reports';

registerRecogniser(selfEvaluationReports);
registerRecogniser(scoreTables);
registerRecogniser(departmentTargets);
