// The payroll export: approved hours only, of a week or a calendar month (in the organisation's zone),
// one line per worked line per member, or totals per location and member, as .xlsx or .csv. Built in
// memory and handed to the response; every text cell goes through the one formula-safety rule.
import ExcelJS from "exceljs";
import type { Actor } from "@/lib/accounts/queries";
import { getDb } from "@/lib/db/client";
import { localDateKey } from "@/lib/dates";
import { listPersonNames } from "@/lib/people/queries";
import { toCsvField, toSafeCell, type SpreadsheetFormat } from "@/lib/spreadsheets";
import { recordAudit } from "@/lib/tenancy/audit";
import { getHoursSettings, listWeekConfirmations, listWorkedHours } from "./queries";
import { addDaysToKey, clockTimeOf, localInstant, minutesAsDecimalHours, weekBounds, weekNumberOf, weekStartOf, workedMinutes } from "./rules";

/** One collator for every sort by name: building one per comparison is slow on thousands of lines. */
const byName = new Intl.Collator("nl");

export type ExportPeriod = { kind: "week"; weekStart: string } | { kind: "month"; month: string };
export type ExportLayout = "member" | "location";

export type HoursExportRequest = {
  period: ExportPeriod;
  layout: ExportLayout;
  format: SpreadsheetFormat;
  /** Only these members; everyone when left out. */
  personIds?: readonly string[];
};

/** The column names and words of the file, in the coordinator's language. */
export type HoursExportTexts = {
  member: string;
  week: string;
  date: string;
  activity: string;
  location: string;
  start: string;
  end: string;
  breakMinutes: string;
  hours: string;
  /** The total line of a location in the per-location layout. */
  total: string;
  /** A line without a location. */
  noLocation: string;
  sheetName: string;
  /** "uren": the start of the file name. */
  fileName: string;
};

type Cell = string | number;

export type HoursExportFile = { body: Uint8Array<ArrayBuffer>; contentType: string; fileName: string; lines: number };

/** The first and last instant (exclusive) of the period, and the weeks whose sign-off decides it. */
function periodRange(period: ExportPeriod, timeZone: string): { from: Date; to: Date; weekStarts: string[] } {
  if (period.kind === "week") {
    const { startsAt, endsAt } = weekBounds(period.weekStart, timeZone);
    return { from: startsAt, to: endsAt, weekStarts: [period.weekStart] };
  }
  const first = `${period.month}-01`;
  const [year, month] = period.month.split("-").map(Number);
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
  const from = localInstant(first, "00:00", timeZone);
  const to = localInstant(next, "00:00", timeZone);
  const weekStarts: string[] = [];
  for (let week = weekStartOf(from, timeZone); week < next; week = addDaysToKey(week, 7)) weekStarts.push(week);
  return { from, to, weekStarts };
}

function baseName(period: ExportPeriod, layout: ExportLayout, texts: HoursExportTexts): string {
  const when = period.kind === "week" ? (() => { const { week, year } = weekNumberOf(period.weekStart); return `${year}-week-${week}`; })() : period.month;
  return `${texts.fileName}-${when}${layout === "location" ? `-${texts.location.toLowerCase()}` : ""}`;
}

/**
 * The approved hours of the period as a file, and an "hours.exported" audit entry. A line counts when
 * its member's week (the week it started in) is approved; a no-show is left out.
 */
