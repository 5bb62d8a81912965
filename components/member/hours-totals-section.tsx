// A titled list of hour totals on the member's week page: one row a day, or one a location.
type HoursTotalRow = { key: string; label: string; total: string; labelClassName?: string };

export function HoursTotalsSection({ id, title, rows, className }: { id: string; title: string; rows: HoursTotalRow[]; className: string }) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <ul className="mt-2 divide-y divide-stone-100">
        {rows.map((row) => (
          <li key={row.key} className="flex min-h-11 items-center justify-between gap-3">
            <span className={row.labelClassName}>{row.label}</span>
            <span className="font-medium tabular-nums">{row.total}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
