/**
 * 结转 on the wire (issue 13 item 6): `POST /api/documents/{id}/rollover` makes next year's draft from the approved
 * targets and answers where it is.
 */
import { z } from 'zod';

export const rollOverRequestSchema = z
  .strictObject({
    /** Default: the year after the document's. */
    toYear: z.number().int().min(1990).max(2100).optional(),
    /** Keep last year's amounts as the starting point (default: cleared, to be filled in anew). */
    keepAmounts: z.boolean().default(false),
  })
  .meta({ id: 'RollOverRequest' });
export type RollOverRequest = z.infer<typeof rollOverRequestSchema>;

export const rollOverResultDtoSchema = z
  .object({
    documentId: z.number().int().positive(),
    version: z.number().int().positive(),
    year: z.number().int(),
    kind: z.enum(['project-targets', 'department-targets', 'project-self-evaluation', 'department-self-evaluation']),
    department: z.string().nullable(),
    from: z.object({ documentId: z.number().int().positive(), version: z.number().int().positive(), year: z.number().int().nullable() }),
    keepAmounts: z.boolean(),
    projectCount: z.number().int().min(0),
    indicatorCount: z.number().int().min(0),
  })
  .meta({ id: 'RollOverResult' });
export type RollOverResultDto = z.infer<typeof rollOverResultDtoSchema>;
