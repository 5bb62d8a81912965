// People reads and writes: profiles, photos, search and the photo book. The only people file that
// imports db; every function takes the tenant first. Contact fields a colleague may not see are
// never selected: the select list is built from the organisation's settings.
import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/lib/db/client";
import { people, photos, type Role } from "@/lib/db/schema/people";
import { groupMembers, groups, organisations, type ProfileField } from "@/lib/db/schema/tenancy";
import type { ProcessedPhoto } from "./photo-processing";
import { nameSearch } from "./name-search";
import {
  resolveProfileFieldSettings,
  visibleContactFields,
  type ContactField,
  type ProfileFieldSettings,
} from "./rules";
import { canCoordinate } from "@/lib/auth/permissions";
import { currentMember, personOf } from "./members";
import { formatPersonName, type PersonName } from "./names";
import type { ProfileValues } from "./schemas";

export type PersonListEntry = { id: string; firstName: string; infix: string | null; lastName: string };

/** What colleagues may see of a person's contact details: a key is present only when it is visible. */
export type VisibleContact = Partial<Record<Exclude<ContactField, "photo">, string | null>> & { photoId?: string | null };

export type PersonCard = PersonName & { id: string; contact: VisibleContact };
export type PersonDetail = PersonCard & { groups: string[] };

// Names sort and compare without case, accents or punctuation, through the same SQL functions the
// search index uses (drizzle/0002_people_search.sql).
// Stored generated columns (ploeg_search_key of the name), indexed with the tenant for the photo book.
const lastNameSortKey = people.lastNameKey;
const firstNameSortKey = people.firstNameKey;
// Drizzle writes columns unqualified in a one-table select; inside a subquery that would be ambiguous.
const outerPersonId = sql`"people"."id"`;

/** The columns of every field a member types in on their profile (`textProfileFields`), as select keys. */
export const profileColumns = {
  firstName: people.firstName,
  infix: people.infix,
  lastName: people.lastName,
  email: people.email,
  phone: people.phone,
  birthDate: people.birthDate,
  address: people.address,
  postcode: people.postcode,
  city: people.city,
};

// Looked up by contact field only; the name columns ride along unused.
const contactColumns: Record<ContactField, AnyPgColumn> = { ...profileColumns, photo: people.photoId };

/** The select list of the visible contact fields only, under `contact_<field>` keys. */
function contactSelection(settings: ProfileFieldSettings): Record<string, AnyPgColumn> {
  return Object.fromEntries(visibleContactFields(settings).map((field) => [`contact_${field}`, contactColumns[field]]));
}

function readContact(row: Record<string, unknown>, settings: ProfileFieldSettings): VisibleContact {
  const contact: VisibleContact = {};
  for (const field of visibleContactFields(settings)) {
    const value = row[`contact_${field}`];
    const text = typeof value === "string" ? value : null;
    if (field === "photo") contact.photoId = text;
    else contact[field] = text;
  }
  return contact;
}

const nameSelection = { id: people.id, firstName: people.firstName, infix: people.infix, lastName: people.lastName };

function toCard(row: Record<string, unknown> & PersonListEntry, settings: ProfileFieldSettings): PersonCard {
  return { id: row.id, firstName: row.firstName, infix: row.infix, lastName: row.lastName, contact: readContact(row, settings) };
}

/** Everyone in the organisation, sorted the Dutch way: by last name without infix ("de Vries" under V). */
export async function listPeople(tenantId: string): Promise<PersonListEntry[]> {
  const db = await getDb();
  return db
    .select(nameSelection)
    .from(people)
    .where(personOf(tenantId))
    .orderBy(asc(lastNameSortKey), asc(firstNameSortKey));
}

/** The display names of these people of the organisation (merged records too), by id; unknown ids are left out. */
export async function listPersonNames(tenantId: string, personIds: readonly string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select(nameSelection)
    .from(people)
    .where(and(eq(people.tenantId, tenantId), inArray(people.id, [...personIds])));
  return new Map(rows.map((row) => [row.id, formatPersonName(row)]));
}

// ---------------------------------------------------------------------------------------------
// Settings

/** The organisation's profile-field choices (defaults where it never chose). */
export async function getProfileFieldSettings(tenantId: string): Promise<ProfileFieldSettings> {
  const db = await getDb();
  const [row] = await db.select({ settings: organisations.settings }).from(organisations).where(eq(organisations.id, tenantId));
  return resolveProfileFieldSettings(row?.settings);
}

/** Stores the admin's choices; other settings in the same document are left alone (jsonb merge). */
export async function saveProfileFieldSettings(tenantId: string, choice: { editable: ProfileField[]; visible: ProfileField[] }): Promise<void> {
  const db = await getDb();
  const patch = JSON.stringify({ editableProfileFields: choice.editable, visibleProfileFields: choice.visible });
  await db
    .update(organisations)
    .set({ settings: sql`${organisations.settings} || ${patch}::jsonb` })
    .where(eq(organisations.id, tenantId));
}

