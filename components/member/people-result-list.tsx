"use client";
// The results of Personen zoeken. Rendered from compact rows (lib/people/shared-views.ts) in one
// client component, and styled from the list rather than per card: twenty results then weigh little
// in the HTML and not again as elements in the page's inline payload (which holds only the rows).
import Link from "next/link";
import type { SearchResultRow } from "@/lib/people/shared-views";
import { PeopleIconRef, PeopleIconSprite, peopleIconStyle } from "./people-icons";

/** The buttons' accessible names as raw texts with `{name}` and `{number}` or `{email}` placeholders. */
export type PeopleResultLabels = {
  call: string;
  mail: string;
  mailShort: string;
};

const list = [
  "mt-3 space-y-3",
  // A card: the photo and name as one big tap target on its own line, then the call and mail buttons.
  "*:flex *:flex-wrap *:items-center *:gap-2 *:rounded-xl *:border *:border-stone-200 *:bg-white *:p-3",
  "[&_a]:flex [&_a]:min-h-11 [&_a]:items-center [&_a]:gap-2",
  "[&_a:first-child]:min-h-12 [&_a:first-child]:basis-full [&_a:first-child]:gap-3 [&_a:first-child]:text-lg [&_a:first-child]:font-semibold",
  "[&_a+a]:rounded-lg [&_a+a]:border [&_a+a]:border-stone-300 [&_a+a]:px-3 [&_a+a]:text-sm [&_a+a]:font-medium [&_a+a]:text-stone-800",
  // The photo, or the initials on a disc when there is none.
  "[&_img]:size-12 [&_img]:shrink-0 [&_img]:rounded-full [&_img]:bg-stone-200 [&_img]:object-cover",
  "[&_span]:flex [&_span]:size-12 [&_span]:shrink-0 [&_span]:items-center [&_span]:justify-center [&_span]:rounded-full [&_span]:bg-brand-100 [&_span]:text-base [&_span]:text-brand-800",
  peopleIconStyle,
].join(" ");

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, key: string) => values[key] ?? placeholder);
}

export function PeopleResultList({ people, labels }: { people: SearchResultRow[]; labels: PeopleResultLabels }) {
  return (
    <>
      <PeopleIconSprite />
      <ul className={list}>
        {people.map((person) => (
          <li key={person.id}>
            <Link href={`/my/people/${person.id}`}>
              {/* Decorative beside the printed name; a plain img: photos come from an authenticated route with its own caching. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              {person.photo ? <img src={`/api/photos/${person.photo}?size=small`} alt="" loading="lazy" /> : <span aria-hidden="true">{person.initials}</span>}
              {person.name}
            </Link>
            {person.phone ? (
              <a
                href={person.phone[0]}
                aria-label={fill(labels.call, {
                  name: person.name,
                  number: person.phone[1],
                })}
              >
                <PeopleIconRef name="phone" />
                {person.phone[1]}
              </a>
            ) : null}
            {person.email ? (
              <a
                href={`mailto:${person.email}`}
                aria-label={fill(labels.mail, {
                  name: person.name,
                  email: person.email,
                })}
              >
                <PeopleIconRef name="email" />
                {labels.mailShort}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
