export { seedDemoData } from './seed-demo-data';
export type { SeedReport } from './seed-demo-data';
export { DEMO_CONCLUSION_REASON, seedDemoPublication } from './seed-demo-publication';
export { seedDemoRectifications } from './seed-demo-rectification';
export { demoPdf } from './demo-pdf';