// ---------------------------------------------------------------------------------------------
// The member's own profile


export type OwnProfile = { values: ProfileValues; photoId: string | null; settings: ProfileFieldSettings };

/** The member's own record, every field (it is theirs), with the organisation's settings, in one statement. */
export async function getOwnProfile(tenantId: string, personId: string): Promise<OwnProfile | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      ...profileColumns,
      photoId: people.photoId,
      settings: organisations.settings,
    })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.tenantId))
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
  if (!row) return null;
  const { photoId, settings, ...values } = row;
  return { values, photoId, settings: resolveProfileFieldSettings(settings) };
}

/** Writes the given profile fields (already validated and allowed) of one person. */
export async function updateOwnProfile(tenantId: string, personId: string, changes: Partial<ProfileValues>): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  const db = await getDb();
  await db
    .update(people)
    .set(changes)
    .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
}

// ---------------------------------------------------------------------------------------------
// Photos

/**
 * Stores a processed photo as the person's photo and deletes the ones before it, in one transaction:
 * the person always has exactly their old or their new photo. A new row means a new address, so
 * browsers never show a cached old photo.
 */
export async function replacePersonPhoto(tenantId: string, personId: string, photo: ProcessedPhoto): Promise<{ photoId: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(photos)
      .values({ tenantId, personId, large: photo.large, small: photo.small, etag: photo.etag })
      .returning({ id: photos.id });
    const [updated] = await tx
      .update(people)
      .set({ photoId: inserted.id })
      .where(and(eq(people.tenantId, tenantId), eq(people.id, personId)))
      .returning({ id: people.id });
    if (!updated) throw new Error("person not found in this organisation");
    await tx.delete(photos).where(and(eq(photos.tenantId, tenantId), eq(photos.personId, personId), ne(photos.id, inserted.id)));
    return { photoId: inserted.id };
  });
}

export async function removePersonPhoto(tenantId: string, personId: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(people).set({ photoId: null }).where(and(eq(people.tenantId, tenantId), eq(people.id, personId)));
    await tx.delete(photos).where(and(eq(photos.tenantId, tenantId), eq(photos.personId, personId)));
  });
}

export type PhotoSize = "small" | "large";
export type PhotoViewer = { tenantId: string; personId: string; role: Role };
/** `bytes` is null when the viewer already holds this version (one of `knownEtags`): answer 304. */
export type ViewablePhoto = { etag: string; bytes: Uint8Array | null };

/**
 * A photo the viewer may see, in one statement: same organisation, and either their own, or photos
 * are visible to colleagues, or the viewer is a coordinator or admin. Null otherwise, and for another
 * organisation's photo, so neither can be told from a photo that does not exist.
 */
export async function getPhotoForViewer(viewer: PhotoViewer, photoId: string, size: PhotoSize, knownEtags: string[]): Promise<ViewablePhoto | null> {
  const db = await getDb();
  const column = size === "large" ? photos.large : photos.small;
  const alreadyHeld = knownEtags.length > 0 ? inArray(photos.etag, knownEtags) : sql`false`;
  const managesPeople = canCoordinate(viewer.role);
  const [row] = await db
    .select({ etag: photos.etag, bytes: sql<Uint8Array | Buffer | null>`case when ${alreadyHeld} then null else ${column} end` })
    .from(photos)
    .innerJoin(organisations, eq(organisations.id, photos.tenantId))
    .where(
      and(
        eq(photos.tenantId, viewer.tenantId),
        eq(photos.id, photoId),
        or(
          eq(photos.personId, viewer.personId),
          managesPeople ? sql`true` : sql`false`,
          sql`coalesce(${organisations.settings} -> 'visibleProfileFields', '["photo"]'::jsonb) @> '["photo"]'::jsonb`,
        ),
      ),
    );
  if (!row) return null;
  const bytes = row.bytes === null ? null : row.bytes instanceof Uint8Array ? row.bytes : new Uint8Array(row.bytes);
  return { etag: row.etag, bytes };
}

// ---------------------------------------------------------------------------------------------
// Search, the person page and the photo book

/** How many people the organisation has today (the search page's empty state). */
export async function countPeople(tenantId: string, today: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(people).where(currentMember(tenantId, today));
  return row?.count ?? 0;
}

// Enough to find anyone by a first name or part of a last name; past this, typing more letters is quicker
// than scrolling on a phone (and the page stays light).
export const SEARCH_LIMIT = 20;

/**
 * People whose name matches every word of `query` (the tolerant search of lib/people/name-search.ts),
 * best match first, in one statement. Only the visible contact fields are selected.
 *
 * The organisation's current members are found through the (tenant_id, …) index; the name conditions
 * are checked on those rows only, so another organisation's size never slows a search down.
 */
