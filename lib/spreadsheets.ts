// How any value becomes a spreadsheet cell that can never run as a formula: the one rule every export
// (logins, hours) uses, for .xlsx and for .csv. No db, auth or next imports.

/**
 * Excel, LibreOffice and Google Sheets read a cell starting with one of these as a formula (OWASP
 * "CSV injection"): `=`, `+`, `-`, `@`, tab and carriage return.
 */
const formulaStarts = ["=", "+", "-", "@", "\t", "\r"];

export type SpreadsheetFormat = "xlsx" | "csv";

/** One cell as it is to be written: the characters, and whether it must be marked as text. */
export type SafeCell = { value: string; text: boolean };

/**
 * The one place a value becomes a spreadsheet cell that can never run as a formula. In xlsx the exact
 * characters are kept and the cell is written as a text cell (`text: true`); CSV has no cell types, so a
 * single quote is put in front, which spreadsheet programs read as "this is text".
 */
export function toSafeCell(value: string, format: SpreadsheetFormat): SafeCell {
  const risky = formulaStarts.some((start) => value.startsWith(start));
  if (!risky) return { value, text: false };
  return format === "xlsx" ? { value, text: true } : { value: `'${value}`, text: true };
}

/** A CSV field (RFC 4180): formula-safe first, then quoted when it holds a quote, separator or line break. */
export function toCsvField(value: string): string {
  const safe = toSafeCell(value, "csv").value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
