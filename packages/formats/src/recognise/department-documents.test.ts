import { describe, expect, it } from 'vitest';
import { readSample } from './testing-layouts';

/** Which recogniser reads each public sample: the department recognisers score conservatively. */
describe('department documents and project tables go to their own readers', () => {
  const expected: Record<string, string> = {
    '01_sichuan-qingshen_project-selfeval_2023.txt': 'project-tables',
    '02_sichuan-daying_project-selfeval_2023.txt': 'project-tables',
    '03_hebei-langfang_project-selfeval_2019.txt': 'project-tables',
    '04_hunan-yueyang_dept-selfeval-report_2018.txt': 'self-evaluation-report',
    '05_yunnan-honghe_project-selfeval-report_2024.txt': 'self-evaluation-report',
    '06_hunan-ningxiang_project-targets_2021.txt': 'project-tables',
    '07_shanxi-yangquan_project-targets_2015.txt': 'project-tables',
    '08_hubei-guangshui_dept-targets_2021.txt': 'department-targets',
    '09_chongqing-fengjie_project-targets_2023.txt': 'project-tables',
    '10_gansu-jiayuguan_project-targets_2023.txt': 'project-tables',
    '11_sichuan-jingyan_project-targets_2023.txt': 'project-tables',
    '12_guangxi-hengxian_dept-selfeval-report_2017.txt': 'self-evaluation-report',
    '13_hunan-nanxian_dept-selfeval-report_2020.txt': 'self-evaluation-report',
    '14_hubei-ezhou_project-targets_2022.txt': 'project-tables',
    '15_sichuan-dazhou_scoretables-blank_undated.txt': 'score-tables',
    '16_unknown-sichuan-scheme_dept-selfeval-scores_2017.txt': 'score-tables',
  };
  for (const [name, reader] of Object.entries(expected)) {
    it(`${name.slice(0, 2)} → ${reader}`, () => {
      expect(readSample(name).source?.layout).toBe(`layout/text/${reader}`);
    });
  }
});
