/**
 * What the store suites share (each `*.suite.ts` runs on both backends): the fresh store of a `*.pglite.test.ts` or
 * `*.pg.test.ts`, the hooks that open and dispose of it, seed 002 as the usual document, `rejection()`, and the test
 * documents (deterministic, no randomness).
 */
import { readFileSync } from 'node:fs';
import { inferDirection, parseTarget, type Indicator, type PerformanceDocument, type Project } from '@jixiao/core';
import { AppError, importDocumentFile, SYSTEM_CHANGE } from '@jixiao/services';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { buildDocument, buildIndicator, buildProject } from '@jixiao/core/testing';
import { freshPgliteStore, freshPostgresStore, type StoreHandle } from './fresh-store';
import type { OpenedStore } from './open-store';

export type { StoreHandle } from './fresh-store';

/** A fresh store on PGlite in a temp data dir `jixiao-<prefix>-XXXXXX`. */
export function pgliteTestStore(prefix: string): Promise<StoreHandle> {
  return freshPgliteStore(`jixiao-${prefix}-`);
}

/**
 * A fresh database `jixiao_<prefix>_<pid>_<time>` on the `postgres` project's server (`inject('databaseUrl')`,
 * scripts/test-postgres.ts), dropped on dispose.
 */
export function postgresTestStore(prefix: string): Promise<StoreHandle> {
  return freshPostgresStore(inject('databaseUrl'), `jixiao_${prefix.replaceAll('-', '_')}_${process.pid}_${Date.now().toString(36)}`);
}

/** Opens the suite's store before its tests (then hands it to `ready`) and disposes of it after them. */
export function useSuiteStore(open: () => Promise<StoreHandle>, ready: (store: OpenedStore) => void | Promise<void>): void {
  let handle: StoreHandle | undefined;
  beforeAll(async () => {
    handle = await open();
    await ready(handle.store);
  });
  afterAll(async () => {
    await handle?.dispose();
  });
}

/** A seed document of fixtures/seeds as an import's file name and bytes. */
export function seedFile(fileName: string): { fileName: string; bytes: Uint8Array } {
  return { fileName, bytes: new Uint8Array(readFileSync(new URL(`../../../fixtures/seeds/${fileName}`, import.meta.url))) };
}

/** Seed 002: 金花街道's project target table. */
export const SEED_002 = '002_71a78aaa1661d207.pages-1-5.txt';

/** Imports seed 002 for 2024. */
export function importSeed002(store: OpenedStore): ReturnType<typeof importDocumentFile> {
  return importDocumentFile({ store }, SYSTEM_CHANGE, { ...seedFile(SEED_002), year: 2024 });
}

/** The AppError a promise is rejected with (fails the test when it resolves or rejects with anything else). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** A department document exercising every stored part: two units, projects, key tasks with indicators, department indicators, problems. */
/** The database's own message of a refused statement (drizzle wraps it with the statement): append-only checks. */
export async function causeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (error: unknown) => error,
  );
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  return cause instanceof Error ? cause.message : String(cause);
}

export function sampleDocument(overrides: Partial<PerformanceDocument> = {}): PerformanceDocument {
  const doc = buildDocument({
    kind: 'department-targets',
    department: '广州市荔湾区人民政府花地街道办事处',
    year: 2024,
    statedTotal: 3986.34,
    problems: [{ severity: 'warning', code: 'totals-do-not-reconcile', message: '合计与各项目之和不一致', location: { unit: '花地街道退役军人服务站', line: 12 } }],
    keyTasks: [
      {
        name: '基层党建',
        content: '加强基层党组织建设',
        funds: 999.53,
        expected: '党建工作全面提升',
        projects: ['党建活动经费', '社区服务'],
        indicators: [buildIndicator({ name: '党建活动场次', annual: '≥12场' }, 1)],
      },
      { name: '城市管理', content: null, funds: 1368.23, expected: null, projects: [] },
    ],
    indicators: [
      buildIndicator({ name: '重点工作完成率', annual: '100%', levels: '1-产出指标; 12-质量指标', explanation: '完成的重点工作/计划的重点工作', formula: '完成数÷计划数×100%' }, 1),
      buildIndicator({ name: '群众满意度', annual: '≥90%', period: '≥85%', levels: '3-满意度指标; 31-服务对象满意度' }, 2),
    ],
    ...overrides,
  });
  if (overrides.units === undefined) {
    doc.units = [
      {
        name: '广州市荔湾区人民政府花地街道办事处',
        code: '064001',
        statedAmount: 3111.77,
        nature: '行政单位',
        staffing: { authorized: 49, actual: 46 },
        projects: [
          buildProject({ name: '街消毒站病媒生物防治专职人员补贴', amount: 16.56, funding: { fiscal: 16.56, specialAccount: null, other: null }, no: 1 }),
          buildProject({ name: '党建活动经费', amount: 0.1, code: 'P-2024-002', category: '32-其他事业发展性支出', no: 2 }),
          buildProject({ name: '社区服务 100%_覆盖', amount: 0.2, description: '项目情况简介', no: 3 }),
        ],
      },
      {
        name: '花地街道退役军人服务站',
        code: '064005',
        statedAmount: null,
        projects: [buildProject({ name: '退役军人走访慰问', amount: null, funding: { fiscal: null, specialAccount: null, other: null }, indicators: [{ name: '走访人数', annual: '≥200人', period: null }] })],
      },
    ];
  }
  return doc;
}

const ROWS: Array<[string, string, string]> = [
  ['1-产出指标; 11-数量指标', '举办活动次数', '≥12次'],
  ['1-产出指标; 12-质量指标', '验收合格率', '100%'],
  ['1-产出指标; 13-时效指标', '补贴发放及时率', '100%'],
  ['2-效益指标; 22-社会效益', '居民居住环境', '提升'],
  ['3-满意度指标; 31-服务对象满意度', '服务对象满意度', '≥90%'],
];

/** `projects × perProject` indicators in one unit; amounts `(p % 1000) + 0.01 × (p % 100)` 万元. */
export function largeDocument(projects: number, perProject: number, department = '基准测试街道办事处'): PerformanceDocument {
  const targets = ROWS.map(([, name, text]) => ({ name, target: parseTarget(text) }));
  const list: Project[] = [];
  for (let p = 0; p < projects; p++) {
    const indicators: Indicator[] = [];
    for (let i = 0; i < perProject; i++) {
      const row = ROWS[i % ROWS.length]!;
      const { target } = targets[i % ROWS.length]!;
      const [l1 = '', l2 = ''] = row[0].split('; ');
      const [c1, n1] = l1.split('-');
      const [c2, n2] = l2.split('-');
      indicators.push({ no: i + 1, level1: n1 ?? null, level1Code: c1 ?? null, level2: n2 ?? null, level2Code: c2 ?? null, name: row[1], annualTarget: target, periodTarget: target, direction: inferDirection(row[1], target) });
    }
    const amount = (p % 1000) + (p % 100) / 100;
    list.push({ name: `社区服务项目${p + 1}`, code: `P${p + 1}`, amount, funding: { fiscal: amount, specialAccount: null, other: null }, category: null, description: null, goal: `项目${p + 1}：为辖区居民提供服务。`, indicators, no: p + 1 });
  }
  return buildDocument({ department, year: 2024, units: [{ name: department, code: null, statedAmount: null, projects: list }] });
}
