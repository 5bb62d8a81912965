// Reading an uploaded member list: CSV with any of the separators Excel and other tools use, with or
// without a BOM, quoted fields, and .xlsx workbooks made with exceljs; and what is refused.
import { describe, expect, it } from "vitest";
import { detectSeparator, MAX_IMPORT_FILE_BYTES, MAX_IMPORT_ROWS, parseMemberFile } from "@/lib/people/import/parsing";
import { xlsxBuffer } from "@/tests/setup/xlsx";

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("reading a CSV file", () => {
  it.each([
    { label: "semicolons, as Dutch Excel saves it", text: "Voornaam;Achternaam;E-mailadres\r\nJan;Jansen;jan@example.org\r\n" },
    { label: "commas", text: "Voornaam,Achternaam,E-mailadres\nJan,Jansen,jan@example.org\n" },
    { label: "tabs", text: "Voornaam\tAchternaam\tE-mailadres\nJan\tJansen\tjan@example.org" },
    { label: "a UTF-8 BOM before the header", text: "\uFEFFVoornaam;Achternaam;E-mailadres\nJan;Jansen;jan@example.org\n" },
    { label: "blank lines and surrounding spaces", text: "\n Voornaam ; Achternaam;E-mailadres\n\nJan ;  Jansen;jan@example.org\n\n" },
  ])("reads a file with $label", async ({ text }) => {
    const result = await parseMemberFile("leden.csv", utf8(text));
    expect(result).toMatchObject({ ok: true, file: { headers: ["Voornaam", "Achternaam", "E-mailadres"], rows: [["Jan", "Jansen", "jan@example.org"]] } });
  });

  it.each([
    { label: "a separator inside quotes", text: 'Naam;Adres\n"Jansen";"Kerkstraat 1; achterom"\n', row: ["Jansen", "Kerkstraat 1; achterom"] },
    { label: "an escaped quote", text: 'Naam;Opmerking\nJansen;"zegt ""hoi"""\n', row: ["Jansen", 'zegt "hoi"'] },
    { label: "a line break inside quotes", text: 'Naam;Adres\nJansen;"Kerkstraat 1\nachterom"\n', row: ["Jansen", "Kerkstraat 1 achterom"] },
    { label: "a comma inside quotes in a comma file", text: 'Naam,Groepen\nJansen,"Koffie, Taal"\n', row: ["Jansen", "Koffie, Taal"] },
  ])("keeps $label as one field", async ({ text, row }) => {
    const result = await parseMemberFile("leden.csv", utf8(text));
    expect(result.ok && result.file.rows[0]).toEqual(row);
  });

  it("numbers rows as lines in the file, a quoted line break and skipped blank lines included", async () => {
    const result = await parseMemberFile("leden.csv", utf8('Voornaam;Achternaam\n\nJan;"de\nVries"\nPiet;Bakker\n'));
    expect(result.ok && result.file.rowNumbers).toEqual([3, 5]);
  });

  it("pads short rows and cuts long ones to the header's width", async () => {
    const result = await parseMemberFile("leden.csv", utf8("Voornaam;Achternaam;Plaats\nJan;Jansen\nPiet;Bakker;Utrecht;extra\n"));
    expect(result.ok && result.file.rows).toEqual([
      ["Jan", "Jansen", ""],
      ["Piet", "Bakker", "Utrecht"],
    ]);
  });

  it("reads a file saved as Windows-1252 by an older Excel", async () => {
    const bytes = new Uint8Array([...utf8("Voornaam;Achternaam\nZo"), 0xeb, ...utf8(";Jansen\n")]);
    const result = await parseMemberFile("leden.csv", bytes);
    expect(result.ok && result.file.rows[0]).toEqual(["Zoë", "Jansen"]);
  });

  it.each([
    { label: "semicolons", line: "a;b;c,d", separator: ";" },
    { label: "commas", line: "a,b,c", separator: "," },
    { label: "tabs", line: "a\tb\tc;d", separator: "\t" },
    { label: "semicolons, with commas only inside quotes", line: '"a,b";"c,d";e', separator: ";" },
  ])("detects $label as the separator", ({ line, separator }) => {
    expect(detectSeparator(`${line}\n1;2,3\t4`)).toBe(separator);
  });
});

