// The mail-merge file of a password reset: name, username, email and temporary password, as .xlsx or
// .csv bytes built in memory and handed to the response; nothing is written to disk or the database.
// Every cell goes through toSafeCell, so no value can run as a formula in a spreadsheet program.
import ExcelJS from "exceljs";
import { toCsvField, toSafeCell, type SpreadsheetFormat } from "@/lib/spreadsheets";
import type { IssuedTemporaryPassword } from "@/lib/accounts/temporary-passwords/issuing";

export type ExportHeadings = { name: string; username: string; email: string; temporaryPassword: string };

export type ExportFile = { body: Uint8Array<ArrayBuffer>; contentType: string; fileName: string };

function cellsOf(row: IssuedTemporaryPassword): string[] {
  return [row.name, row.username, row.email, row.temporaryPassword];
}

async function buildXlsx(headings: ExportHeadings, rows: readonly IssuedTemporaryPassword[], sheetName: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = [{ width: 32 }, { width: 24 }, { width: 32 }, { width: 18 }];
  sheet.addRow([headings.name, headings.username, headings.email, headings.temporaryPassword]).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow([]);
    cellsOf(row).forEach((value, index) => {
      const cell = added.getCell(index + 1);
      // Always a string value (exceljs writes it as a shared string, never as a formula), in Text format
      // so that editing the cell in Excel keeps it text too.
      cell.value = toSafeCell(value, "xlsx").value;
      cell.numFmt = "@";
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function buildCsv(headings: ExportHeadings, rows: readonly IssuedTemporaryPassword[]): Uint8Array<ArrayBuffer> {
  const lines = [
    [headings.name, headings.username, headings.email, headings.temporaryPassword],
    ...rows.map(cellsOf),
  ].map((cells) => cells.map(toCsvField).join(";"));
  // A byte-order mark so Excel opens the UTF-8 names correctly; ";" because Dutch Excel splits on it.
  const bytes = new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
  return new Uint8Array(bytes);
}

/** The file for `rows`, named `<baseName>.<format>`. */
export async function buildTemporaryPasswordFile(
  format: SpreadsheetFormat,
  headings: ExportHeadings,
  rows: readonly IssuedTemporaryPassword[],
  baseName: string,
): Promise<ExportFile> {
  if (format === "xlsx") {
    return {
      body: await buildXlsx(headings, rows, baseName.slice(0, 31)),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      fileName: `${baseName}.xlsx`,
    };
  }
  return { body: buildCsv(headings, rows), contentType: "text/csv; charset=utf-8", fileName: `${baseName}.csv` };
}
