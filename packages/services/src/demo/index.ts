export { seedDemoData } from './seed-demo-data';
export type { SeedReport } from './seed-demo-data';
export { DEMO_CONCLUSION_REASON } from './approve-demo-targets';
export { seedDemoWorkflow } from './seed-demo-workflow';
export { seedDemoRectifications } from './seed-demo-rectification';
export { demoPdf } from './demo-pdf';