export async function searchPeople(
  tenantId: string,
  query: string,
  settings: ProfileFieldSettings,
  today: string,
  limit = SEARCH_LIMIT,
): Promise<PersonCard[]> {
  const search = nameSearch(query);
  if (!search) return [];
  const db = await getDb();
  const rows = await db
    .select({ ...nameSelection, ...contactSelection(settings) })
    .from(people)
    .where(and(currentMember(tenantId, today), search.match))
    .orderBy(desc(search.score), asc(lastNameSortKey), asc(firstNameSortKey))
    .limit(limit);
  return rows.map((row) => toCard(row, settings));
}

/** One colleague for the person page, with the names of their groups; null outside the organisation. */
export async function getColleague(tenantId: string, personId: string, settings: ProfileFieldSettings, today: string): Promise<PersonDetail | null> {
  const db = await getDb();
  const groupNames = sql<string[]>`coalesce((
    select array_agg(g.name order by lower(g.name))
    from ${groupMembers} gm join ${groups} g on g.id = gm.group_id
    where gm.person_id = ${outerPersonId} and gm.tenant_id = ${tenantId} and g.tenant_id = ${tenantId}
  ), '{}')`;
  const [row] = await db
    .select({ ...nameSelection, ...contactSelection(settings), groups: groupNames })
    .from(people)
    .where(and(currentMember(tenantId, today), eq(people.id, personId)));
  if (!row) return null;
  return { ...toCard(row, settings), groups: row.groups };
}

export type GroupOption = { id: string; name: string };

/** The photo book's group filter: archived groups are no longer offered. */
export async function listGroups(tenantId: string): Promise<GroupOption[]> {
  const db = await getDb();
  return db
    .select({ id: groups.id, name: groups.name })
    .from(groups)
    .where(and(eq(groups.tenantId, tenantId), isNull(groups.archivedAt)))
    .orderBy(asc(sql`lower(${groups.name})`));
}

export type PhotoBookEntry = PersonName & { id: string; photoId: string | null; letter: string };

/**
 * People per page of the photo book: a whole number of rows on a phone (3 across) and a tablet (4),
 * and a page a phone loads quickly; the letter index jumps to the rest.
 */
export const PHOTO_BOOK_PAGE_SIZE = 24;

export type PhotoBookPage = {
  entries: PhotoBookEntry[];
  total: number;
  /** The page shown (1-based), clamped to the pages there are. */
  page: number;
  pages: number;
  /** Each letter last names start with, and the page on which its first person is. */
  letters: Array<{ letter: string; page: number }>;
};

// The letter a last name sorts under, from the same key the book sorts by ("de Vries" under V,
// "Özdemir" under O); anything that does not start with a letter under "#".
const sortLetter = sql<string>`case when ${lastNameSortKey} ~ '^[[:alpha:]]' then upper(left(${lastNameSortKey}, 1)) else '#' end`;

/**
 * One page of everyone's name and photo, or a group's, by last name without infix ("de Vries" under
 * V), with an index of the letters. The photo is left out when the organisation hides photos from
 * colleagues. Two statements whatever the number of members: the letter counts, then the page.
 */
export async function listPhotoBook(
  tenantId: string,
  settings: ProfileFieldSettings,
  today: string,
  groupId: string | null,
  requestedPage = 1,
  pageSize = PHOTO_BOOK_PAGE_SIZE,
): Promise<PhotoBookPage> {
  const db = await getDb();
  const photoVisible = settings.visible.has("photo");
  const inGroup = groupId
    ? sql`exists (select 1 from ${groupMembers} gm where gm.tenant_id = ${tenantId} and gm.group_id = ${groupId} and gm.person_id = ${outerPersonId})`
    : undefined;
  const where = inGroup ? and(currentMember(tenantId, today), inGroup) : currentMember(tenantId, today);
  const counts = await db
    .select({ letter: sortLetter, count: sql<number>`count(*)::int` })
    .from(people)
    .where(where)
    .groupBy(sql`1`)
    .orderBy(sql`min(${lastNameSortKey})`);
  const total = counts.reduce((sum, row) => sum + row.count, 0);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.trunc(requestedPage)), pages);
  const letters: PhotoBookPage["letters"] = [];
  let before = 0;
  for (const row of counts) {
    letters.push({ letter: row.letter, page: Math.floor(before / pageSize) + 1 });
    before += row.count;
  }
  if (total === 0) return { entries: [], total, page, pages, letters };
  const rows = await db
    .select({ ...nameSelection, letter: sortLetter, ...(photoVisible ? { photoId: people.photoId } : {}) })
    .from(people)
    .where(where)
    .orderBy(asc(lastNameSortKey), asc(firstNameSortKey), asc(people.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const entries = rows.map((row) => ({ ...row, photoId: "photoId" in row && typeof row.photoId === "string" ? row.photoId : null }));
  return { entries, total, page, pages, letters };
}
