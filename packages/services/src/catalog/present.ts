/**
 * The browse API's DTOs, built from the store's catalog records. Amounts leave the store as exact decimal text
 * (SQL numeric) and become JS numbers only here, for the answer (decision 002); a total is in 元 when every amount
 * counted is in 元, else in 万元 (元 ÷ 10000, converted exactly in SQL).
 */
import type { DepartmentDto, IndicatorDto, ProjectDetailDto, ProjectDto, UnitDto } from '@jixiao/contract';
import type { AmountUnit } from '@jixiao/core';
import type { AmountTotals, CatalogDepartment, CatalogIndicator, CatalogProject, CatalogUnit } from '../ports';

const numOrNull = (v: string | null): number | null => (v === null ? null : Number(v));

export function presentTotal(t: AmountTotals): { totalAmount: number | null; amountUnit: AmountUnit } {
  if (t.count === 0) return { totalAmount: null, amountUnit: t.allYuan ? '元' : '万元' };
  return t.allYuan ? { totalAmount: numOrNull(t.sum), amountUnit: '元' } : { totalAmount: numOrNull(t.sumInWan), amountUnit: '万元' };
}

export function presentDepartment(d: CatalogDepartment): DepartmentDto {
  return { id: d.id, name: d.name, unitCount: d.unitCount, projectCount: d.projectCount, indicatorCount: d.indicatorCount, ...presentTotal(d.amounts), years: d.years };
}

export function presentUnit(u: CatalogUnit): UnitDto {
  return { id: u.id, departmentId: u.departmentId, name: u.name, code: u.code, projectCount: u.projectCount, ...presentTotal(u.amounts) };
}

export function presentProject(p: CatalogProject): ProjectDto {
  return {
    id: p.id,
    unitId: p.unitId,
    unitName: p.unitName,
    departmentId: p.departmentId,
    departmentName: p.departmentName,
    documentId: p.documentId,
    year: p.year,
    no: p.no,
    name: p.name,
    code: p.code,
    amount: numOrNull(p.amount),
    amountUnit: p.amountUnit,
    category: p.category,
    description: p.description,
    goal: p.goal,
    indicatorCount: p.indicatorCount,
  };
}

export function presentIndicator(i: CatalogIndicator): IndicatorDto {
  return {
    id: i.id,
    projectId: i.projectId,
    no: i.no,
    level1: i.level1,
    level1Code: i.level1Code,
    level2: i.level2,
    level2Code: i.level2Code,
    name: i.name,
    periodTarget: i.periodTarget,
    annualTarget: i.annualTarget,
    direction: i.direction,
    explanation: i.explanation,
    formula: i.formula,
  };
}

export function presentProjectDetail(p: CatalogProject & { indicators: CatalogIndicator[] }): ProjectDetailDto {
  return { ...presentProject(p), indicators: p.indicators.map(presentIndicator) };
}
