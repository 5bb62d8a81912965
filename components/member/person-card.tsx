import Link from "next/link";
import { formatPersonName } from "@/lib/people/names";
import type { PersonCard as PersonCardData } from "@/lib/people/queries";
import { ContactActions } from "./contact-actions";
import { PersonPhoto } from "./person-photo";

/** A search result: photo, name (to the person page) and one-tap call and mail buttons. */
export async function PersonCard({ person }: { person: PersonCardData }) {
  const name = formatPersonName(person);
  return (
    <article className="rounded-xl border border-stone-200 bg-white p-3 shadow-sm">
      <Link href={`/my/people/${person.id}`} className="flex min-h-12 items-center gap-3 rounded-lg">
        <PersonPhoto person={person} photoId={person.contact.photoId} size="sm" lazy decorative />
        <span className="min-w-0 flex-1 truncate text-lg font-semibold text-stone-900">{name}</span>
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 shrink-0 text-stone-400" fill="none" stroke="currentColor" strokeWidth={2}>
          <path d="M9 6l6 6-6 6" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </Link>
      <div className="mt-2 empty:hidden">
        <ContactActions name={name} contact={person.contact} compact />
      </div>
    </article>
  );
}
