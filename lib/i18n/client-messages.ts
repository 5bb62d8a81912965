// Which texts reach the browser. Server components read every text on the server; client components
// only get what a NextIntlClientProvider hands them, and that travels inside every page's HTML and
// RSC payload. Sending the whole message file made up most of a small page, so each part of the app
// sends only the namespaces its client components use. tests/unit/i18n/client-messages.test.ts
// follows the imports from every page and layout and fails when a client component uses a namespace
// its part of the app does not send.
import type { Messages } from "./merge-messages";
import { onDemandMessageParts, type OnDemandPart } from "./on-demand-parts";

/**
 * Namespaces ("profile", or "people.search" for one part of one) per folder under app/. A folder's
 * layout wraps its pages in <ClientMessages area="…">; a page gets the namespaces of its folder and of
 * every folder above it. Each layout sends only what the layouts around it do not (`addedBy`); the
 * browser's provider adds its texts to theirs.
 */
export const clientMessageAreas = {
  app: ["errors", "confirmDialog"],
  "app/(auth)": ["signIn", "loginRequest", "passwordForgot", "passwordReset", "passwordRules", "twoFactor"],
  // Every member page carries these, so only the navigation's; a page's own part adds its own below.
  "app/(member)/my": ["memberNav"],
  "app/(member)/my/shifts/[id]": ["shifts.detail"],
  "app/(member)/my/people": ["people.search"],
  "app/(member)/my/handover": ["handover.request", "handover.mine"],
  "app/(member)/my/shifts/[id]/handover": ["handover"],
  "app/(member)/my/profile": ["profile"],
  "app/(member)/my/account": ["account", "authenticatorApp", "twoFactor", "passwordRules"],
  // Every dashboard page carries these, so only the navigation's; each part adds its own below.
  "app/(coordinator)/dashboard": ["dashboardNav"],
  "app/(coordinator)/dashboard/people": ["accounts", "logins", "groupMembership", "temporaryPasswords", "mailBatches", "usernameResend", "onDemand"],
  // The members table carries only its own; a member's page and the new-member form add theirs.
  "app/(coordinator)/dashboard/people/[id]": ["memberRecords", "roles", "mailDelivery.sendAgain"],
  "app/(coordinator)/dashboard/people/new": ["memberRecords"],
  "app/(coordinator)/dashboard/mail": ["mailDelivery.sendAgain"],
  "app/(coordinator)/dashboard/settings/profile-fields": ["profileFieldSettings", "profile.fields"],
  "app/(provider)/provider": ["provider", "account", "passwordRules"],
  "app/(coordinator)/dashboard/roster": ["shiftEditor", "roster"],
  "app/(coordinator)/dashboard/groups": ["groups"],
  "app/(coordinator)/dashboard/hours": ["hoursDashboard"],
  "app/(coordinator)/dashboard/hours/[personId]": [],
  "app/(coordinator)/dashboard/locations": ["locations"],
  "app/(coordinator)/dashboard/settings/security": ["securitySettings"],
  "app/(coordinator)/dashboard/settings/organisation": ["organisationSettings"],
  "app/(coordinator)/dashboard/people/import": ["memberImport"],
  "app/(coordinator)/dashboard/people/[id]/merge": ["merging"],
} as const satisfies Record<string, readonly string[]>;

export type ClientMessageArea = keyof typeof clientMessageAreas;

/**
 * Parts of its namespaces that no client component of an area's own pages uses, left out of what that
 * area sends (not of what the areas below it send: each has its own layout). The approval list would
 * otherwise carry one member's week page's texts on every visit. tests/unit/i18n/client-messages.test.ts
 * fails when a client component of the area uses one.
 */
export const clientMessageOmissions: Partial<Record<ClientMessageArea, readonly string[]>> = {
  // The members table's page, filters, badges and notices are rendered on the server.
  "app/(coordinator)/dashboard/people": [
    ...["title", "intro", "auditLink", "leavers", "leaversHint", "leaversShow", "filters", "badges", "lockedAccounts", "lockedAccountsHint", "lockedAccountsShow"].map((key) => `accounts.${key}`),
    ...["caption", "role_coordinator", "role_admin", "empty", "emptyFiltered", "emptyFilteredHint", "pageOf", "previous", "next", "pagination"].map((key) => `accounts.table.${key}`),
    "accounts.bulk.groupOption",
  ],
  "app/(coordinator)/dashboard/hours": [
    "hoursDashboard.person",
    "hoursDashboard.intro",
    "hoursDashboard.filter",
    "hoursDashboard.search",
    "hoursDashboard.weekHeading",
    "hoursDashboard.weekNavigation",
    "hoursDashboard.title",
    "hoursDashboard.previousWeek",
    "hoursDashboard.nextWeek",
    "hoursDashboard.hoursValue",
    "hoursDashboard.table.caption",
    "hoursDashboard.table.captionNamed",
    "hoursDashboard.table.empty",
    "hoursDashboard.table.emptyFiltered",
    "hoursDashboard.table.open",
    "hoursDashboard.table.none",
    "hoursDashboard.table.pagination",
    "hoursDashboard.table.previous",
    "hoursDashboard.table.next",
    "hoursDashboard.table.pageOf",
    "hoursDashboard.done.saved",
    "hoursDashboard.done.savedReopened",
    "hoursDashboard.corrections.title",
    "hoursDashboard.corrections.intro",
    "hoursDashboard.corrections.empty",
    "hoursDashboard.corrections.week",
    "hoursDashboard.corrections.requestedAt",
    "hoursDashboard.corrections.open",
    "hoursDashboard.corrections.showAll",
    "hoursDashboard.export.title",
    "hoursDashboard.export.intro",
    ...["member", "week", "date", "activity", "location", "start", "end", "breakMinutes", "hours", "total", "noLocation", "sheetName"].map((key) => `hoursDashboard.file.${key}`),
    // Refusals only a member's week page can meet (times, breaks, lines outside a shift).
    ...["endNotAfterStart", "tooLong", "breakNegative", "breakTooLong", "invalidBreak", "invalidTime", "invalidDay", "activityMissing", "activityTooLong"].map((key) => `hoursDashboard.errors.${key}`),
  ],
};

