/**
 * The sentences the report draft is written with. Kept as data beside the drafting logic so a district can word
 * its reports its own way; every sentence names the figures it is about.
 */
export interface ReportWording {
  /** Execution rates below this (percent) are a problem worth a paragraph. */
  lowExecutionBelow: number;
  executionLow(rate: number): string;
  executionLowMeasure: string;
  executionOver(rate: number): string;
  executionOverMeasure: string;
  indicatorMissed(task: string, indicator: string, target: string, actual: string): string;
  indicatorMissedMeasure(indicator: string): string;
  indicatorOverrun(task: string, indicator: string, target: string, actual: string): string;
  indicatorOverrunMeasure(indicator: string): string;
  figuresInconsistent(messages: string[]): string;
  figuresInconsistentMeasure: string;
  targetsVague(count: number): string;
  targetsVagueMeasure: string;
  reviewOpen(count: number, examples: string[]): string;
  reviewOpenMeasure: string;
  missingFunctions: string;
  missingBudget: string;
  missingGoal: string;
  missingTasks: string;
  noProblems: string;
  noProblemsMeasure: string;
}

export const REPORT_WORDING: ReportWording = {
  lowExecutionBelow: 90,
  executionLow: (rate) => `预算执行进度偏慢。全年预算执行率为 ${rate.toFixed(2)}%，部分资金未能在年内使用，影响了资金使用效益。`,
  executionLowMeasure: '加快预算执行。按月跟踪支出进度，对执行缓慢的项目分析原因、督促推进；确实无法执行的资金及时按程序调整，避免资金沉淀。',
  executionOver: (rate) => `预算执行数超出全年预算数。全年预算执行率为 ${rate.toFixed(2)}%，预算编制与实际支出存在差距。`,
  executionOverMeasure: '提高预算编制的准确性。结合以前年度支出情况科学测算预算，执行中确需追加的，按程序办理预算调整。',
  indicatorMissed: (task, indicator, target, actual) => `部分绩效指标未完成。「${task}」中「${indicator}」年度目标为 ${target}，实际完成 ${actual}，未达到预期。`,
  indicatorMissedMeasure: (indicator) => `针对「${indicator}」未完成的情况，逐项分析原因，调整执行计划、补齐短板；如目标设定明显偏高，在下年度按程序合理调整指标值。`,
  indicatorOverrun: (task, indicator, target, actual) => `部分绩效指标值设定偏低。「${task}」中「${indicator}」年度目标为 ${target}，实际完成 ${actual}，超额幅度较大，说明年初目标设定不够科学。`,
  indicatorOverrunMeasure: (indicator) => `科学设定「${indicator}」的指标值，参考以前年度实际完成情况和本年度工作计划测算，使目标既有挑战性又切实可行。`,
  figuresInconsistent: (messages) => `自评数据存在勾稽不一致。${messages.slice(0, 3).join('')}${messages.length > 3 ? `等 ${messages.length} 处。` : ''}`,
  figuresInconsistentMeasure: '加强自评数据的审核。填报后逐项核对合计数、比率与明细数据，确保自评表数据准确、前后一致。',
  targetsVague: (count) => `绩效指标量化程度不高。有 ${count} 个指标的目标值为「提升」「优良」等定性表述，年终难以客观衡量完成情况。`,
  targetsVagueMeasure: '细化量化绩效指标。能量化的指标一律写明数值和计量单位，确实无法量化的写明分级评价标准。',
  reviewOpen: (count, examples) => `绩效目标审核中指出的问题尚未整改到位（共 ${count} 条），例如：${examples.map((e) => e.replace(/[。；\s]+$/, '')).join('；')}。`,
  reviewOpenMeasure: '对照绩效目标评审意见逐条整改，在下年度编制绩效目标时落实修改建议。',
  missingFunctions: '（请填写部门主要职能。）',
  missingBudget: '（请填写部门整体收支情况。）',
  missingGoal: '（请填写部门整体支出绩效目标。）',
  missingTasks: '（请填写部门年度重点工作任务。）',
  noProblems: '本年度各项绩效目标均已完成，未发现明显问题。',
  noProblemsMeasure: '继续加强预算绩效管理，巩固绩效目标编制、运行监控和自评工作的成果。',
};
