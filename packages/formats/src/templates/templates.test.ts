import { describe, expect, it } from 'vitest';
import { emptyDocument, type PerformanceDocument } from '@jixiao/core';
import { buildDocument, buildIndicator, buildProject } from '@jixiao/core/testing';
import { readDocument } from '../read-document';
import { writeDepartmentTargetsTemplate } from './write-department-template';
import { writeProjectTargetsTemplate } from './write-project-template';

/** The data fields of a document (what a round trip must keep): no source, no problems. */
function data(doc: PerformanceDocument) {
  const { source: _source, problems: _problems, ...rest } = doc;
  return rest;
}

async function read(fileName: string, bytes: Uint8Array) {
  const result = await readDocument({ fileName, bytes });
  if (!result.ok) throw new Error(result.error.message);
  return result.document;
}

function projectDocument(): PerformanceDocument {
  return buildDocument({
    department: '广州市荔湾区人民政府金花街道办事处',
    year: 2024,
    statedTotal: 3986.34,
    units: [
      {
        name: '广州市荔湾区人民政府金花街道办事处',
        code: '064005',
        statedAmount: 77.36,
        projects: [
          buildProject({
            name: '街消毒站病媒生物防治专职人员补贴',
            code: 'XM-001',
            amount: 16.56,
            funding: { fiscal: 16.56, specialAccount: null, other: null },
            category: '32-其他事业发展性支出',
            description: '保障专职人员补贴按时发放。',
            goal: '保障街消毒站专职人员福利，提升职工幸福感。',
            indicators: [
              { name: '补贴发放率', annual: '100%', period: '100%', levels: '1-产出指标; 12-质量指标', explanation: '已发放人数/应发放人数', formula: '已发放/应发放×100%' },
              { name: '补贴发放及时率', annual: '100%', period: '100%', levels: '1-产出指标; 13-时效指标' },
              { name: '消毒员幸福指数', annual: '优良', period: '优良', levels: '2-效益指标; 22-社会效益' },
              { name: '职工满意度指标', annual: '≥95%', period: '≥95%', levels: '3-满意度指标; 12-质量指标' },
              { name: '投诉次数', annual: '≤2次', levels: '2-效益指标; 22-社会效益' },
            ],
          }),
          buildProject({ name: '办公场地租赁费', code: 'XM-002', amount: 60.8, funding: { fiscal: 60.8, specialAccount: null, other: null } }),
        ],
      },
      {
        name: '金花街退役军人服务站',
        code: null,
        statedAmount: null,
        projects: [
          buildProject({ name: '退役军人走访慰问经费', amount: 1234.5, funding: { fiscal: 1000, specialAccount: 200, other: 34.5 }, goal: '走访慰问\n第二行' }),
        ],
      },
      { name: '没有项目的单位', code: null, statedAmount: 0, projects: [] },
    ],
  });
}

describe('project-targets template', () => {
  it('reads back what it wrote', async () => {
    const doc = projectDocument();
    const bytes = await writeProjectTargetsTemplate(doc);
    const back = await read('targets.xlsx', bytes);
    expect(back.source?.layout).toBe('xlsx/jixiao-project-template');
    expect(back.problems).toEqual([]);
    expect(data(back)).toEqual(data(doc));
  });

  it('keeps 元 as the unit and does not convert', async () => {
    const doc = buildDocument({ amountUnit: '元', projects: [buildProject({ name: '项目甲', amount: 165600, funding: { fiscal: 165600, specialAccount: null, other: null } })] });
    const back = await read('yuan.xlsx', await writeProjectTargetsTemplate(doc));
    expect(back.amountUnit).toBe('元');
    expect(data(back)).toEqual(data(doc));
  });

  it('writes a blank template that reads as an empty document', async () => {
    const back = await read('blank.xlsx', await writeProjectTargetsTemplate());
    expect(back.units).toEqual([]);
    expect(back.kind).toBe('project-targets');
    expect(back.amountUnit).toBe('万元');
  });
});

describe('department-targets template', () => {
  it('reads back what it wrote', async () => {
    const doc: PerformanceDocument = {
      ...emptyDocument('department-targets'),
      department: '广州市荔湾区人民政府花地街道办事处',
      year: 2024,
      profile: {
        functions: '负责辖区党建、社区治理和公共服务。',
        overallGoal: '围绕区委区政府部署，完成年度各项任务。',
        budgetTotal: 6491.63,
        basicExpenditure: 3209.1,
        projectExpenditure: 3282.53,
        staffing: { authorized: 70, actual: 66 },
        statedFigures: { 财政拨款: 6491.63, 其他资金: 0 },
      },
      keyTasks: [
        { name: '基层党建', content: '加强社区党组织建设', funds: 999.53, expected: '战斗堡垒作用增强', projects: ['社区办公经费', '社区党组织服务群众经费'] },
        { name: '平安建设', content: null, funds: 1368.23, expected: '辖区治安稳定', projects: [] },
      ],
      indicators: [
        { ...buildIndicator({ name: '开展党建活动次数', annual: '≥12场', levels: '1-产出指标; 11-数量指标' }, 1), explanation: '全年开展的党建活动场次', formula: '活动场次累计' },
        buildIndicator({ name: '群众满意度', annual: '≥90%', levels: '3-满意度指标; 31-服务对象满意度' }, 2),
      ],
    };
    const back = await read('dept.xlsx', await writeDepartmentTargetsTemplate(doc));
    expect(back.source?.layout).toBe('xlsx/jixiao-department-template');
    expect(back.problems).toEqual([]);
    expect(data(back)).toEqual(data(doc));
  });

  it('writes a blank template that reads as an empty department document', async () => {
    const back = await read('dept-blank.xlsx', await writeDepartmentTargetsTemplate());
    expect(back.kind).toBe('department-targets');
    expect(back.keyTasks).toEqual([]);
    expect(back.indicators).toEqual([]);
  });
});
