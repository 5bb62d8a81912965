// Input shapes of the member import's actions, shared by its forms and actions.
import { z } from "zod";
import { importFields } from "./mapping";

/** The uploaded file; anything but a non-empty file is read as "no file". */
export const uploadMemberImportSchema = z
  .object({ file: z.unknown().optional() })
  .transform(({ file }) => ({ file: file instanceof Blob && file.size > 0 ? file : null }));
export type UploadMemberImportInput = z.output<typeof uploadMemberImportSchema>;

const columnTargetSchema = z.enum([...importFields, "ignore"]);

/** The mapping form posts `importId` and one `column.<index>` choice per file column. */
export const chooseImportColumnsSchema = z.preprocess(
  (raw) => {
    const record = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
    const mapping: unknown[] = [];
    for (const [key, value] of Object.entries(record)) {
      const column = /^column\.(\d{1,3})$/.exec(key);
      if (column) mapping[Number(column[1])] = value;
    }
    return { importId: record.importId, mapping: Array.from(mapping, (value) => value ?? "ignore") };
  },
  z.object({ importId: z.uuid(), mapping: z.array(columnTargetSchema).max(100) }),
);
export type ChooseImportColumnsInput = z.output<typeof chooseImportColumnsSchema>;

/** Confirming names the number of members the confirmation promised, so a changed preview is not written unseen. */
export const confirmMemberImportSchema = z.object({
  importId: z.uuid(),
  expectedCount: z.coerce.number().int().min(1).max(100_000),
});
export type ConfirmMemberImportInput = z.output<typeof confirmMemberImportSchema>;

/** An import id from the address bar; anything else is "not found" before the database is asked. */
export const importIdParamSchema = z.uuid();
