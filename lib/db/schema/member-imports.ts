// Member imports: an uploaded CSV or Excel file, parsed and kept for a day while the coordinator maps
// its columns, checks the preview and confirms. The people themselves are written on confirm only.
import { index, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { at, id, timestamps } from "./columns";
import { users } from "./accounts";
import { organisations } from "./tenancy";

export const memberImportStatusEnum = pgEnum("member_import_status", ["draft", "imported"]);

/** What confirming wrote, kept so the result page can be shown again. */
export type MemberImportResult = {
  added: number;
  logins: number;
  groupMemberships: number;
  skipped: { row: number; errors: { field: string; error: string }[] }[];
};

export const memberImports = pgTable(
  "member_imports",
  {
    id: id(),
    tenantId: uuid("tenant_id").notNull().references(() => organisations.id, { onDelete: "cascade" }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    fileName: text("file_name").notNull(),
    headers: jsonb("headers").$type<string[]>().notNull(),
    /** Data rows as text cells, in file order; `rowNumbers` holds each row's line in the file. */
    rows: jsonb("rows").$type<string[][]>().notNull(),
    rowNumbers: jsonb("row_numbers").$type<number[]>().notNull(),
    /** One target field (or "ignore") per column, in column order. */
    mapping: jsonb("mapping").$type<string[]>().notNull(),
    status: memberImportStatusEnum("status").notNull().default("draft"),
    result: jsonb("result").$type<MemberImportResult>(),
    importedAt: at("imported_at"),
    /** A day after upload: an unfinished import holds personal data and is not kept longer. */
    expiresAt: at("expires_at").notNull(),
    ...timestamps,
  },
  (t) => [index("member_imports_tenant_idx").on(t.tenantId, t.createdAt), index("member_imports_expires_idx").on(t.expiresAt)],
);
