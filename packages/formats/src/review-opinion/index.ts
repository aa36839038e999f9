/** 评审意见: seed 000's extracted text read into department targets, and the opinion written as .docx. */
export { departmentTargetReview } from './read-text';
export { writeReviewOpinion, type ReviewOpinionInput } from './write-docx';
