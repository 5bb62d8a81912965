/** Label and value pairs of the member page (profile, login), as a description list. */
export function MemberDetailList({ items }: { items: Array<{ label: string; value: string; muted?: boolean }> }) {
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
      {items.map((item) => (
        <div key={item.label} className="contents">
          <dt className="font-medium text-stone-700">{item.label}</dt>
          <dd className={item.muted ? "text-stone-500" : "[overflow-wrap:anywhere]"}>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
