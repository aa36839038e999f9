export { getJob, getJobFile, listMyJobs } from './get-job';
export { presentJob } from './present';
export { IMPORT_QUEUED, runImportJob, startImportJob } from './import-job';
export { runOutputJob, startOutputJob, type OutputJobInput } from './output-job';
export { ABANDONED, startJobRunner, type JobRunner, type JobRunnerOptions } from './job-runner';
export type { ClaimedJob, GeneratedFile, JobEnd, JobError, JobKind, JobProgress, JobStatus, JobStore, NewJob, StoredJob } from './ports';
