/**
 * A city's target documents for `npm run bench -- city` (issue 12 item 8): districts × departments (街道) × years,
 * one project-targets document per department and year with five budget units, about 37 projects of 4–9 indicators
 * each — at full size 11 × 40 × 3 = 1,320 documents, about 49,500 projects and 322,000 indicators, the sizes of the
 * measurement in the issue. Deterministic (seeded per document), so two runs load the same data.
 */
import type { PerformanceDocument, Project } from '@jixiao/core';
import { generateIndicator, rng } from './generate';

export const DISTRICTS = ['越秀', '海珠', '荔湾', '天河', '白云', '黄埔', '番禺', '花都', '南沙', '从化', '增城'];
const UNIT_KINDS = ['综合保障中心', '社区服务中心', '城市管理办公室', '民政服务站', '党群服务中心'];
const PROJECT_KINDS = ['社区居民活动', '环境卫生保洁', '综治维稳', '长者饭堂运营', '禁毒宣传', '出租屋管理', '垃圾分类督导', '物业管理补贴', '党建阵地运营', '应急物资储备'];

export interface CityDocument {
  fileName: string;
  year: number;
  document: PerformanceDocument;
  projects: number;
  indicators: number;
}

/** One department's targets for one year. */
export function cityDocument(district: number, department: number, year: number): CityDocument {
  const rand = rng(district * 100_003 + department * 101 + year);
  const departmentName = `广州市${DISTRICTS[district % DISTRICTS.length]}区第${department + 1}街道办事处${district >= DISTRICTS.length ? `（${Math.floor(district / DISTRICTS.length) + 1}）` : ''}`;
  const projectCount = 30 + Math.floor(rand() * 16);
  let indicators = 0;
  const units = UNIT_KINDS.map((kind, u) => {
    const projects: Project[] = [];
    for (let p = u; p < projectCount; p += UNIT_KINDS.length) {
      const list = Array.from({ length: 4 + Math.floor(rand() * 6) }, (_, i) => generateIndicator(rand, i + 1, false));
      indicators += list.length;
      projects.push({
        name: `${year}年${PROJECT_KINDS[p % PROJECT_KINDS.length]}项目${p + 1}`,
        code: null,
        amount: Math.round(rand() * 50_000) / 100,
        funding: { fiscal: null, specialAccount: null, other: null },
        category: null,
        description: null,
        goal: `为辖区居民提供${PROJECT_KINDS[p % PROJECT_KINDS.length]}服务，完成年度目标${p + 1}项。`,
        indicators: list,
      });
    }
    return { name: `${departmentName.replace(/办事处.*$/, '')}${kind}`, code: null, statedAmount: null, projects };
  });
  const document: PerformanceDocument = {
    format: 'jixiao/v1',
    kind: 'project-targets',
    department: departmentName,
    year,
    amountUnit: '万元',
    statedTotal: null,
    units,
    problems: [],
  };
  return { fileName: `${departmentName}${year}年项目支出绩效目标表.json`, year, document, projects: projectCount, indicators };
}

/** Every document of `districts` districts × `departments` departments × `years`. */
export function* cityDocuments(districts: number, departments: number, years: readonly number[]): Generator<CityDocument> {
  for (const year of years) for (let d = 0; d < districts; d++) for (let s = 0; s < departments; s++) yield cityDocument(d, s, year);
}
