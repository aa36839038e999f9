export { getMonitoring, listMonitoring } from './get-monitoring';
export { isMonitoringFormat, renderMonitoringTable } from './render-monitoring-table';
export { saveMonitoring } from './save-monitoring';
export { startMonitoring } from './start-monitoring';
export { submitMonitoring } from './submit-monitoring';
export type { MonitoringWarningStore, NewMonitoringWarning, StoredMonitoringWarning, StoredWarningResponse } from './warning-ports';
export { getMonitoringWarnings, respondToWarning } from './warnings';
