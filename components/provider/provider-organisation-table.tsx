import { Button } from "@/components/ui/button";
import { Table } from "@/components/ui/table";
import { openDashboardForm } from "@/lib/tenancy/provider-actions";

export type ProviderOrganisationRow = { id: string; name: string; slug: string; people: string; created: string; openLabel: string };

/** The provider's organisations, each with "open dashboard" (a post: the visit is stored and audited). */
export function ProviderOrganisationTable({
  caption,
  empty,
  headings,
  rows,
}: {
  caption: string;
  empty: string;
  headings: { name: string; slug: string; people: string; created: string; open: string };
  rows: ProviderOrganisationRow[];
}) {
  return (
    <Table
      className="mt-6"
      caption={caption}
      empty={empty}
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        { key: "name", header: headings.name, rowHeader: true, cell: (row) => row.name },
        { key: "slug", header: headings.slug, cell: (row) => row.slug },
        { key: "people", header: headings.people, cell: (row) => row.people },
        { key: "created", header: headings.created, cell: (row) => row.created },
        {
          key: "open",
          header: <span className="sr-only">{headings.open}</span>,
          cell: (row) => (
            <form action={openDashboardForm}>
              <input type="hidden" name="organisationId" value={row.id} />
              <Button variant="secondary" type="submit" aria-label={row.openLabel}>
                {headings.open}
              </Button>
            </form>
          ),
        },
      ]}
    />
  );
}
