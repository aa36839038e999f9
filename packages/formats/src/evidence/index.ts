export { checkEvidenceFile, sniffEvidenceType, type EvidenceCheck } from './check-evidence';
