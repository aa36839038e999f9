/** The self-evaluation actuals workbook (实际完成值填报表): written for a unit to fill, read back strictly. */
export type { ActualsWorkbookIdentity } from './layout';
export { writeActualsWorkbook, type ActualsWorkbookInput } from './write-xlsx';
export { readActualsWorkbook, formatWorkbookError, type WorkbookError, type ActualsWorkbookResult } from './read-xlsx';
