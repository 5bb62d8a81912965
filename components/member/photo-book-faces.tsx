"use client";
// The photo book's jump-to-letter index and its faces, in a section per letter. Rendered from compact
// rows (lib/people/shared-views.ts) in one client component and styled once from the wrapper rather
// than per face or per section, so a page of faces weighs little in the HTML and not again as
// elements in the page's inline payload (which holds only the rows).
import Link from "next/link";
import type { PhotoBookSection } from "@/lib/people/shared-views";

const index =
  "flex gap-1 pb-1 [&_a]:inline-flex [&_a]:h-11 [&_a]:min-w-11 [&_a]:items-center [&_a]:justify-center [&_a]:rounded-lg [&_a]:font-semibold [&_a]:text-stone-700";
// The letters whose people are on this page.
const here = "bg-brand-50 text-brand-800!";

const book = [
  "[&_section]:mt-5 [&_h2]:border-b [&_h2]:border-stone-200 [&_h2]:pb-1 [&_h2]:text-lg [&_h2]:font-semibold [&_h2]:text-stone-700",
  "[&_ul]:mt-3 [&_ul]:grid [&_ul]:grid-cols-3 [&_ul]:gap-x-3 [&_ul]:gap-y-4 sm:[&_ul]:grid-cols-4",
  "[&_a]:flex [&_a]:flex-col [&_a]:items-center [&_a]:gap-2 [&_a]:rounded-lg [&_a]:p-1 [&_a]:text-center [&_a]:text-sm [&_a]:leading-tight",
  // The photo, or the initials on a disc when there is none.
  "[&_img]:size-24 [&_img]:max-w-none [&_img]:rounded-full [&_img]:bg-stone-200 [&_img]:object-cover",
  "[&_a>span]:flex [&_a>span]:size-24 [&_a>span]:items-center [&_a>span]:justify-center [&_a>span]:rounded-full [&_a>span]:bg-brand-100 [&_a>span]:text-2xl [&_a>span]:font-semibold [&_a>span]:text-brand-800",
  "[&_b]:block [&_b]:font-medium [&_p]:text-stone-700",
].join(" ");

export function PhotoBookFaces({
  sections,
  letters,
  page,
  pageHref,
  lettersLabel,
}: {
  sections: PhotoBookSection[];
  /** Every letter of the book (all pages) and the page its first person is on; empty on a book of one page. */
  letters: Array<[letter: string, page: number]>;
  page: number;
  /** The address of page 1, with the group filter when one is chosen; other pages add `page`. */
  pageHref: string;
  lettersLabel: string;
}) {
  const hrefOf = (target: number) => (target > 1 ? `${pageHref}${pageHref.includes("?") ? "&" : "?"}page=${target}` : pageHref);
  return (
    <>
      {letters.length > 0 ? (
        <nav aria-label={lettersLabel} className="-mx-4 mt-3 overflow-x-auto px-4">
          <ul className={index}>
            {letters.map(([letter, target]) => (
              <li key={letter}>
                <Link href={`${hrefOf(target)}#letter-${letter}`} className={target === page ? here : undefined}>
                  {letter}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <div className={book}>
        {sections.map((section) => (
          <section key={section.letter} aria-labelledby={`letter-${section.letter}`}>
            <h2 id={`letter-${section.letter}`}>{section.letter}</h2>
            <ul>
              {section.people.map((person) => {
                const name = person.family ? `${person.first} ${person.family}` : person.first;
                return (
                  <li key={person.id}>
                    <Link href={`/my/people/${person.id}`}>
                      {person.photo ? (
                        // A plain img: photos come from an authenticated route with its own caching, not from next/image.
                        // eslint-disable-next-line @next/next/no-img-element
                        <img src={`/api/photos/${person.photo}?size=small`} alt={name} loading="lazy" />
                      ) : (
                        <span role="img" aria-label={name}>
                          {person.initials}
                        </span>
                      )}
                      {/* The photo's alt text already names the person for screen readers. */}
                      <p aria-hidden="true">
                        <b>{person.first}</b>
                        {person.family}
                      </p>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
