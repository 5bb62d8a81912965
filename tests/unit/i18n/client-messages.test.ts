// Client components only get the texts their part of the app sends (lib/i18n/client-messages.ts). A
// namespace missing there shows the member a raw key such as "profile.save" instead of a button
// text, so this follows the imports from every page and layout to each client component and checks
// that each useTranslations("…") it calls is sent to that page.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addedBy, clientMessageAreas, clientMessageOmissions, clientMessagesOnDemand, leftOutOf, messagesOfPart, namespacesFor, omitMessages, pickMessages, withoutMessages, type ClientMessageArea } from "@/lib/i18n/client-messages";
import { mergeMessages, type Messages } from "@/lib/i18n/merge-messages";
import { onDemandMessageParts, type OnDemandPart } from "@/lib/i18n/on-demand-parts";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";

const root = path.resolve(__dirname, "../../..");
const entryNames = new Set(["page.tsx", "layout.tsx", "error.tsx", "not-found.tsx", "template.tsx", "loading.tsx", "global-error.tsx"]);

function walk(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? walk(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/") ? path.join(root, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const sources = new Map<string, string>();
function source(file: string): string {
  let text = sources.get(file);
  if (text === undefined) {
    text = readFileSync(file, "utf8");
    sources.set(file, text);
  }
  return text;
}

function importsOf(file: string): string[] {
  const found: string[] = [];
  for (const match of source(file).matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/g)) {
    // Type-only imports bring no code along.
    if (/^\s*(?:import|export)\s+type\s/.test(match[0].trim())) continue;
    const resolved = resolveImport(file, match[1]);
    if (resolved) found.push(resolved);
  }
  return found;
}

const isClient = (file: string) => /^\s*(?:\/\/[^\n]*\n\s*)*["']use client["']/.test(source(file));

/** useTranslations("x") in a file; null for a call whose namespace is not a literal. */
function namespacesUsedIn(file: string): Array<string | null> {
  return [...source(file).matchAll(/\buseTranslations\(\s*(?:"([^"]*)"|'([^']*)')?\s*([,)]?)/g)].map((match) => match[1] ?? match[2] ?? null);
}

/** The text of the call that starts at `open` (the index of its "("), up to its matching ")". */
function callArguments(text: string, open: number): string {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === "(") depth++;
    else if (text[index] === ")" && --depth === 0) return text.slice(open + 1, index);
  }
  return text.slice(open + 1);
}

/** Quoted and template literals in `text`; a template as its fixed start, with `open` when a ${…} follows. */
function literalsIn(text: string): Array<{ value: string; open: boolean }> {
  return [...text.matchAll(/"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)'|`([^`]*)`/g)].map((match) => {
    if (match[3] === undefined) return { value: match[1] ?? match[2], open: false };
    const at = match[3].indexOf("${");
    return at < 0 ? { value: match[3], open: false } : { value: match[3].slice(0, at), open: true };
  });
}

/**
 * Whether a client file uses the message path `omitted` ("accounts.confirm"): a useTranslations of it
 * or below it, or, with a translator of a namespace above it, a key under it: any literal inside a call
 * of that translator (t("confirm.title"), t(ok ? "confirm.a" : "confirm.b"), t(`confirm.${key}`)), or a
 * dotted literal anywhere in the file ("confirm.title" kept in a table of keys), or a template that may
 * make a key under it (t(`errors.${reason}`) for "accounts.errors.failed").
 */
function usesPath(file: string, omitted: string): boolean {
  const text = source(file);
  for (const match of text.matchAll(/\b(\w+)\s*=\s*useTranslations\(\s*(?:"([^"]*)"|'([^']*)')\s*\)/g)) {
    const [, name, double, single] = match;
    const namespace = double ?? single;
    if (namespace === omitted || namespace.startsWith(`${omitted}.`)) return true;
    if (!omitted.startsWith(`${namespace}.`)) continue;
    const rest = omitted.slice(namespace.length + 1);
    const hits = ({ value, open }: { value: string; open: boolean }) =>
      value === rest || value.startsWith(`${rest}.`) || (open && (rest.startsWith(value) || value.startsWith(`${rest}.`)));
    for (const call of text.matchAll(new RegExp(`\\b${name}(?:\\.\\w+)?\\(`, "g"))) {
      if (literalsIn(callArguments(text, call.index + call[0].length - 1)).some(hits)) return true;
    }
    if (literalsIn(text).some((literal) => literal.value.includes(".") && hits(literal))) return true;
  }
  return false;
}

/** The components a file exports (`export function Name`, `export const Name`). */
function exportedComponents(file: string): string[] {
  return [...source(file).matchAll(/export\s+(?:async\s+)?(?:function|const)\s+([A-Z]\w*)/g)].map((match) => match[1]);
}

/**
 * Whether `parent` shows what it takes from `child` only inside <OnDemandMessages part="…"> of `part`:
 * it renders at least one of the child's components, and every place it does is inside such a boundary.
 */
function rendersInsideBoundary(parent: string, child: string, part: OnDemandPart): boolean {
  const text = source(parent);
  const boundaries: Array<[number, number]> = [];
  for (const open of text.matchAll(/<OnDemandMessages\b[^>]*\bpart="([^"]+)"[^>]*>/g)) {
    if (open[1] !== part) continue;
    const close = text.indexOf("</OnDemandMessages>", open.index);
    boundaries.push([open.index, close < 0 ? text.length : close]);
  }
  const places = exportedComponents(child).flatMap((name) => [...text.matchAll(new RegExp(`<${name}\\b`, "g"))].map((match) => match.index));
  return places.length > 0 && places.every((at) => boundaries.some(([start, end]) => at > start && at < end));
}

/** The deepest area folder that holds `file`. */
function areaOf(file: string): ClientMessageArea {
  const relative = path.relative(root, path.dirname(file)).split(path.sep).join("/");
  const areas = Object.keys(clientMessageAreas) as ClientMessageArea[];
  return areas.filter((area) => relative === area || relative.startsWith(`${area}/`)).sort((a, b) => b.length - a.length)[0] ?? "app";
}

/**
 * The files a page or layout runs as client code: itself or any file it imports that is marked "use
 * client", and everything those import in turn. In the order they are reached; a file is listed once
 * for each way it is reached (from server code, from client code).
 */
function clientFilesOf(entry: string, onImport?: (importer: string, imported: string) => void): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, client: boolean) => {
    const key = `${file}|${client}`;
    if (seen.has(key)) return;
    seen.add(key);
    const inClient = client || isClient(file);
    if (inClient) found.push(file);
    for (const imported of importsOf(file)) {
      onImport?.(file, imported);
      visit(imported, inClient);
    }
  };
  visit(entry, false);
  return found;
}

