/** The jixiao Excel templates (项目/部门 绩效目标表). They are read back by the workbook readers in `xlsx/`. */
export { writeProjectTargetsTemplate } from './write-project-template';
export { writeDepartmentTargetsTemplate } from './write-department-template';
