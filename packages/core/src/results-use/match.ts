/**
 * Which of last year's projects a project of next year's targets is (R11: last year's result shown beside it).
 * Within the same unit: by project code when both have one, else by name — as rollover (document/rollover.ts)
 * carries units and projects over by name and code unchanged. Spaces and full-width forms are ignored, so a name
 * retyped with a different space still matches; a project of another unit never does.
 */
export interface ProjectIdentity {
  unit: string;
  project: string;
  code: string | null;
}

const norm = (s: string | null | undefined): string => (s ?? '').normalize('NFKC').replace(/\s+/g, '');

/** The first of `candidates` that is `project` of last year, or null. */
export function matchLastYear<C extends ProjectIdentity>(project: ProjectIdentity, candidates: readonly C[]): C | null {
  const unit = norm(project.unit);
  const sameUnit = candidates.filter((c) => norm(c.unit) === unit);
  const code = norm(project.code);
  if (code) {
    const byCode = sameUnit.find((c) => norm(c.code) === code);
    if (byCode) return byCode;
  }
  const name = norm(project.project);
  return sameUnit.find((c) => norm(c.project) === name && !(code && norm(c.code) && norm(c.code) !== code)) ?? null;
}
