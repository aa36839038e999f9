/**
 * Built-in rule sets for self-evaluation and monitoring. Their sources and confidence are in research-rules.md;
 * a district copies one, changes settings and activates the copy for its region and years.
 */
import { NATIONAL_GRADES } from '../rules/grades';
import type { RuleSet } from '../rules/rule-set';
import type { DepartmentScoringSettings, IndicatorScoringSettings, MonitoringSettings, ProjectScoringSettings } from './settings';

const INDICATOR_DEFAULTS: IndicatorScoringSettings = {
  greaterThanMetAtEqual: true,
  lowerIsBetter: 'linear-to-zero-at-2T',
  overrunFactor: 1.3,
  tiers: {
    achieved: { min: 0.8, max: 1, suggested: 1, label: '达成年度指标' },
    partly: { min: 0.6, max: 0.8, suggested: 0.7, label: '部分达成年度指标并具有一定效果' },
    notAchieved: { min: 0, max: 0.6, suggested: 0.3, label: '未达成年度指标且效果较差' },
  },
};

/** Execution rates reported as out of range (the score is capped at 100% whatever the rate). */
const EXECUTION_RATE_RANGE = { low: 90, high: 100 };
const EXECUTION_RANGE_SOURCE = {
  docNo: '四川省部门预算项目支出绩效自评表（报表编号 510000_0013zp）填表说明',
  title: '预算执行率 = 预算执行数 / 调整后预算数，预算执行率未达到 90% 的需说明原因',
  note: '执行率超过 100%（支出超过全年预算数）或低于 90% 时提示（样本 01、02；国家文件未给界限）；得分按 min(执行率, 100%) × 分值（财预〔2020〕10号），不超过分值',
};

export const NATIONAL_PROJECT_SELF_EVALUATION: RuleSet<ProjectScoringSettings> = {
  id: 'cn-project-self-evaluation',
  version: 1,
  scheme: 'project-self-evaluation',
  name: '项目支出绩效自评（财预〔2020〕10号）',
  region: '全国',
  years: { from: 2020, to: null },
  sources: [
    { docNo: '财预〔2020〕10号', title: '项目支出绩效评价管理办法', note: '权重 10/50/30/10；定量按完成比例计分；定性三档；优良中差分数段' },
    { docNo: '财预〔2021〕101号', title: '中央部门项目支出核心绩效目标和指标设置及取值指引（试行）' },
    { docNo: '财预〔2020〕10号 附1', title: '项目支出绩效自评表', note: '年度资金总额行分值 10、执行率、得分；指标行分值、得分：表上写明的得分与按规则计算的得分比较，整数得分视为四舍五入（templates.md §3.1、§7）' },
    EXECUTION_RANGE_SOURCE,
  ],
  settings: {
    ...INDICATOR_DEFAULTS,
    weights: { execution: 10, output: 50, outcome: 30, satisfaction: 10, cost: 0 },
    execution: { mode: 'proportional' },
    noSatisfaction: 'pro-rata',
    totalCaps: [],
    deviationDeduction: null,
    grades: NATIONAL_GRADES,
    statedScoreTolerance: 0.01,
    executionRateRange: EXECUTION_RATE_RANGE,
  },
};

export const NATIONAL_DEPARTMENT_SELF_EVALUATION: RuleSet<DepartmentScoringSettings> = {
  id: 'cn-department-self-evaluation',
  version: 1,
  scheme: 'department-self-evaluation',
  name: '部门整体支出绩效自评（白云区 2021 年自评报告所用结构）',
  region: '广州市',
  years: { from: 2021, to: null },
  // Guangzhou's department tables (seeds 003, 004) keep this scheme when nothing is activated.
  applicability: { departmentWords: ['广州', '越秀区', '海珠区', '荔湾区', '天河区', '白云区', '黄埔区', '番禺区', '花都区', '南沙区', '从化区', '增城区'] },
  sources: [
    { docNo: '云财〔2021〕运行监控工作方案', title: '广州市白云区财政局关于印发广州市白云区2021年度财政支出绩效运行监控工作方案的通知', note: '部门支出进度30、年度目标20、年度主要支出计划50（见 seed 003）；30 与 20 的计分方法未公开，按默认设置' },
    { docNo: '财预〔2020〕10号', title: '项目支出绩效评价管理办法', note: '等级分数段' },
  ],
  settings: {
    ...INDICATOR_DEFAULTS,
    weights: { spendingProgress: 30, annualGoal: 20, keyTasks: 50 },
    spendingProgress: { mode: 'proportional' },
    grades: NATIONAL_GRADES,
  },
};

/**
 * The department table of the national and Sichuan forms: no 财政部 annex defines a 部门整体支出绩效自评表
 * (templates.md §4), so this follows the project table of 财预〔2020〕10号 附1 — budget execution 10 points, the
 * indicators 90 by their own 分值 — which the national-style department tables repeat (Tianjin [C6]: 分值 / 得分 per
 * indicator). Picked for documents of departments outside Guangzhou and for tables that carry a 分值 column.
 */
