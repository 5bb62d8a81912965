import Link from "next/link";
import type { ReactNode } from "react";

export type TableColumn<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** This column names the row (a <th scope="row">). */
  rowHeader?: boolean;
  headerClassName?: string;
  cellClassName?: string;
  /** A <col> class, e.g. a width. */
  colClassName?: string;
  /** A sortable column: its current direction (null: not sorted by it) and the link that sorts by it. */
  sort?: { direction: "ascending" | "descending" | null; href: string };
  /**
   * The cell's `data-label`, for a table whose `className` shows it before the value where the rows are
   * stacked and the header row is hidden.
   */
  cellLabel?: string;
};

export type TableSelection<Row> = {
  selected: ReadonlySet<string>;
  onChange: (selected: ReadonlySet<string>) => void;
  isSelectable: (row: Row) => boolean;
  /** The select-all checkbox's accessible name. */
  selectAllLabel: string;
  /** Each row checkbox's accessible name, naming the row. */
  rowLabel: (row: Row) => string;
  headerClassName?: string;
  cellClassName?: string;
  colClassName?: string;
};

export type TablePaging = {
  /** The navigation landmark's name. */
  label: string;
  previous: { href: string; label: string } | null;
  next: { href: string; label: string } | null;
};

type TableProps<Row> = {
  caption: ReactNode;
  columns: TableColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  selection?: TableSelection<Row>;
  paging?: TablePaging;
  /** Below this width the rows become stacked cards and the header row is only read out. */
  stackBelow?: "md" | "lg";
  /** Fixed column widths from the columns' colClassName (at the stacking width and up). */
  fixedLayout?: boolean;
  rowClassName?: (row: Row) => string;
  /** The stacked card's grid and spacing below the stacking width, when the default does not fit. */
  stackedRowClassName?: string;
  className?: string;
  /**
   * Classes of the <table> itself. With `plainRows`, rows and cells carry no classes but their own
   * (`cellClassName`, `rowClassName`) and these style them all at once, e.g. `[&_td]:px-3`: a long
   * table then does not repeat the same class list in every row.
   */
  tableClassName?: string;
  plainRows?: boolean;
};

// Written out in full so Tailwind finds every class.
const stacking = {
  md: { frame: "md:overflow-x-auto", table: "max-md:block", caption: "max-md:block", head: "max-md:sr-only", body: "max-md:block", row: "max-md:grid max-md:gap-1 max-md:p-4", fixed: "md:table-fixed" },
  lg: { frame: "", table: "max-lg:block", caption: "max-lg:block", head: "max-lg:sr-only", body: "max-lg:block", row: "max-lg:grid max-lg:gap-1 max-lg:p-4", fixed: "lg:table-fixed" },
} as const;

function join(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(" ");
}

/**
 * A data table that stays readable on a small screen: sortable headers (links, with aria-sort),
 * optional row selection with a select-all box, an empty state and previous/next links. It only
 * shows what it is given; sorting, paging and selecting are the owner's.
 */
export function Table<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  selection,
  paging,
  stackBelow = "md",
  fixedLayout = false,
  rowClassName,
  stackedRowClassName,
  className,
  tableClassName,
  plainRows = false,
}: TableProps<Row>) {
  const stack = stacking[stackBelow];
  if (rows.length === 0) {
    return <div className={join(className, "rounded-xl border border-dashed border-stone-300 bg-white p-6")}>{empty}</div>;
  }
  const selectable = selection ? rows.filter(selection.isSelectable).map(rowKey) : [];
  const selectedCount = selection ? selectable.filter((key) => selection.selected.has(key)).length : 0;
  const allSelected = selectable.length > 0 && selectedCount === selectable.length;
  const hasCols = columns.some((column) => column.colClassName) || Boolean(selection?.colClassName);

  return (
    <>
      <div className={join(className, "rounded-xl border border-stone-200 bg-white", stack.frame)}>
        <table className={join("w-full border-collapse text-left", stack.table, fixedLayout && stack.fixed, tableClassName)}>
          <caption className={join("px-4 pt-3 pb-2 text-left text-stone-700", stack.caption)}>{caption}</caption>
          {hasCols ? (
            <colgroup>
              {selection ? <col className={selection.colClassName} /> : null}
              {columns.map((column) => (
                <col key={column.key} className={column.colClassName} />
              ))}
            </colgroup>
          ) : null}
          <thead className={stack.head}>
            <tr className="border-y border-stone-200 bg-stone-50 text-sm text-stone-700">
              {selection ? (
                <th scope="col" className={selection.headerClassName ?? "w-12 px-4 py-2"}>
                  <input
                    type="checkbox"
                    className="size-5 align-middle"
                    checked={allSelected}
                    ref={(element) => {
                      if (element) element.indeterminate = selectedCount > 0 && !allSelected;
                    }}
                    disabled={selectable.length === 0}
                    onChange={(event) => selection.onChange(event.target.checked ? new Set(selectable) : new Set())}
                    aria-label={selection.selectAllLabel}
                  />
                </th>
              ) : null}
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={column.sort ? (column.sort.direction ?? "none") : undefined}
                  className={column.headerClassName ?? "px-3 py-2 font-semibold"}
                >
                  {column.sort ? (
                    <Link href={column.sort.href} className="inline-flex items-center gap-1 underline-offset-2 hover:underline">
                      {column.header}
                      <span aria-hidden="true">{column.sort.direction === "ascending" ? "▲" : column.sort.direction === "descending" ? "▼" : ""}</span>
                    </Link>
                  ) : (
                    column.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className={stack.body}>
            {rows.map((row) => {
              const key = rowKey(row);
              return (
                <tr key={key} className={plainRows ? rowClassName?.(row) || undefined : join("border-b border-stone-200 last:border-b-0", stackedRowClassName ?? stack.row, rowClassName?.(row))}>
                  {selection ? (
                    <td className={plainRows ? selection.cellClassName : (selection.cellClassName ?? "px-4 py-3 align-top")}>
                      {selection.isSelectable(row) ? (
                        <input
                          type="checkbox"
                          className={plainRows ? undefined : "size-5"}
                          checked={selection.selected.has(key)}
                          onChange={(event) => {
                            const next = new Set(selection.selected);
                            if (event.target.checked) next.add(key);
                            else next.delete(key);
                            selection.onChange(next);
                          }}
                          aria-label={selection.rowLabel(row)}
                        />
                      ) : null}
                    </td>
                  ) : null}
                  {columns.map((column) =>
                    column.rowHeader ? (
                      <th key={column.key} scope="row" className={plainRows ? column.cellClassName : (column.cellClassName ?? "px-3 py-3 text-left align-top")} data-label={column.cellLabel}>
                        {column.cell(row)}
                      </th>
                    ) : (
                      <td key={column.key} className={plainRows ? column.cellClassName : (column.cellClassName ?? "px-3 py-3 align-top")} data-label={column.cellLabel}>
                        {column.cell(row)}
                      </td>
                    ),
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {paging && (paging.previous || paging.next) ? (
        <nav aria-label={paging.label} className="mt-4 flex justify-between gap-4">
          {paging.previous ? (
            <Link href={paging.previous.href} rel="prev" className="font-medium underline underline-offset-2">
              {paging.previous.label}
            </Link>
          ) : (
            <span />
          )}
          {paging.next ? (
            <Link href={paging.next.href} rel="next" className="font-medium underline underline-offset-2">
              {paging.next.label}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
