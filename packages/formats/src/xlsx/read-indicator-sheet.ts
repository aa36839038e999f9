/**
 * The indicator sheet of the project template (and of district workbooks that list indicators on a sheet of
 * their own): one 三级指标 per row, tied to its project by 项目编码, or by 项目名称 when there is no code.
 * An indicator whose project cannot be found is reported, never attached to a guess.
 */
import { type BudgetUnit, type Project, type ProblemList } from '@jixiao/core';
import type { ProjectField } from './columns';
import type { HeaderMatch } from './find-header';
import type { Grid } from './grid';
import { cellText, hasIndicatorData, readIndicatorRow, where, type RowReader } from './indicator-row';
import { cleanName, locate, truncate } from './values';

export function readIndicatorSheet(grid: Grid, header: HeaderMatch<ProjectField>, units: readonly BudgetUnit[], file: string, problems: ProblemList): number {
  const byCode = new Map<string, Project>();
  const byName = new Map<string, Project[]>();
  for (const u of units) {
    for (const p of u.projects) {
      if (p.code && !byCode.has(p.code)) byCode.set(p.code, p);
      const list = byName.get(p.name) ?? [];
      list.push(p);
      byName.set(p.name, list);
    }
  }
  const warnedAmbiguous = new Set<string>();
  let read = 0;
  for (let row = header.dataStart; row <= grid.rowCount; row++) {
    const rr: RowReader = { grid, row, columns: header.columns, file, problems };
    if (!hasIndicatorData(rr)) continue;
    const code = cleanName(cellText(rr, 'code'));
    const name = cleanName(cellText(rr, 'name'));
    let project: Project | undefined;
    if (code) project = byCode.get(code);
    if (!project && name) {
      const candidates = byName.get(name) ?? [];
      project = candidates[0];
      if (candidates.length > 1 && !code && !warnedAmbiguous.has(name)) {
        warnedAmbiguous.add(name);
        problems.warning('ambiguous-project', `有 ${candidates.length} 个项目都叫「${name}」，指标已归入第一个：请在两张表中都填写项目编码`, locate(where(rr, 'name')));
      }
    }
    if (!project) {
      if (!code && !name) problems.error('missing-project-link', '这一行指标没有填写项目编码或项目名称，未读取：请填写它所属的项目', locate(where(rr, 'name')));
      else problems.error('unknown-project', `指标所属的项目「${truncate(code ?? name ?? '')}」在项目表中找不到，未读取：请核对项目编码或项目名称`, locate(where(rr, code ? 'code' : 'name')));
      continue;
    }
    const indicator = readIndicatorRow(rr, 'no', project.indicators.length + 1);
    if (indicator) {
      project.indicators.push(indicator);
      read++;
    }
  }
  return read;
}