export async function exportApprovedHours(
  actor: Pick<Actor, "tenantId" | "userId">,
  request: HoursExportRequest,
  texts: HoursExportTexts,
  decimalSeparator: "," | "." = ",",
  now: Date = new Date(),
): Promise<HoursExportFile> {
  const settings = await getHoursSettings(actor.tenantId);
  if (!settings) throw new Error("organisation not found");
  const { timeZone } = settings;
  const { from, to, weekStarts } = periodRange(request.period, timeZone);
  const [entries, confirmations] = await Promise.all([listWorkedHours(actor.tenantId, { from, to, now, personIds: request.personIds }),
    listWeekConfirmations(actor.tenantId, weekStarts, request.personIds),
  ]);
  const approved = new Set(confirmations.filter((row) => row.status === "approved").map((row) => `${row.personId}|${row.weekStart}`));
  const lines = entries
    .filter((entry) => !entry.noShow && approved.has(`${entry.personId}|${weekStartOf(entry.startsAt, timeZone)}`))
    .map((entry) => ({ entry, minutes: workedMinutes(entry) }));
  const names = await listPersonNames(actor.tenantId, [...new Set(lines.map((line) => line.entry.personId))]);
  const nameOf = (personId: string) => names.get(personId) ?? "";

  let headings: string[];
  let rows: Cell[][];
  let widths: number[];
  if (request.layout === "member") {
    headings = [texts.member, texts.week, texts.date, texts.activity, texts.location, texts.start, texts.end, texts.breakMinutes, texts.hours];
    widths = [30, 8, 12, 28, 28, 8, 8, 14, 10];
    rows = lines
      .sort((a, b) => byName.compare(nameOf(a.entry.personId), nameOf(b.entry.personId)) || a.entry.startsAt.getTime() - b.entry.startsAt.getTime())
      .map(({ entry, minutes }) => [
        nameOf(entry.personId),
        weekNumberOf(weekStartOf(entry.startsAt, timeZone)).week,
        localDateKey(entry.startsAt, timeZone),
        entry.activity ?? "",
        entry.locationName ?? texts.noLocation,
        clockTimeOf(entry.startsAt, timeZone),
        clockTimeOf(entry.endsAt, timeZone),
        entry.breakMinutes,
        minutesAsDecimalHours(minutes),
      ]);
  } else {
    headings = [texts.location, texts.member, texts.hours];
    widths = [30, 30, 10];
    const perLocation = new Map<string, Map<string, number>>();
    for (const { entry, minutes } of lines) {
      const location = entry.locationName ?? texts.noLocation;
      const members = perLocation.get(location) ?? new Map<string, number>();
      members.set(entry.personId, (members.get(entry.personId) ?? 0) + minutes);
      perLocation.set(location, members);
    }
    rows = [];
    for (const location of [...perLocation.keys()].sort(byName.compare)) {
      const members = perLocation.get(location) ?? new Map<string, number>();
      const sorted = [...members].sort(([a], [b]) => byName.compare(nameOf(a), nameOf(b)));
      for (const [personId, minutes] of sorted) rows.push([location, nameOf(personId), minutesAsDecimalHours(minutes)]);
      rows.push([location, texts.total, minutesAsDecimalHours([...members.values()].reduce((sum, minutes) => sum + minutes, 0))]);
    }
  }

  const name = baseName(request.period, request.layout, texts);
  const file: HoursExportFile =
    request.format === "xlsx"
      ? {
          body: await buildXlsx(headings, rows, widths, texts.sheetName),
          contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          fileName: `${name}.xlsx`,
          lines: lines.length,
        }
      : { body: buildCsv(headings, rows, decimalSeparator), contentType: "text/csv; charset=utf-8", fileName: `${name}.csv`, lines: lines.length };

  const db = await getDb();
  await recordAudit(db, {
    tenantId: actor.tenantId,
    actorUserId: actor.userId,
    action: "hours.exported",
    details: { period: request.period.kind === "week" ? { week: request.period.weekStart } : { month: request.period.month }, layout: request.layout, format: request.format, lines: lines.length },
  });
  return file;
}

async function buildXlsx(headings: string[], rows: Cell[][], widths: number[], sheetName: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = widths.map((width) => ({ width }));
  sheet.addRow(headings).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow([]);
    row.forEach((value, index) => {
      const cell = added.getCell(index + 1);
      if (typeof value === "number") {
        cell.value = value;
        return;
      }
      // A string value (never a formula), in Text format, so editing it in Excel keeps it text too.
      cell.value = toSafeCell(value, "xlsx").value;
      cell.numFmt = "@";
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function buildCsv(headings: string[], rows: Cell[][], decimalSeparator: "," | "."): Uint8Array<ArrayBuffer> {
  const lines = [headings, ...rows].map((cells) =>
    cells.map((value) => (typeof value === "number" ? String(value).replace(".", decimalSeparator) : toCsvField(value))).join(";"),
  );
  // A byte-order mark so Excel opens the UTF-8 names correctly; ";" because Dutch Excel splits on it.
  return new Uint8Array(new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`));
}
