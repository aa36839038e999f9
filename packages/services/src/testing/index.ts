export { memoryStore, type MemoryStore } from './memory-store';
export { approveTargetsForTest, TEST_ADMIN } from './approve-targets';
