/** Grade bands (R7; R9 uses the same): a total falls in the highest band whose minimum it reaches. */
export interface GradeBand {
  grade: string;
  /** Lowest total (inclusive) for the grade. */
  min: number;
}

/** The national four bands of 财预〔2020〕10号: 优 ≥ 90, 良 80–<90, 中 60–<80, 差 < 60. */
export const NATIONAL_GRADES: GradeBand[] = [
  { grade: '优', min: 90 },
  { grade: '良', min: 80 },
  { grade: '中', min: 60 },
  { grade: '差', min: 0 },
];

/** The grade for a total (boundaries inclusive at the bottom: 90.00 优, 89.99 良). */
export function gradeFor(total: number, grades: readonly GradeBand[]): string {
  const bands = [...grades].sort((a, b) => b.min - a.min);
  return (bands.find((b) => total >= b.min) ?? bands[bands.length - 1])?.grade ?? '差';
}
