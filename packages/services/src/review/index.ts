export { addFinding } from './add-finding';
export { decideFinding } from './decide-finding';
export { getReview } from './get-review';
export { renderReviewOpinion } from './render-review-opinion';
export { setConclusion } from './set-conclusion';
export { chinaDate, writeReviewOpinionFile } from './write-review-opinion';
