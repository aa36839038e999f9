export { getWorkbench } from './get-workbench';
export type { WorkbenchDeps } from './get-workbench';
