export { listPublished, getPublishedTargets } from './public-disclosure';
