export { getDashboard } from './get-dashboard';
export type { GetDashboardDeps } from './get-dashboard';
export { exportDashboardChart } from './export-dashboard-chart';
export { chartTable, type ChartTable } from './chart-table';
export { REVIEWED_AT_MOST } from './review-conclusions';
export type { DashboardDocument, DashboardFilter, DashboardKeptScore, DashboardMonitoring, DashboardProjectRef, DashboardQueries } from './ports';
