// Organisations for the people tests: members with logins and known names, the real actor for each
// (resolved the way every request resolves it), and photos built in the test with sharp.
import { eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { getActorForSession, type Actor } from "@/lib/accounts/queries";
import type { Db } from "@/lib/db/client";
import { people, photos } from "@/lib/db/schema/people";
import { organisations, type ProfileField } from "@/lib/db/schema/tenancy";
import { createMemberWithLogin, type NewPerson, type Organisation, type Person, type User } from "@/lib/demo/factories";
import { openSession } from "@/tests/setup/sessions";

export type Member = { person: Person; user: User };

export async function createMember(db: Db, organisation: Organisation, person: Partial<NewPerson> = {}, role: "member" | "coordinator" | "admin" = "member"): Promise<Member> {
  return createMemberWithLogin(db, { tenantId: organisation.id, role, person });
}

export async function actorOf(member: Member): Promise<Actor> {
  const actor = await getActorForSession(await openSession(member.user));
  if (!actor) throw new Error(`No actor for ${member.user.username}`);
  return actor;
}

export async function setProfileFields(db: Db, organisationId: string, choice: { editable?: ProfileField[]; visible?: ProfileField[] }): Promise<void> {
  const patch: Record<string, ProfileField[]> = {};
  if (choice.editable) patch.editableProfileFields = choice.editable;
  if (choice.visible) patch.visibleProfileFields = choice.visible;
  await db
    .update(organisations)
    .set({ settings: sql`${organisations.settings} || ${JSON.stringify(patch)}::jsonb` })
    .where(eq(organisations.id, organisationId));
}

export async function photoRowsOf(db: Db, personId: string) {
  return db.select({ id: photos.id, etag: photos.etag, large: photos.large, small: photos.small }).from(photos).where(eq(photos.personId, personId));
}

export async function photoIdOf(db: Db, personId: string): Promise<string | null> {
  const [row] = await db.select({ photoId: people.photoId }).from(people).where(eq(people.id, personId));
  return row?.photoId ?? null;
}

/** A camera-like JPEG: `width`×`height` pixels with a gradient, so it encodes to a real image. */
export async function cameraJpeg(width = 400, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 40, g: 140, b: 90 } } })
    .composite([{ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width / 2}" height="${height}" fill="#c33"/></svg>`) }])
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** A form as the photo form posts it: the chosen file in `photo`, an empty camera field beside it. */
export function photoForm(bytes: Uint8Array, name = "foto.jpg", type = "image/jpeg"): FormData {
  const form = new FormData();
  form.set("camera", new File([], "", { type: "application/octet-stream" }));
  form.set("photo", new File([new Uint8Array(bytes)], name, { type }));
  return form;
}
