"use server";
// The coordinator's write surface for groups: create, rename and email address, archive and
// unarchive, delete, and bulk membership from the members table. Coordinators run people and the
// roster (PRODUCT.md §1), so deleting a group is theirs too; the confirmation says what it does.
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { coordinatorAction } from "@/lib/auth/guards";
import { changeArchivedForm, recordFormFailure, type RecordFormState } from "@/lib/tenancy/archivable-records";
import * as useCases from "@/lib/tenancy/groups";
import { createGroupSchema, groupIdSchema, groupMembershipSchema, updateGroupSchema } from "@/lib/tenancy/groups-schemas";

/** Group names and counts show on the groups pages, the shift editor, the roster and the members table. */
function revalidateGroups() {
  revalidatePath("/dashboard", "layout");
}

export const createGroup = coordinatorAction("createGroup", createGroupSchema, async (actor, input) => {
  const result = await useCases.createGroup(actor.tenantId, actor.userId, input);
  if (result.outcome === "saved") revalidateGroups();
  return result;
});

export const updateGroup = coordinatorAction("updateGroup", updateGroupSchema, async (actor, input) => {
  const result = await useCases.updateGroup(actor.tenantId, actor.userId, input);
  if (result.outcome === "saved" && result.changed) revalidateGroups();
  return result;
});

export const archiveGroup = coordinatorAction("archiveGroup", groupIdSchema, async (actor, input) => {
  const result = await useCases.setGroupArchived(actor.tenantId, actor.userId, input.groupId, true);
  revalidateGroups();
  return result;
});

export const unarchiveGroup = coordinatorAction("unarchiveGroup", groupIdSchema, async (actor, input) => {
  const result = await useCases.setGroupArchived(actor.tenantId, actor.userId, input.groupId, false);
  revalidateGroups();
  return result;
});

export const deleteGroup = coordinatorAction("deleteGroup", groupIdSchema, async (actor, input) => {
  const result = await useCases.deleteGroup(actor.tenantId, actor.userId, input.groupId);
  revalidateGroups();
  return result;
});

export const addMembersToGroup = coordinatorAction("addMembersToGroup", groupMembershipSchema, async (actor, input) => {
  const result = await useCases.addMembersToGroup(actor.tenantId, actor.userId, input);
  if (result.outcome === "changed" && result.changed > 0) revalidateGroups();
  return result;
});

export const removeMembersFromGroup = coordinatorAction("removeMembersFromGroup", groupMembershipSchema, async (actor, input) => {
  const result = await useCases.removeMembersFromGroup(actor.tenantId, actor.userId, input);
  if (result.outcome === "changed" && result.changed > 0) revalidateGroups();
  return result;
});

export type GroupFormState = RecordFormState;

const fieldErrorKeys = ["name", "email"] as const;

/** The create form (no groupId) and the edit form (with groupId) of a group. */
export async function saveGroupForm(_previous: GroupFormState, formData: FormData): Promise<GroupFormState> {
  const editing = formData.has("groupId");
  const result = editing ? await updateGroup(formData) : await createGroup(formData);
  if (!result.ok) return recordFormFailure("groups", fieldErrorKeys, result);
  const t = await getTranslations("groups");
  if (result.value.outcome === "refused") return { status: "failed", message: t("errors.checkFields"), fieldErrors: { name: [t("errors.nameTaken")] } };
  if (!result.value.changed) return { status: "unchanged", message: t("unchanged") };
  return { status: "saved", message: editing ? t("saved") : t("created", { name: String(formData.get("name") ?? "").trim() }) };
}

/** Archive, unarchive or delete, as the group page's buttons post them (`intent`). */
export async function changeGroupStatusForm(_previous: GroupFormState, formData: FormData): Promise<GroupFormState> {
  const intent = formData.get("intent");
  if (intent === "delete") {
    const result = await deleteGroup(formData);
    if (!result.ok) return recordFormFailure("groups", fieldErrorKeys, result);
    redirect("/dashboard/groups?deleted=1");
  }
  return changeArchivedForm("groups", intent, { archive: () => archiveGroup(formData), unarchive: () => unarchiveGroup(formData) }, fieldErrorKeys);
}
