"use server";
// The people domain's write surface: a member's own profile and photo, and the admin's profile-field
// settings. Every action is built with the guards; the tenant and person always come from the actor.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adminAction, memberAction } from "@/lib/auth/guards";
import { MAX_PHOTO_BYTES, processUploadedPhoto, type PhotoRefusal } from "./photo-processing";
import {
  getOwnProfile,
  getProfileFieldSettings,
  removePersonPhoto,
  replacePersonPhoto,
  saveProfileFieldSettings,
  updateOwnProfile,
} from "./queries";
import { todayIn } from "@/lib/dates";
import { normaliseDutchPostcode, normalisePhoneNumber, textProfileFields, type TextProfileField } from "./rules";
import {
  isProfileErrorKey,
  profileFieldSettingsSchema,
  updateProfileSchema,
  uploadPhotoSchema,
  type ProfileErrorKey,
  type ProfileValues,
} from "./schemas";

export type ProfileFormState = {
  status: "idle" | "saved" | "invalid" | "failed";
  /** One message key (profile.errors.*) per field that was refused. */
  fieldErrors?: Partial<Record<TextProfileField, ProfileErrorKey>>;
  /** What the member typed, so a refused form shows it again instead of the stored values. */
  submitted?: Partial<Record<TextProfileField, string>>;
};

export type PhotoFormState = {
  status: "idle" | "saved" | "removed" | "refused" | "failed";
  reason?: PhotoRefusal | "notEditable";
};

export type ProfileFieldSettingsState = { status: "idle" | "saved" | "failed" };

/** Stored values are compared in their normalised form, so an unchanged read-only field never counts as a change. */
function normaliseStored(field: TextProfileField, value: string | null): string | null {
  if (value === null) return null;
  if (field === "phone") return normalisePhoneNumber(value) ?? value;
  if (field === "postcode") return normaliseDutchPostcode(value) ?? value;
  return value;
}

type ProfileUpdateResult = { ok: true } | { ok: false; fieldErrors: Partial<Record<TextProfileField, ProfileErrorKey>> };

const updateProfileAction = memberAction("saveMyProfile", z.record(z.string(), z.unknown()), async (actor, raw): Promise<ProfileUpdateResult> => {
  // Parsed here rather than by the guard: "not in the future" needs the organisation's calendar day.
  const parsed = updateProfileSchema(todayIn(actor.timeZone)).safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<TextProfileField, ProfileErrorKey>> = {};
    for (const issue of parsed.error.issues) {
      const field = textProfileFields.find((name) => name === issue.path[0]);
      if (field && !fieldErrors[field]) fieldErrors[field] = isProfileErrorKey(issue.message) ? issue.message : "invalid";
    }
    return { ok: false, fieldErrors };
  }
  const profile = await getOwnProfile(actor.tenantId, actor.personId);
  if (!profile) throw new Error("the signed-in member has no person record");

  const changes: Partial<ProfileValues> = {};
  const fieldErrors: Partial<Record<TextProfileField, ProfileErrorKey>> = {};
  for (const field of textProfileFields) {
    const value = parsed.data[field];
    if (value === undefined) continue;
    if (!profile.settings.editable.has(field)) {
      // The form shows such a field read-only and does not send it; a request that changes it anyway is refused.
      if (value !== normaliseStored(field, profile.values[field])) fieldErrors[field] = "notEditable";
      continue;
    }
    Object.assign(changes, { [field]: value });
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  await updateOwnProfile(actor.tenantId, actor.personId, changes);
  return { ok: true };
});

function submittedText(formData: FormData): Partial<Record<TextProfileField, string>> {
  const submitted: Partial<Record<TextProfileField, string>> = {};
  for (const field of textProfileFields) {
    const value = formData.get(field);
    if (typeof value === "string") submitted[field] = value.slice(0, 300);
  }
  return submitted;
}

/** The profile form's action (useActionState): saves the fields the member may edit. */
export async function saveMyProfile(_previous: ProfileFormState, formData: FormData): Promise<ProfileFormState> {
  const result = await updateProfileAction(formData);
  if (!result.ok) return { status: "failed", submitted: submittedText(formData) };
  if (!result.value.ok) return { status: "invalid", fieldErrors: result.value.fieldErrors, submitted: submittedText(formData) };
  revalidatePath("/my", "layout");
  return { status: "saved" };
}

type PhotoResult = { ok: true } | { ok: false; reason: PhotoRefusal | "notEditable" };

const uploadPhotoAction = memberAction("uploadMyPhoto", uploadPhotoSchema, async (actor, { file }): Promise<PhotoResult> => {
  const settings = await getProfileFieldSettings(actor.tenantId);
  if (!settings.editable.has("photo")) return { ok: false, reason: "notEditable" };
  if (!file) return { ok: false, reason: "empty" };
  // Refused before the bytes are read into memory.
  if (file.size > MAX_PHOTO_BYTES) return { ok: false, reason: "tooLarge" };
  const processed = await processUploadedPhoto(new Uint8Array(await file.arrayBuffer()));
  if (!processed.ok) return processed;
  await replacePersonPhoto(actor.tenantId, actor.personId, processed.photo);
  return { ok: true };
});

/** The photo form's action: checks, re-encodes and stores a new photo; a refused one leaves the old in place. */
export async function uploadMyPhoto(_previous: PhotoFormState, formData: FormData): Promise<PhotoFormState> {
  const result = await uploadPhotoAction(formData);
  if (!result.ok) return { status: "failed" };
  if (!result.value.ok) return { status: "refused", reason: result.value.reason };
  revalidatePath("/my", "layout");
  return { status: "saved" };
}

const removePhotoAction = memberAction("removeMyPhoto", z.object({}), async (actor): Promise<PhotoResult> => {
  const settings = await getProfileFieldSettings(actor.tenantId);
  if (!settings.editable.has("photo")) return { ok: false, reason: "notEditable" };
  await removePersonPhoto(actor.tenantId, actor.personId);
  return { ok: true };
});

export async function removeMyPhoto(_previous: PhotoFormState, formData: FormData): Promise<PhotoFormState> {
  const result = await removePhotoAction(formData);
  if (!result.ok) return { status: "failed" };
  if (!result.value.ok) return { status: "refused", reason: result.value.reason };
  revalidatePath("/my", "layout");
  return { status: "removed" };
}

const saveProfileFieldSettingsAction = adminAction("saveProfileFieldChoices", profileFieldSettingsSchema, async (actor, choice) => {
  await saveProfileFieldSettings(actor.tenantId, choice);
});

/** The admin page's action: which profile fields members may edit, and which colleagues may see. */
export async function saveProfileFieldChoices(_previous: ProfileFieldSettingsState, formData: FormData): Promise<ProfileFieldSettingsState> {
  const result = await saveProfileFieldSettingsAction(formData);
  if (!result.ok) return { status: "failed" };
  revalidatePath("/", "layout");
  return { status: "saved" };
}
