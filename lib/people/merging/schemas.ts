// Input shapes of merging two member records, shared by the comparison page's form and
// lib/people/merging/actions.ts.
import { z } from "zod";

const side = z.enum(["keep", "merge"]);

/** An overlap is named by its two shifts; the winner is the side whose shift stays. */
const overlapChoice = z.object({ keepShiftId: z.uuid(), mergeShiftId: z.uuid(), winner: side });

/** More overlaps than two records can have in any real roster: a bigger list is a forged request. */
const OVERLAPS_MAX = 500;

/**
 * Merge `mergePersonId` into `keepPersonId`. `survivingLogin` is needed only when both records have a
 * login; `overlapChoices` holds one choice per overlap of two different shifts the comparison showed.
 */
export const mergePeopleSchema = z.object({
  keepPersonId: z.uuid(),
  mergePersonId: z.uuid(),
  survivingLogin: side.optional(),
  overlapChoices: z.array(overlapChoice).max(OVERLAPS_MAX).default([]),
});
export type MergePeopleInput = z.infer<typeof mergePeopleSchema>;
