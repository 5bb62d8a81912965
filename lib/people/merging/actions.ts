"use server";
// The coordinators' write surface for merging two member records. Built with coordinatorAction: the
// tenant comes from the actor, and an id of another organisation's record is refused by the guard.
import { revalidatePath } from "next/cache";
import { coordinatorAction, recordNotFound } from "@/lib/auth/guards";
import { mergePeople as mergeRecords, type MergeResult } from "./merge";
import { mergePeopleSchema } from "./schemas";

/** Merges one record into the other; a missing record answers notFound, a refused merge its reason. */
export const mergePeople = coordinatorAction("mergePeople", mergePeopleSchema, async (actor, input): Promise<Exclude<MergeResult, { outcome: "notFound" }>> => {
  const result = await mergeRecords(actor, input);
  if (result.outcome === "notFound") recordNotFound();
  if (result.outcome === "done") {
    revalidatePath("/dashboard/people");
    revalidatePath(`/dashboard/people/${result.keptId}`);
    revalidatePath("/dashboard/audit");
  }
  return result;
});
