import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTarget, inferDirection, parseTarget } from './parse-target';

describe('parseTarget (R1)', () => {
  it.each([
    ['≥90%', '>=', 90, '%'],
    ['100%', '=', 100, '%'],
    ['=12个', '=', 12, '个'],
    ['≥2场', '>=', 2, '场'],
    ['≦2个小时', '<=', 2, '小时'],
    [' ≦2个小时', '<=', 2, '小时'],
    ['16小时/天', '=', 16, '小时/天'],
    ['大于90%', '>', 90, '%'],
    ['>95%', '>', 95, '%'],
    ['＞95%', '>', 95, '%'],
    ['不少于1场', '>=', 1, '场'],
    ['达到100%', '>=', 100, '%'],
    ['0次', '=', 0, '次'],
    ['0 次', '=', 0, '次'],
    ['≥ 95 %', '>=', 95, '%'],
    ['≥2。', '>=', 2, null],
    ['115', '=', 115, null],
    ['1010%', '=', 1010, '%'],
    ['80分以上', '>=', 80, '分'],
    ['≥80分', '>=', 80, '分'],
    ['不超过100万元', '<=', 100, '万元'],
    ['低于5%', '<', 5, '%'],
    ['50万元', '=', 50, '万元'],
    ['每日3次', '=', 3, '次/日'],
    ['1,000次', '=', 1000, '次'],
    ['１００％', '=', 100, '%'],
    ['≥2 个', '>=', 2, '个'],
  ])('%s → %s %s %s', (text, op, value, unit) => {
    const t = parseTarget(text);
    expect(t).toMatchObject({ kind: 'quantitative', op, value, unit });
  });

  it.each(['提升', '优良', '及时', '有效改善', '称职或以上', '长期', '同比下降', '年中和年末均达良好', '按照区核定编外人员数量'])(
    'keeps the words of a qualitative target: %s',
    (text) => {
      expect(parseTarget(text)).toEqual({ text, op: null, value: null, unit: null, kind: 'qualitative' });
    },
  );

  it.each(['80%-90%', '3-5次', '完成3个项目建设工作任务', '±5%'])('reports a number it cannot read as unparseable: %s', (text) => {
    expect(parseTarget(text)).toMatchObject({ text, op: null, value: null, kind: 'unparseable' });
  });

  it('treats an empty cell as a missing target', () => {
    expect(parseTarget('')).toBeNull();
    expect(parseTarget('  ')).toBeNull();
    expect(parseTarget(null)).toBeNull();
    expect(parseTarget('——')).toBeNull();
  });
});

describe('inferDirection (R1)', () => {
  it.each([
    ['补贴发放率', '100%', 'higher'],
    ['服务对象满意度', '≥90%', 'higher'],
    ['物业管理服务响应时长', '≦2个小时', 'lower'],
    ['安全事故或不良社会影响事件发生数', '0次', 'lower'],
    ['投诉率', '5%', 'lower'],
    ['预算调整率', '10%', 'lower'],
    ['信访、投诉、交办类案件结案率', '100%', 'higher'],
    ['案件类警情下降率', '10%', 'higher'],
    ['消毒员幸福指数', '优良', null],
  ])('%s with %s is %s', (name, text, direction) => {
    expect(inferDirection(name, parseTarget(text))).toBe(direction);
  });
});

describe('parseTarget properties', () => {
  const ops = fc.constantFrom('≥', '≤', '>', '<', '=', '', '不少于', '不超过', '大于', '低于');
  const units = fc.constantFrom('%', '次', '场', '人次', '个', '小时', '万元', '分', '');
  const values = fc.oneof(fc.nat(100_000), fc.integer({ min: 0, max: 99_999 }).map((n) => n / 100));

  it('reads back every well-formed target it can print', () => {
    fc.assert(
      fc.property(ops, values, units, (op, value, unit) => {
        const t = parseTarget(`${op}${value}${unit}`);
        expect(t?.kind).toBe('quantitative');
        expect(t?.value).toBe(value);
        expect(t?.unit).toBe(unit === '' ? null : unit);
        expect(parseTarget(formatTarget(t))).toMatchObject({ op: t?.op, value: t?.value, unit: t?.unit });
      }),
    );
  });

  it('never throws and never invents a number on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const t = parseTarget(s);
        const hasDigit = /\d|[０-９]/.test(s);
        // A value only ever comes from a digit in the text; text without digits is qualitative (or empty).
        expect(t === null || t.value === null || hasDigit).toBe(true);
        expect(t === null || hasDigit || t.kind === 'qualitative').toBe(true);
      }),
    );
  });

  it('tolerates extraction spaces inside the text', () => {
    fc.assert(
      fc.property(ops, fc.nat(1000), units, fc.nat(3), (op, value, unit, pad) => {
        const spaced = `${op}${' '.repeat(pad)}${value}${' '.repeat(pad)}${unit}`;
        expect(parseTarget(spaced)).toMatchObject({ value, unit: unit === '' ? null : unit });
      }),
    );
  });
});
