import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { writeDepartmentTargetsTemplate, writeProjectTargetsTemplate } from '@jixiao/formats';
import { emptyDocument, parseTarget, inferDirection, type AmountUnit, type Indicator, type PerformanceDocument } from '@jixiao/core';
import { CliError, EXIT_BAD_INPUT, printJson } from '../output';
import type { Command } from '../command';

export const templateCommand: Command = {
  name: 'template',
  usage: 'jixiao template --kind project|department --out FILE [--example] [--unit 万元|元] [--json]',
  help: [
    '--kind project    项目支出绩效目标模板：「项目」「绩效指标」「说明」三张表。',
    '--kind department 部门整体绩效目标模板：「部门整体」「重点工作任务」「部门绩效指标」「说明」四张表。',
    '--example 写入一个填好的示例；--unit 选择金额单位（默认 万元）。填好后用 jixiao parse FILE 检查。',
    '各列的含义见 docs/templates.md。',
  ],
  positionals: false,
  options: {
    kind: { type: 'string', describe: '模板类型：project（项目支出）或 department（部门整体）' },
    out: { type: 'string', describe: '输出的 .xlsx 文件' },
    example: { type: 'boolean', describe: '写入一个填好的示例' },
    unit: { type: 'string', describe: '金额单位：万元（默认）或 元' },
    json: { type: 'boolean', describe: '输出 JSON { file, kind, example, unit } 而不是中文摘要' },
  },
  async run({ positionals, values }, io) {
    const kind = values.kind;
    const out = values.out;
    if (positionals.length > 0 || typeof out !== 'string' || out === '' || (kind !== 'project' && kind !== 'department')) {
      throw new CliError(`用法 (usage): ${this.usage}`, EXIT_BAD_INPUT);
    }
    const unit = values.unit ?? '万元';
    if (unit !== '万元' && unit !== '元') throw new CliError(`--unit 只能是「万元」或「元」(--unit must be 万元 or 元): ${String(unit)}`, EXIT_BAD_INPUT);
    if (!out.toLowerCase().endsWith('.xlsx')) throw new CliError(`${basename(out)}: 输出文件的扩展名应为 .xlsx (the output file must end in .xlsx)`, EXIT_BAD_INPUT);
    const example = values.example === true;
    const bytes =
      kind === 'project'
        ? await writeProjectTargetsTemplate(example ? exampleProjectDocument(unit) : emptyDocument('project-targets', unit))
        : await writeDepartmentTargetsTemplate(example ? exampleDepartmentDocument(unit) : emptyDocument('department-targets', unit));
    try {
      await writeFile(out, bytes);
    } catch (e) {
      throw new CliError(`${out}: 无法写入文件 (cannot write the file): ${e instanceof Error ? e.message : String(e)}`);
    }
    if (values.json) return printJson(io, { file: out, kind, example, unit });
    io.stdout.write(`已生成 (written): ${out}\n`);
  },
};

function indicator(no: number, levels: [string, string, string, string], name: string, target: string, extra: Partial<Indicator> = {}): Indicator {
  const annualTarget = parseTarget(target);
  return { no, level1Code: levels[0], level1: levels[1], level2Code: levels[2], level2: levels[3], name, periodTarget: annualTarget, annualTarget, direction: inferDirection(name, annualTarget), ...extra };
}

const k = (unit: AmountUnit, wan: number) => (unit === '元' ? Math.round(wan * 10000) : wan);

function exampleProjectDocument(unit: AmountUnit): PerformanceDocument {
  const doc = emptyDocument('project-targets', unit);
  doc.department = '广州市荔湾区人民政府金花街道办事处';
  doc.year = 2024;
  doc.statedTotal = k(unit, 77.36);
  doc.units = [
    {
      name: '广州市荔湾区人民政府金花街道办事处',
      code: null,
      statedAmount: k(unit, 77.36),
      projects: [
        {
          name: '街消毒站病媒生物防治专职人员补贴',
          code: 'XM2024-001',
          amount: k(unit, 16.56),
          funding: { fiscal: k(unit, 16.56), specialAccount: null, other: null },
          category: '32-其他事业发展性支出',
          description: null,
          goal: '保障街消毒站专职人员福利按时足额发放，提升职工幸福感。',
          indicators: [
            indicator(1, ['1', '产出指标', '12', '质量指标'], '补贴发放率', '100%', { explanation: '实际发放人数占应发放人数的比例', formula: '实际发放人数/应发放人数×100%' }),
            indicator(2, ['1', '产出指标', '13', '时效指标'], '补贴发放及时率', '100%'),
            indicator(3, ['2', '效益指标', '22', '社会效益指标'], '病媒生物密度控制达标率', '≥90%'),
            indicator(4, ['3', '满意度指标', '31', '服务对象满意度指标'], '职工满意度', '≥95%'),
          ],
        },
        {
          name: '办公场地租赁费',
          code: 'XM2024-002',
          amount: k(unit, 60.8),
          funding: { fiscal: k(unit, 60.8), specialAccount: null, other: null },
          category: '32-其他事业发展性支出',
          description: null,
          goal: '按合同按时缴纳办公场地租金，保障办公正常运行。',
          indicators: [
            indicator(1, ['1', '产出指标', '11', '数量指标'], '办公场地租金缴纳率', '100%'),
            indicator(2, ['2', '效益指标', '22', '社会效益指标'], '办公正常运行率', '100%'),
            indicator(3, ['3', '满意度指标', '31', '服务对象满意度指标'], '群众满意度', '≥90%'),
          ],
        },
      ],
    },
  ];
  return doc;
}

function exampleDepartmentDocument(unit: AmountUnit): PerformanceDocument {
  const doc = emptyDocument('department-targets', unit);
  doc.department = '广州市荔湾区人民政府花地街道办事处';
  doc.year = 2024;
  doc.profile = {
    functions: '负责辖区党的建设、社区治理、公共服务和公共安全等工作。',
    overallGoal: '围绕区委区政府部署，推进基层党建、平安建设和民生服务，完成年度各项任务。',
    budgetTotal: k(unit, 6491.63),
    basicExpenditure: k(unit, 3209.1),
    projectExpenditure: k(unit, 3282.53),
    staffing: { authorized: 70, actual: 66 },
  };
  doc.keyTasks = [
    { name: '基层党建', content: '加强社区党组织建设，开展党员教育活动', funds: k(unit, 999.53), expected: '基层党组织战斗堡垒作用进一步增强', projects: ['社区办公经费', '社区党组织服务群众经费'] },
    { name: '平安建设', content: '开展综治信访维稳和安全生产检查', funds: k(unit, 1368.23), expected: '辖区治安持续稳定，安全生产事故零发生', projects: ['综治信访维稳等专项工作经费'] },
  ];
  doc.indicators = [
    indicator(1, ['1', '产出指标', '11', '数量指标'], '开展党建活动次数', '≥12场', { explanation: '全年开展的党建主题活动场次', formula: '活动场次累计' }),
    indicator(2, ['2', '效益指标', '22', '社会效益指标'], '较大安全生产事故发生数', '0次', { explanation: '辖区内较大及以上安全生产事故数量', formula: '事故起数累计' }),
    indicator(3, ['3', '满意度指标', '31', '服务对象满意度指标'], '群众满意度', '≥90%', { explanation: '问卷调查中满意及基本满意的比例', formula: '满意问卷数/有效问卷数×100%' }),
  ];
  return doc;
}
