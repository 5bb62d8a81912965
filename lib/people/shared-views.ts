// What every member of an organisation sees alike on the people pages (search, photo book, a
// colleague's page): the reads kept in the page cache and the compact rows the lists are drawn from.
// Nothing here takes the viewing member: the organisation comes from the caller's membership, and
// what a colleague may see is decided by the organisation's settings in lib/people/queries.ts.
import { cachedForOrganisation, type OrganisationKey } from "@/lib/cache/tags";
import { getColleague, getProfileFieldSettings, type PersonCard, type PersonDetail, type PhotoBookEntry } from "./queries";
import { familyNameOf, formatPersonName, initialsOf } from "./names";
import { formatPhoneNumber } from "./rules";

/**
 * A colleague for the person page and its title, the same for every member; null outside the
 * organisation or when they are no longer a member on `today` (YYYY-MM-DD in the organisation's zone).
 */
export async function readColleague(organisation: OrganisationKey, personId: string, today: string): Promise<PersonDetail | null> {
  "use cache";
  const tenantId = cachedForOrganisation(organisation, "people");
  const settings = await getProfileFieldSettings(tenantId);
  return getColleague(tenantId, personId, settings, today);
}

/**
 * One search result as the result list draws it: a photo id or initials, and the call and mail
 * details only when colleagues may see them. Short and flat, because the page sends it to the browser.
 */
export type SearchResultRow = {
  id: string;
  name: string;
  photo?: string;
  initials?: string;
  /** The dialling address and the number as shown ("tel:+31612345678", "06 12345678"). */
  phone?: [href: string, display: string];
  email?: string;
};

export function toSearchResultRow(card: PersonCard): SearchResultRow {
  const row: SearchResultRow = { id: card.id, name: formatPersonName(card) };
  if (card.contact.photoId) row.photo = card.contact.photoId;
  else row.initials = initialsOf(card);
  if (card.contact.phone) {
    const phone = formatPhoneNumber(card.contact.phone);
    row.phone = [phone.href, phone.display];
  }
  if (card.contact.email) row.email = card.contact.email;
  return row;
}

/** One face of the photo book: first name and family name ("de Vries") on two lines under the photo. */
export type PhotoBookRow = { id: string; first: string; family: string; photo?: string; initials?: string };

export type PhotoBookSection = { letter: string; people: PhotoBookRow[] };

/** Consecutive entries under the letter their last name sorts by ("de Vries" under V). */
export function toPhotoBookSections(entries: PhotoBookEntry[]): PhotoBookSection[] {
  const sections: PhotoBookSection[] = [];
  for (const entry of entries) {
    const row: PhotoBookRow = { id: entry.id, first: entry.firstName, family: familyNameOf(entry) };
    if (entry.photoId) row.photo = entry.photoId;
    else row.initials = initialsOf(entry);
    const last = sections.at(-1);
    if (last && last.letter === entry.letter) last.people.push(row);
    else sections.push({ letter: entry.letter, people: [row] });
  }
  return sections;
}
