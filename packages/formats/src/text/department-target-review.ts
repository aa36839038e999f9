import { emptyDocument } from '@jixiao/core';
import type { TextLayout } from './layout';

// Placeholder until the layout lands: it recognises nothing, so such files are refused as an unknown layout.
export const departmentTargetReview: TextLayout = {
  id: 'text/department-target-review',
  title: '部门整体绩效目标编制评审意见（附件1 部门整体绩效目标表、附表2 项目支出绩效目标表）',
  detect: () => 0,
  parse: () => emptyDocument('project-targets'),
};
