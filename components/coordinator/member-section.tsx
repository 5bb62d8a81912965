import type { ReactNode } from "react";

type MemberSectionProps = {
  /** The heading's id, so the section is named by it. */
  id: string;
  title: string;
  /** Links or buttons beside the heading. */
  actions?: ReactNode;
  children: ReactNode;
};

/** One section of the member page: a card with its heading; the page is a column of these. */
export function MemberSection({ id, title, actions, children }: MemberSectionProps) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-stone-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      <div className="mt-3">{children}</div>
    </section>
  );
}