function covered(namespace: string, sent: readonly string[]): boolean {
  return sent.some((given) => namespace === given || namespace.startsWith(`${given}.`));
}

describe("the texts sent to client components", () => {
  const entries = walk(path.join(root, "app")).filter((file) => entryNames.has(path.basename(file)));

  it("cover every useTranslations of every client component a page or layout renders", () => {
    const problems: string[] = [];
    let clientFilesChecked = 0;
    for (const entry of entries) {
      const area = areaOf(entry);
      const sent = namespacesFor(area);
      for (const file of clientFilesOf(entry)) {
        clientFilesChecked++;
        for (const namespace of namespacesUsedIn(file)) {
          const where = `${path.relative(root, file)} (from ${path.relative(root, entry)}, area ${area})`;
          if (namespace === null || namespace === "") problems.push(`${where}: useTranslations without a literal namespace`);
          else if (!covered(namespace, sent)) problems.push(`${where}: "${namespace}" is not sent; add it to clientMessageAreas`);
        }
      }
    }
    expect(clientFilesChecked).toBeGreaterThan(10);
    expect([...new Set(problems)]).toEqual([]);
  });

  it("leave out of an area only texts that no client component of its own pages uses", () => {
    const problems: string[] = [];
    for (const entry of entries) {
      const area = areaOf(entry);
      const omitted = clientMessageOmissions[area] ?? [];
      if (omitted.length === 0) continue;
      for (const file of clientFilesOf(entry)) {
        for (const namespace of namespacesUsedIn(file)) {
          for (const omittedPath of omitted) {
            // useTranslations("hoursDashboard") with t("person.title"), or useTranslations("hoursDashboard.person").
            const rest = namespace && omittedPath.startsWith(`${namespace}.`) ? omittedPath.slice(namespace.length + 1) : null;
            const usesKey = rest !== null && new RegExp(`\\bt(?:\\.\\w+)?\\(\\s*["'\`]${rest.replaceAll(".", "\\.")}(?:[."'\`]|\\$\\{)`).test(source(file));
            if (usesKey || (namespace !== null && (namespace === omittedPath || namespace.startsWith(`${omittedPath}.`)))) {
              problems.push(`${path.relative(root, file)} (from ${path.relative(root, entry)}) uses ${omittedPath}, which ${area} leaves out`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("are wrapped around each area by its layout", () => {
    for (const area of Object.keys(clientMessageAreas)) {
      const layout = path.join(root, area, "layout.tsx");
      expect(existsSync(layout), `${area}/layout.tsx`).toBe(true);
      expect(source(layout)).toContain(`<ClientMessages area="${area}">`);
    }
  });

  it("name namespaces that exist in Dutch and in English", () => {
    for (const [area, namespaces] of Object.entries(clientMessageAreas)) {
      for (const namespace of namespaces) {
        for (const messages of [nl, en]) {
          expect(Object.keys(pickMessages(messages, [namespace])), `${area}: ${namespace}`).toHaveLength(1);
        }
      }
    }
  });

  it("leave out paths that exist, and nothing else", () => {
    for (const [area, omitted] of Object.entries(clientMessageOmissions)) {
      for (const omittedPath of omitted) {
        for (const messages of [nl, en]) {
          const [namespace, ...rest] = omittedPath.split(".");
          let node: unknown = messages;
          for (const key of [namespace, ...rest]) node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
          expect(node, `${area}: ${omittedPath}`).toBeDefined();
        }
      }
    }
    const sent = omitMessages(pickMessages(nl, ["hoursDashboard"]), ["hoursDashboard.person", "hoursDashboard.export.intro"]) as { hoursDashboard: Record<string, Record<string, string>> };
    expect(sent.hoursDashboard.person).toBeUndefined();
    expect(sent.hoursDashboard.export.intro).toBeUndefined();
    expect(sent.hoursDashboard.export.title).toBe(nl.hoursDashboard.export.title);
    expect(nl.hoursDashboard.export.intro).toBeDefined();
    // A path that is not there leaves everything as it was, also a key of the same name higher up.
    expect(omitMessages({ a: { c: "x" } }, ["a.b.c"])).toEqual({ a: { c: "x" } });
  });

  it("that an area fetches on demand are used only inside a boundary of their part", () => {
    const problems: string[] = [];
    let gatedUses = 0;
    for (const entry of entries) {
      const area = areaOf(entry);
      const parts = clientMessagesOnDemand[area] ?? [];
      if (parts.length === 0) continue;
      const parents = new Map<string, Set<string>>();
      const clientFiles = new Set(
        clientFilesOf(entry, (importer, imported) => {
          if (!parents.has(imported)) parents.set(imported, new Set());
          parents.get(imported)?.add(importer);
        }),
      );
      // Inside a boundary of `part` on every way from the page to `file`.
      const gated = (file: string, part: OnDemandPart, trail: Set<string> = new Set()): boolean => {
        const from = [...(parents.get(file) ?? [])];
        if (from.length === 0 || trail.has(file)) return false;
        const next = new Set(trail).add(file);
        return from.every((parent) => rendersInsideBoundary(parent, file, part) || gated(parent, part, next));
      };
      for (const file of clientFiles) {
        const where = `${path.relative(root, file)} (from ${path.relative(root, entry)})`;
        for (const part of parts) {
          for (const partPath of onDemandMessageParts[part]) {
            if (!usesPath(file, partPath)) continue;
            if (gated(file, part)) gatedUses++;
            else problems.push(`${where} uses ${partPath} outside <OnDemandMessages part="${part}">, which ${area} fetches on demand`);
          }
        }
      }
    }
    expect([...new Set(problems)]).toEqual([]);
    expect(gatedUses).toBeGreaterThan(0);
  });

  it("find a text used outside its boundary, or used where its area leaves it out", () => {
    const fixtures = path.join(root, "tests/unit/i18n/fixtures");
    const boundary = path.join(fixtures, "boundary.tsx");
    const dialog = path.join(fixtures, "dialog.tsx");
    expect(usesPath(dialog, "accounts.confirm")).toBe(true);
    expect(usesPath(dialog, "accounts.done")).toBe(true);
    expect(usesPath(dialog, "accounts.errors")).toBe(true);
    expect(usesPath(dialog, "accounts.table")).toBe(false);
    expect(usesPath(boundary, "accounts.confirm")).toBe(false);
    expect(usesPath(boundary, "accounts.table")).toBe(true);
    expect(rendersInsideBoundary(boundary, dialog, "people.dialogs")).toBe(false);
    expect(rendersInsideBoundary(path.join(fixtures, "gated.tsx"), dialog, "people.dialogs")).toBe(true);
    expect(rendersInsideBoundary(path.join(fixtures, "gated.tsx"), dialog, "people.bulkTools")).toBe(false);
  });

  it("name on-demand parts that exist in Dutch and English, and leave them out where the area fetches them", () => {
    for (const [part, paths] of Object.entries(onDemandMessageParts)) {
      for (const messages of [nl, en]) {
        const picked = JSON.stringify(messagesOfPart(messages, part as OnDemandPart));
        for (const partPath of paths) {
          let node: unknown = messages;
          for (const key of partPath.split(".")) node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
          expect(node, `${part}: ${partPath}`).toBeDefined();
          expect(picked).toContain(JSON.stringify(partPath.split(".").at(-1)));
        }
      }
    }
    const area = "app/(coordinator)/dashboard/people";
    const sent = omitMessages(pickMessages(nl, namespacesFor(area)), leftOutOf(area)) as { accounts: Record<string, Record<string, string>>; groupMembership: Record<string, unknown> };
    expect(sent.accounts.confirm).toBeUndefined();
    expect(sent.accounts.errors).toBeUndefined();
    expect(sent.accounts.bulk.blockEveryone).toBeUndefined();
    expect(sent.accounts.bulk.blockSelection).toBe(nl.accounts.bulk.blockSelection);
    expect(sent.groupMembership.add).toBe(nl.groupMembership.add);
    expect(sent.groupMembership.added).toBeUndefined();
    expect(sent).not.toHaveProperty("logins");
    // The members table's own page sends a small part of its namespaces; its member page all of them.
    expect(JSON.stringify(sent).length).toBeLessThan(4_500);
    expect(leftOutOf("app/(coordinator)/dashboard/people/[id]")).toEqual([]);
  });

  it("are sent once: a nested layout sends only what the layouts around it do not, and together they hold every text its pages get", () => {
    const areas = Object.keys(clientMessageAreas) as ClientMessageArea[];
    for (const messages of [nl, en] as Messages[]) {
      for (const area of areas) {
        const around = areas.filter((folder) => area.startsWith(`${folder}/`));
        const together = [...around, area].reduce<Messages>((all, each) => mergeMessages(all, addedBy(messages, each)), {});
        const pagesGet = omitMessages(pickMessages(messages, namespacesFor(area)), leftOutOf(area));
        expect(withoutMessages(pagesGet, together), `${area} misses texts`).toEqual({});
        for (const outer of around) expect(withoutMessages(addedBy(messages, area), addedBy(messages, outer)), `${area} repeats ${outer}`).toEqual(addedBy(messages, area));
      }
    }
    // A coordinator's view of one member's week adds only the hours texts the approval list leaves out.
    const week = addedBy(nl, "app/(coordinator)/dashboard/hours/[personId]") as { hoursDashboard?: Record<string, unknown> };
    expect(Object.keys(week)).toEqual(["hoursDashboard"]);
    expect(week.hoursDashboard?.person).toEqual(nl.hoursDashboard.person);
    expect(week.hoursDashboard).not.toHaveProperty("bulk");
    expect(JSON.stringify(week).length).toBeLessThan((JSON.stringify(nl.hoursDashboard).length * 2) / 3);
    // Only texts present in both go, with the objects that leaves empty.
    expect(withoutMessages({ a: { b: "1", c: "2" }, d: "3", e: { f: "4" } }, { a: { b: "1" }, d: "3", e: { f: "4" } })).toEqual({ a: { c: "2" } });
  });

  it("leave the rest out: a member page gets a small part of the message file", () => {
    const sent = JSON.stringify(pickMessages(nl, namespacesFor("app/(member)/my")));
    expect(sent).toContain("memberNav");
    expect(sent).not.toContain("accounts");
    expect(sent.length).toBeLessThan(JSON.stringify(nl).length / 4);
  });
});
