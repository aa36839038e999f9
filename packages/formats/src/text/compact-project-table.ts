import { emptyDocument } from '@jixiao/core';
import type { TextLayout } from './layout';

// Placeholder until the layout lands: it recognises nothing, so such files are refused as an unknown layout.
export const compactProjectTable: TextLayout = {
  id: 'text/compact-project-table',
  title: '项目支出绩效目标表（紧凑指标格式，如金花街道）',
  detect: () => 0,
  parse: () => emptyDocument('project-targets'),
};
