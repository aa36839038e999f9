import { emptyDocument } from '@jixiao/core';
import type { TextLayout } from './layout';

// Placeholder until the layout lands: it recognises nothing, so such files are refused as an unknown layout.
export const departmentSelfEvaluationTable: TextLayout = {
  id: 'text/department-self-evaluation-table',
  title: '部门整体支出绩效自评表',
  detect: () => 0,
  parse: () => emptyDocument('project-targets'),
};
