// Builds real .xlsx workbooks with exceljs, as Excel would save them, for tests that upload member
// lists (the import's unit and integration tests, and the end-to-end journey).
import { createRequire } from "node:module";
import type ExcelJSModule from "exceljs";

// Loaded through Node's own require: Playwright's module loader cannot link exceljs's CommonJS tree
// ("module is not linked"), and the journeys use this helper too.
const ExcelJS = createRequire(import.meta.url)("exceljs") as typeof ExcelJSModule;

export type SheetCell = string | number | Date | null | { text: string; hyperlink: string } | { formula: string; result: string | number };

/** One worksheet with these rows (the first is the header row), as the bytes of an .xlsx file. */
export async function xlsxBuffer(rows: SheetCell[][], options: { sheetName?: string; hiddenSheetFirst?: boolean } = {}): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  if (options.hiddenSheetFirst) {
    const hidden = workbook.addWorksheet("Verborgen");
    hidden.state = "hidden";
    hidden.addRow(["niet", "dit"]);
  }
  const sheet = workbook.addWorksheet(options.sheetName ?? "Leden");
  for (const row of rows) sheet.addRow(row);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

/** An .xlsx File named `name`, ready to put in a FormData as the upload form sends it. */
export async function xlsxFile(rows: SheetCell[][], name = "leden.xlsx"): Promise<File> {
  return new File([await xlsxBuffer(rows)], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
}

/** The cells of the first worksheet as text, row by row (the header row first), as a person opening the file would read them. */
export async function readXlsxRows(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push(values.map((value) => (value === null || value === undefined ? "" : String(value))));
  });
  return rows;
}
