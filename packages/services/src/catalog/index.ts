export { getDepartment, getProject, indicatorLibrary, listDepartments, listUnits, searchIndicators, searchProjects } from './queries';
export { presentDepartment, presentIndicator, presentProject, presentProjectDetail, presentTotal, presentUnit } from './present';
