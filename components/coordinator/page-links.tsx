import Link from "next/link";

type PageLinksProps = {
  page: number;
  pageCount: number;
  /** Builds the address of another page, keeping the current filters. */
  hrefFor: (page: number) => string;
  labels: { navigation: string; previous: string; next: string; pageOf: string };
};

/** Previous / next links under a paged table; nothing when there is only one page. */
export function PageLinks({ page, pageCount, hrefFor, labels }: PageLinksProps) {
  if (pageCount <= 1) return null;
  const linkStyle = "rounded-lg border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-100";
  return (
    <nav aria-label={labels.navigation} className="mt-4 flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className={linkStyle} rel="prev">
          {labels.previous}
        </Link>
      ) : null}
      <p className="text-stone-700" aria-current="page">
        {labels.pageOf}
      </p>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className={linkStyle} rel="next">
          {labels.next}
        </Link>
      ) : null}
    </nav>
  );
}
