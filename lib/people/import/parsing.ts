// Reading an uploaded member list: a CSV (separated by ; , or tab, as Excel and other tools save it) or
// an Excel workbook (.xlsx), into a header row and text rows. Pure: bytes in, cells out; no db.
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";

/** Larger files are refused before reading: 5,000 members fit in well under a megabyte of CSV. */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_FILE_MB = MAX_IMPORT_FILE_BYTES / (1024 * 1024);
/** More rows than this are refused: a larger organisation imports in parts. */
export const MAX_IMPORT_ROWS = 5000;
/** Columns past this are not members' fields; a wider sheet is refused as unreadable. */
const MAX_COLUMNS = 100;
const MAX_CELL_LENGTH = 1000;

export type ParsedMemberFile = {
  headers: string[];
  rows: string[][];
  /** Each row's number in the file (the header is row 1 when it is the first line), for messages. */
  rowNumbers: number[];
};

export type ParseRefusal = "unsupportedType" | "empty" | "tooLarge" | "tooManyRows" | "unreadable" | "noRows";
export type ParseResult = { ok: true; file: ParsedMemberFile } | { ok: false; reason: ParseRefusal };

export type FileKind = "csv" | "xlsx";

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/**
 * What a file is, from its name and its first bytes: an .xlsx is a zip; the old binary .xls (and any
 * other file) is not read. A CSV must not look binary.
 */
export function detectFileKind(fileName: string, bytes: Uint8Array): FileKind | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? "";
  if (extension === "xlsx") return startsWith(bytes, ZIP_SIGNATURE) ? "xlsx" : null;
  if (extension === "csv" || extension === "txt" || extension === "tsv") {
    if (startsWith(bytes, ZIP_SIGNATURE) || startsWith(bytes, OLE_SIGNATURE) || bytes.subarray(0, 4096).includes(0)) return null;
    return "csv";
  }
  return null;
}

/** UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as Windows-1252, older Excel's CSV. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** The separator of the header line: the one of ; tab , that occurs most outside quotes (Dutch Excel uses ;). */
export function detectSeparator(text: string): ";" | "," | "\t" {
  const counts = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  // From the first line with anything on it: a file may start with blank lines.
  const start = text.search(/[^\s]/);
  for (const character of text.slice(Math.max(start, 0), Math.max(start, 0) + 20_000)) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === "\n" || character === "\r")) break;
    else if (!quoted && character in counts) counts[character as keyof typeof counts] += 1;
  }
  const order = [";", "\t", ","] as const;
  return order.reduce((best, separator) => (counts[separator] > counts[best] ? separator : best), ",");
}

function tidyCell(value: string): string {
  return value.replace(/\s+/g, " ").trim().slice(0, MAX_CELL_LENGTH);
}

/** Header row and data rows from raw rows with their numbers: blank rows dropped, every row as wide as the header. */
function shapeRows(raw: { number: number; cells: string[] }[]): ParseResult {
  const nonBlank = raw.map((row) => ({ number: row.number, cells: row.cells.map(tidyCell) })).filter((row) => row.cells.some((cell) => cell !== ""));
  if (nonBlank.length === 0) return { ok: false, reason: "empty" };
  const [header, ...data] = nonBlank;
  let width = header.cells.length;
  while (width > 0 && header.cells[width - 1] === "" && data.every((row) => (row.cells[width - 1] ?? "") === "")) width -= 1;
  if (width > MAX_COLUMNS) return { ok: false, reason: "unreadable" };
  if (data.length === 0) return { ok: false, reason: "noRows" };
  if (data.length > MAX_IMPORT_ROWS) return { ok: false, reason: "tooManyRows" };
  const fit = (cells: string[]) => Array.from({ length: width }, (_, index) => cells[index] ?? "");
  return {
    ok: true,
    file: { headers: fit(header.cells), rows: data.map((row) => fit(row.cells)), rowNumbers: data.map((row) => row.number) },
  };
}

export function parseCsvText(text: string): ParseResult {
  const content = text.replace(/^\uFEFF/, "");
  if (content.trim() === "") return { ok: false, reason: "empty" };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(content, {
      delimiter: detectSeparator(content),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      // A stop well past the row limit, so a huge file is not read to its end just to be refused.
      to: MAX_IMPORT_ROWS + 50,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  if (records.length >= MAX_IMPORT_ROWS + 50) return { ok: false, reason: "tooManyRows" };
  // `lines` is the line a record ends on; one with line breaks inside quotes started that many lines earlier.
  const breaksIn = (cells: string[]) => cells.reduce((total, cell) => total + (cell.match(/\n/g)?.length ?? 0), 0);
  return shapeRows(records.map(({ record, info }) => ({ number: info.lines - breaksIn(record), cells: record })));
}

/** A cell's value as the text a person sees: dates as "YYYY-MM-DD", a formula by its result, a link by its text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return "";
}

export async function parseXlsx(bytes: Uint8Array): Promise<ParseResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.state === "visible" && candidate.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) return { ok: false, reason: "empty" };
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) return { ok: false, reason: "tooManyRows" };
  const raw: { number: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      if (column <= MAX_COLUMNS + 1) cells[column - 1] = cellText(cell.value);
    });
    raw.push({ number: row.number, cells: Array.from(cells, (cell) => cell ?? "") });
  });
  return shapeRows(raw);
}

/** The uploaded file's header and rows, or why it cannot be imported. */
export async function parseMemberFile(fileName: string, bytes: Uint8Array): Promise<ParseResult> {
  if (bytes.byteLength === 0) return { ok: false, reason: "empty" };
  if (bytes.byteLength > MAX_IMPORT_FILE_BYTES) return { ok: false, reason: "tooLarge" };
  const kind = detectFileKind(fileName, bytes);
  if (kind === null) return { ok: false, reason: "unsupportedType" };
  return kind === "xlsx" ? parseXlsx(bytes) : parseCsvText(decodeText(bytes));
}
