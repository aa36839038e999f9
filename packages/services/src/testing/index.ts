export { memoryStore, type MemoryStore } from './memory-store';
export { approveTargets } from './approve-targets';
