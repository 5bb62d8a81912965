import { formatPersonName, initialsOf, type PersonName } from "@/lib/people/names";

const sizes = {
  sm: { box: "h-12 w-12 text-base", px: 48 },
  md: { box: "h-24 w-24 text-2xl", px: 96 },
  lg: { box: "h-40 w-40 text-4xl", px: 160 },
} as const;

/**
 * A person's photo from the photo route, or their initials on a coloured disc when there is none.
 * The alt text is the name, so a list of photos reads as a list of people.
 */
export function PersonPhoto({
  person,
  photoId,
  size,
  variant = photoIdVariant(size),
  lazy = false,
  decorative = false,
}: {
  person: PersonName;
  photoId: string | null | undefined;
  size: keyof typeof sizes;
  variant?: "small" | "large";
  lazy?: boolean;
  /** When the name is printed right beside the photo, screen readers need not hear it twice. */
  decorative?: boolean;
}) {
  const { box, px } = sizes[size];
  const name = formatPersonName(person);
  if (!photoId) {
    return (
      <span
        role={decorative ? undefined : "img"}
        aria-label={decorative ? undefined : name}
        aria-hidden={decorative ? true : undefined}
        className={`${box} inline-flex shrink-0 select-none items-center justify-center rounded-full bg-brand-100 font-semibold text-brand-800`}
      >
        {initialsOf(person)}
      </span>
    );
  }
  return (
    // A plain img: photos come from an authenticated route with its own caching, not from next/image.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={`/api/photos/${photoId}?size=${variant}`}
      alt={decorative ? "" : name}
      width={px}
      height={px}
      loading={lazy ? "lazy" : undefined}
      decoding="async"
      // max-w-none: the base style caps images at their container's width while the height stays
      // fixed, which squashed the photo into an oval in a narrow row; object-cover crops instead.
      className={`${box} max-w-none shrink-0 rounded-full bg-stone-200 object-cover`}
    />
  );
}

function photoIdVariant(size: keyof typeof sizes): "small" | "large" {
  return size === "lg" ? "large" : "small";
}
