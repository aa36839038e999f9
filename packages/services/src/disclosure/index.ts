export { listPublished, getPublishedSelfEvaluation, getPublishedTargets } from './public-disclosure';
