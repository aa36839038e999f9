/** 绩效运行监控表: the rows both writers share, the .xlsx and the .docx (A4 landscape). */
export type { MonitoringTableInput } from './rows';
export { writeMonitoringTable } from './write-xlsx';
export { writeMonitoringTableDocx } from './write-docx';
