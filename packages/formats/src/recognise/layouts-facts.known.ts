/**
 * Files the general reader reads below 90% today: the share it reaches (the test fails if it drops; raise it when the
 * reader improves) and the facts it misses. Empty since the 88号 中期/年度 funding columns and 总体目标 are read;
 * the one fact still missed in .xlsx/.xls (Calc keeps a typed =100% as the number 1 with a % format, so the cell
 * text is `1`) leaves those files at 64 of 65 and is asserted as the ≥ 90% every file must reach.
 */
export const known: { file: string; share: number; missing: string[] }[] = [];
