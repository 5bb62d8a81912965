// The icons of the people pages: outlines drawn in the text colour, styled by the element around
// them (`peopleIconStyle`) rather than by attributes on every icon. A page that shows each icon once
// draws it in place (`PeopleIcon`); a list that repeats them draws them once (`PeopleIconSprite`) and
// refers to them (`PeopleIconRef`), so twenty contact buttons do not repeat the drawing.
const drawings = {
  phone:
    "M3 5a2 2 0 012-2h2.3a1 1 0 011 .8l1 4a1 1 0 01-.3 1L7.6 10.6a12 12 0 005.8 5.8l1.8-1.4a1 1 0 011-.3l4 1a1 1 0 01.8 1V19a2 2 0 01-2 2h-1C10.3 21 3 13.7 3 5z",
  email: "M3 7l9 6 9-6M5 5h14a2 2 0 012 2v10a2 2 0 01-2 2H5a2 2 0 01-2-2V7a2 2 0 012-2z",
  vcard: "M12 4v12m0 0l-4-4m4 4l4-4M5 20h14",
} as const;

export type PeopleIconName = keyof typeof drawings;

/** For the element around the icons: their size and stroke (inherited into a sprite's drawings too). */
export const peopleIconStyle =
  "[&_svg]:size-5 [&_svg]:shrink-0 [&_svg]:fill-none [&_svg]:stroke-current [&_svg]:stroke-[1.8] [&_svg]:[stroke-linecap:round] [&_svg]:[stroke-linejoin:round]";

/** One icon drawn in place. */
export function PeopleIcon({ name }: { name: PeopleIconName }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true">
      <path d={drawings[name]} />
    </svg>
  );
}

/** The drawings, hidden, once on a page that shows them through `PeopleIconRef`. */
export function PeopleIconSprite() {
  return (
    <svg aria-hidden="true" className="absolute size-0 overflow-hidden">
      {Object.entries(drawings).map(([name, d]) => (
        <symbol key={name} id={`people-${name}`} viewBox="0 0 24 24">
          <path d={d} />
        </symbol>
      ))}
    </svg>
  );
}

/** An icon of the page's `PeopleIconSprite`. */
export function PeopleIconRef({ name }: { name: PeopleIconName }) {
  return (
    <svg aria-hidden="true">
      <use href={`#people-${name}`} />
    </svg>
  );
}