/**
 * Parts (lib/i18n/on-demand-parts.ts) an area's own pages fetch when a reader first needs them instead
 * of carrying them on every visit; like an omission, only for that area's own pages. The members table
 * shows a page of people and a few buttons: its confirmations, outcomes and bulk tools were three
 * quarters of its texts. tests/unit/i18n/client-messages.test.ts fails when a client component uses a
 * part's text outside an <OnDemandMessages> of that part.
 */
export const clientMessagesOnDemand: Partial<Record<ClientMessageArea, readonly OnDemandPart[]>> = {
  "app/(coordinator)/dashboard/people": ["people.dialogs", "people.bulkTools", "people.mailProgress"],
};

/** The paths an area leaves out of what it sends: its omissions and its on-demand parts. */
export function leftOutOf(area: ClientMessageArea): string[] {
  return [...(clientMessageOmissions[area] ?? []), ...(clientMessagesOnDemand[area] ?? []).flatMap((part) => onDemandMessageParts[part])];
}

/** What one on-demand part holds of `messages`. */
export function messagesOfPart(messages: Messages, part: OnDemandPart): Messages {
  return pickMessages(messages, onDemandMessageParts[part]);
}

/** What the layout of `area` would send on its own: the namespaces of its pages, without what it leaves out. */
function sentBy(messages: Messages, area: ClientMessageArea): Messages {
  return omitMessages(pickMessages(messages, namespacesFor(area)), leftOutOf(area));
}

/** The areas whose layouts wrap those of `area`. */
function areasAround(area: ClientMessageArea): ClientMessageArea[] {
  return (Object.keys(clientMessageAreas) as ClientMessageArea[]).filter((folder) => area.startsWith(`${folder}/`));
}

// Per message file (one object per language) and area: the same for every request.
const addedByArea = new WeakMap<Messages, Map<ClientMessageArea, Messages>>();

/**
 * What the layout of `area` sends: the texts its pages need that the layouts around it do not already
 * send (the browser's provider adds them to theirs; components/intl-client-provider.tsx).
 */
export function addedBy(messages: Messages, area: ClientMessageArea): Messages {
  let byArea = addedByArea.get(messages);
  if (!byArea) addedByArea.set(messages, (byArea = new Map()));
  let added = byArea.get(area);
  if (!added) {
    added = areasAround(area).reduce((rest, around) => withoutMessages(rest, sentBy(messages, around)), sentBy(messages, area));
    byArea.set(area, added);
  }
  return added;
}

/** `messages` without every text `present` holds, and without the objects that leaves empty. */
export function withoutMessages(messages: Messages, present: Messages): Messages {
  const result: Messages = {};
  for (const [key, value] of Object.entries(messages)) {
    const there = present[key];
    if (there === undefined) result[key] = value;
    else if (typeof value === "object" && typeof there === "object") {
      const rest = withoutMessages(value, there);
      if (Object.keys(rest).length > 0) result[key] = rest;
    }
  }
  return result;
}

/** The namespaces a page in `area` gets: its own and those of every area above it. */
export function namespacesFor(area: ClientMessageArea): string[] {
  const chosen = new Set<string>();
  for (const [folder, namespaces] of Object.entries(clientMessageAreas)) {
    if (area === folder || area.startsWith(`${folder}/`)) for (const namespace of namespaces) chosen.add(namespace);
  }
  return [...chosen].sort();
}

/** Only the given namespaces of `messages`, nested as in the file ("people.search" → { people: { search } }). */
export function pickMessages(messages: Messages, namespaces: readonly string[]): Messages {
  const picked: Messages = {};
  for (const namespace of namespaces) {
    const path = namespace.split(".");
    let source: string | Messages | undefined = messages;
    for (const key of path) source = typeof source === "object" ? source[key] : undefined;
    if (source === undefined) continue;
    let target = picked;
    for (const key of path.slice(0, -1)) {
      const next = target[key];
      target = typeof next === "object" ? next : (target[key] = {});
    }
    target[path[path.length - 1]] = source;
  }
  return picked;
}

/** `messages` without the given paths ("hoursDashboard.person"); only the objects on a path are copied. */
export function omitMessages(messages: Messages, paths: readonly string[]): Messages {
  const result: Messages = { ...messages };
  for (const omitted of paths) {
    const path = omitted.split(".");
    let target: Messages | null = result;
    for (const key of path.slice(0, -1)) {
      const next: string | Messages | undefined = target[key];
      if (typeof next !== "object") {
        target = null;
        break;
      }
      target = target[key] = { ...next };
    }
    if (target) delete target[path[path.length - 1]];
  }
  return result;
}