export const NATIONAL_DEPARTMENT_TABLE_SELF_EVALUATION: RuleSet<DepartmentScoringSettings> = {
  id: 'cn-department-table-self-evaluation',
  version: 1,
  scheme: 'department-self-evaluation',
  name: '部门整体支出绩效自评（全国通用：预算执行率 10 + 绩效指标 90）',
  region: '全国',
  years: { from: 2020, to: null },
  applicability: { scoredBudgetRows: true },
  sources: [
    { docNo: '财预〔2020〕10号', title: '项目支出绩效评价管理办法', note: '预算执行率 10 分、绩效指标 90 分，定量按完成比例计分，定性三档，等级分数段；国家未发布部门整体自评表样式，按项目自评表结构（templates.md §4、§7）' },
    { docNo: '财预〔2013〕53号', title: '部门整体支出绩效评价共性指标体系框架', note: '预算执行率 = 预算完成数 ÷ 预算数；预算调整率 = 预算调整数 ÷ 预算数（记忆，待核）' },
    EXECUTION_RANGE_SOURCE,
  ],
  settings: {
    ...INDICATOR_DEFAULTS,
    weights: { spendingProgress: 10, annualGoal: 0, keyTasks: 90 },
    spendingProgress: { mode: 'proportional' },
    grades: NATIONAL_GRADES,
    executionRateRange: EXECUTION_RATE_RANGE,
  },
};

export const NATIONAL_MONITORING: RuleSet<MonitoringSettings> = {
  id: 'cn-monitoring',
  version: 1,
  scheme: 'monitoring',
  name: '绩效运行监控（双监控）',
  region: '全国',
  years: { from: 2020, to: null },
  sources: [
    { docNo: '中发〔2018〕34号', title: '中共中央 国务院关于全面实施预算绩效管理的意见', note: '绩效目标实现程度和预算执行进度“双监控”' },
    { docNo: '财预〔2019〕136号', title: '中央部门预算绩效运行监控管理暂行办法', note: '1–7月监控；偏差原因（经费/制度/人员/硬件条件保障、其他）、完成可能性（确定能/有可能/完全不可能）、原因说明与纠偏措施（待核）' },
    { docNo: '厂商实现（山西配置）', title: '监控红黄绿蓝灯规则', note: '预算：执行率÷序时进度 <60 红、60–80 黄；指标：按月折算，<60% 红、60–80% 黄、80–120% 绿、≥120% 蓝；反向及质量/时效/成本类在范围内绿、否则红（research-rules.md §5.3）' },
    { docNo: '地方实践（大英县、冠县等）', title: '监控纠偏措施', note: '调整执行计划、申请调整目标、调减预算、暂缓或停止拨款、完善管理（research-rules.md §5.2）' },
  ],
  settings: {
    defaultCutoffMonth: 7,
    budgetLights: { red: 60, yellow: 80 },
    indicatorLights: { red: 60, yellow: 80, blue: 120 },
    deviationReasons: ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'],
    likelihoods: ['确定能', '有可能', '完全不可能'],
    measures: ['调整执行计划', '申请调整目标', '调减预算', '暂缓或停止拨款', '完善管理'],
    explanationRequired: true,
    indicatorModes: {
      inRangeLevel2: ['quality', 'timeliness', 'cost'],
      yearEndLevel1: ['satisfaction'],
      yearEndNameWords: ['满意度', '满意率'],
      notProratedUnits: ['%'],
    },
  },
};

/**
 * cn-monitoring@2: @1 plus the warnings raised when a report is submitted (issue 14 item 8, decision 038). @1 stays
 * as it was, so reports begun under it compute as before and raise no warnings.
 */
export const NATIONAL_MONITORING_V2: RuleSet<MonitoringSettings> = {
  ...NATIONAL_MONITORING,
  version: 2,
  name: '绩效运行监控（双监控，含预警）',
  sources: [
    ...NATIONAL_MONITORING.sources,
    {
      docNo: '财预〔2019〕136号',
      title: '中央部门预算绩效运行监控管理暂行办法',
      note: '监控中发现预算执行进度与绩效目标实现程度偏离的，及时采取分析原因、调整执行、调剂或收回资金等纠偏措施；单位的三种答复（继续执行 / 调剂 / 取消）据此归纳',
    },
    {
      docNo: '本系统默认（待地方文件核定）',
      title: '预警阈值与反馈期限',
      note: '累计执行率 4 月底 25%、6 月底 40%、8 月底 60%、10 月底 80%；目标进度与执行进度相差超过 10 个百分点；5 个工作日内反馈。为常见地方预算执行进度通报口径的默认值，未找到广州市的具体文号，地区可复制后修改',
    },
  ],
  settings: {
    ...NATIONAL_MONITORING.settings,
    warnings: {
      executionFloors: [
        { month: 4, minRate: 25 },
        { month: 6, minRate: 40 },
        { month: 8, minRate: 60 },
        { month: 10, minRate: 80 },
      ],
      progressGap: 10,
      responseWorkingDays: 5,
      responses: ['继续执行', '调剂', '取消'],
    },
  },
};
