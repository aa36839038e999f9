/** What other features may use of 数据看板: its query keys (to refresh it after a change elsewhere). */
export { dashboardKeys } from './api';
