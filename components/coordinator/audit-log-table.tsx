// The audit log as a table: when, who, what, concerning whom, and a short explanation. Texts arrive translated.
export type AuditRowView = {
  id: string;
  when: string;
  /** Machine-readable moment for <time>. */
  whenIso: string;
  actor: string;
  action: string;
  target: string;
  details: string;
};

export function AuditLogTable({ rows, caption, headings }: { rows: AuditRowView[]; caption: string; headings: { when: string; actor: string; action: string; target: string; details: string } }) {
  const cell = "px-3 py-3 align-top max-md:p-0";
  return (
    <div className="mt-4 rounded-xl border border-stone-200 bg-white md:overflow-x-auto">
      <table className="w-full border-collapse text-left max-md:block">
        <caption className="px-4 pt-3 pb-2 text-left text-stone-700 max-md:block">{caption}</caption>
        <thead className="max-md:sr-only">
          <tr className="border-y border-stone-200 bg-stone-50 text-sm text-stone-700">
            <th scope="col" className="px-4 py-2 font-semibold">{headings.when}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{headings.actor}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{headings.action}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{headings.target}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{headings.details}</th>
          </tr>
        </thead>
        <tbody className="max-md:block">
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-stone-200 last:border-b-0 max-md:grid max-md:gap-1 max-md:p-4">
              <td className="px-4 py-3 align-top text-sm whitespace-nowrap text-stone-700 max-md:p-0">
                <time dateTime={row.whenIso}>{row.when}</time>
              </td>
              <td className={cell}>
                <span className="text-stone-600 md:hidden">{headings.actor}: </span>
                {row.actor}
              </td>
              <th scope="row" className={`${cell} font-semibold`}>
                {row.action}
              </th>
              <td className={cell}>
                <span className="text-stone-600 md:hidden">{headings.target}: </span>
                {row.target}
              </td>
              <td className={`${cell} text-stone-700`}>{row.details}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
