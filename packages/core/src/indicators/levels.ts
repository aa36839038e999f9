/**
 * The three-level indicator system (overview.md): 一级 产出/效益/满意度 (and 成本 in some localities), 二级 with codes
 * 11–14, 21–24, 31. Documents write levels as `1-产出指标`, `12-质量指标` or just names; these helpers read both and
 * say which 一级 a 二级 belongs to, so the review can report a mismatch — the reader never corrects one.
 */

export type Level1Key = 'output' | 'outcome' | 'satisfaction' | 'cost';
export type Level2Key =
  | 'quantity'
  | 'quality'
  | 'timeliness'
  | 'cost'
  | 'economic'
  | 'social'
  | 'ecological'
  | 'sustainability'
  | 'beneficiarySatisfaction';

export interface Level1Def {
  key: Level1Key;
  code: string;
  name: string;
}
export interface Level2Def {
  key: Level2Key;
  code: string;
  name: string;
  level1: Level1Key;
}

export const LEVEL1: readonly Level1Def[] = [
  { key: 'output', code: '1', name: '产出指标' },
  { key: 'outcome', code: '2', name: '效益指标' },
  { key: 'satisfaction', code: '3', name: '满意度指标' },
  { key: 'cost', code: '4', name: '成本指标' },
];

export const LEVEL2: readonly Level2Def[] = [
  { key: 'quantity', code: '11', name: '数量指标', level1: 'output' },
  { key: 'quality', code: '12', name: '质量指标', level1: 'output' },
  { key: 'timeliness', code: '13', name: '时效指标', level1: 'output' },
  { key: 'cost', code: '14', name: '成本指标', level1: 'output' },
  { key: 'economic', code: '21', name: '经济效益指标', level1: 'outcome' },
  { key: 'social', code: '22', name: '社会效益指标', level1: 'outcome' },
  { key: 'ecological', code: '23', name: '生态效益指标', level1: 'outcome' },
  { key: 'sustainability', code: '24', name: '可持续影响指标', level1: 'outcome' },
  { key: 'beneficiarySatisfaction', code: '31', name: '服务对象满意度指标', level1: 'satisfaction' },
];

const strip = (s: string) => s.replace(/\s+/g, '').replace(/指标$/, '');

/**
 * Memoises a lookup by its string argument. Documents repeat the same few level spellings thousands of times;
 * the cache is bounded so hostile input cannot grow it without limit.
 */
function memo<T>(fn: (key: string) => T, max = 10_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as T;
    const value = fn(key);
    if (cache.size < max) cache.set(key, value);
    return value;
  };
}

const level1ByText = memo((codeOrName) => {
  const t = strip(codeOrName);
  return LEVEL1.find((l) => l.code === t || strip(l.name) === t);
});

/** 一级 by code (`1`) or by name (`产出指标`, `产出`). */
export function findLevel1(codeOrName: string | null | undefined): Level1Def | undefined {
  return codeOrName ? level1ByText(codeOrName) : undefined;
}

/** 二级 by code (`12`) or by name (`质量指标`, `社会效益`, `服务对象满意度`, `满意度指标`). */
export function findLevel2(codeOrName: string | null | undefined): Level2Def | undefined {
  return codeOrName ? level2ByText(codeOrName) : undefined;
}

const level2ByText = memo((codeOrName): Level2Def | undefined => {
  const t = strip(codeOrName);
  const byCodeOrName = LEVEL2.find((l) => l.code === t || strip(l.name) === t);
  if (byCodeOrName) return byCodeOrName;
  if (t === '满意度' || t === '服务满意度' || t === '满意度指标') return LEVEL2.find((l) => l.key === 'beneficiarySatisfaction');
  if (t === '成本') return LEVEL2.find((l) => l.key === 'cost');
  return undefined;
});

/** Reads `1-产出指标` / `12 - 质量指标` / `产出指标` into code and name as written. */
export function splitLevel(text: string): { code: string | null; name: string } {
  const m = /^\s*(\d{1,2})\s*[-－—]\s*(.+?)\s*$/.exec(text);
  if (m) return { code: m[1] ?? null, name: (m[2] ?? '').replace(/\s+/g, '') };
  return { code: null, name: text.replace(/\s+/g, '') };
}

/** The 一级 a 二级 code or name belongs to, or undefined when the 二级 is unknown. */
export function parentOfLevel2(level2: { code: string | null; name: string | null }): Level1Key | undefined {
  return (findLevel2(level2.code) ?? findLevel2(level2.name))?.level1;
}

/** The 一级 an indicator declares, by code first, then by name. */
export function level1KeyOf(level1: { code: string | null; name: string | null }): Level1Key | undefined {
  return (findLevel1(level1.code) ?? findLevel1(level1.name))?.key;
}

/** The 二级 an indicator declares, by code first, then by name. */
export function level2KeyOf(level2: { code: string | null; name: string | null }): Level2Key | undefined {
  return (findLevel2(level2.code) ?? findLevel2(level2.name))?.key;
}