describe("reading an Excel workbook", () => {
  it("reads the first sheet's header and rows, numbered as in Excel", async () => {
    const bytes = await xlsxBuffer([
      ["Voornaam", "Achternaam", "E-mailadres"],
      ["Jan", "Jansen", "jan@example.org"],
      [null, null, null],
      ["Piet", "Bakker", null],
    ]);
    const result = await parseMemberFile("leden.xlsx", bytes);
    expect(result).toEqual({
      ok: true,
      file: { headers: ["Voornaam", "Achternaam", "E-mailadres"], rows: [["Jan", "Jansen", "jan@example.org"], ["Piet", "Bakker", ""]], rowNumbers: [2, 4] },
    });
  });

  it.each([
    { label: "a date cell as YYYY-MM-DD", cell: new Date(Date.UTC(1980, 3, 17)), text: "1980-04-17" },
    { label: "a number as its digits", cell: 612345678, text: "612345678" },
    { label: "an email link by its text", cell: { text: "jan@example.org", hyperlink: "mailto:jan@example.org" }, text: "jan@example.org" },
    { label: "a formula by its result", cell: { formula: 'A2&"x"', result: "Janx" }, text: "Janx" },
  ])("reads $label", async ({ cell, text }) => {
    const result = await parseMemberFile("leden.xlsx", await xlsxBuffer([["Voornaam", "Waarde"], ["Jan", cell]]));
    expect(result.ok && result.file.rows[0][1]).toBe(text);
  });

  it("skips a hidden sheet before the list", async () => {
    const bytes = await xlsxBuffer([["Voornaam", "Achternaam"], ["Jan", "Jansen"]], { hiddenSheetFirst: true });
    const result = await parseMemberFile("leden.xlsx", bytes);
    expect(result.ok && result.file.headers).toEqual(["Voornaam", "Achternaam"]);
  });
});

describe("files that are refused", () => {
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
  const oldExcel = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  it.each([
    { label: "an empty file", name: "leden.csv", bytes: new Uint8Array(0), reason: "empty" },
    { label: "a file of only blank lines", name: "leden.csv", bytes: utf8("\n \n;;\n"), reason: "empty" },
    { label: "a header without rows", name: "leden.csv", bytes: utf8("Voornaam;Achternaam\n"), reason: "noRows" },
    { label: "an old .xls workbook", name: "leden.xls", bytes: oldExcel, reason: "unsupportedType" },
    { label: "an .xls renamed to .csv", name: "leden.csv", bytes: oldExcel, reason: "unsupportedType" },
    { label: "a PDF", name: "leden.pdf", bytes: utf8("%PDF-1.4"), reason: "unsupportedType" },
    { label: "a .xlsx that is not a workbook", name: "leden.xlsx", bytes: utf8("Voornaam;Achternaam\nJan;Jansen"), reason: "unsupportedType" },
    { label: "a broken .xlsx", name: "leden.xlsx", bytes: zip, reason: "unreadable" },
    { label: "a file over the size limit", name: "leden.csv", bytes: new Uint8Array(MAX_IMPORT_FILE_BYTES + 1).fill(65), reason: "tooLarge" },
  ])("refuses $label", async ({ name, bytes, reason }) => {
    expect(await parseMemberFile(name, bytes)).toEqual({ ok: false, reason });
  });

  it("refuses a CSV with more rows than allowed, and takes exactly that many", async () => {
    const lines = (count: number) => ["Voornaam;Achternaam", ...Array.from({ length: count }, (_, index) => `Lid;Nummer${index}`)].join("\n");
    expect(await parseMemberFile("leden.csv", utf8(lines(MAX_IMPORT_ROWS + 1)))).toEqual({ ok: false, reason: "tooManyRows" });
    const allowed = await parseMemberFile("leden.csv", utf8(lines(MAX_IMPORT_ROWS)));
    expect(allowed.ok && allowed.file.rows.length).toBe(MAX_IMPORT_ROWS);
  });

  it("refuses a workbook with more rows than allowed", async () => {
    const rows = [["Voornaam", "Achternaam"], ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, index) => ["Lid", `Nummer${index}`])];
    expect(await parseMemberFile("leden.xlsx", await xlsxBuffer(rows))).toEqual({ ok: false, reason: "tooManyRows" });
  });
});
