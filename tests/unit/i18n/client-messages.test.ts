// Client components only get the texts their part of the app sends (lib/i18n/client-messages.ts). A
// namespace missing there shows the member a raw key such as "profile.save" instead of a button
// text, so this follows the imports from every page and layout to each client component and checks
// that each useTranslations("…") it calls is sent to that page.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientMessageAreas, clientMessageOmissions, namespacesFor, omitMessages, pickMessages, type ClientMessageArea } from "@/lib/i18n/client-messages";
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
function clientFilesOf(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, client: boolean) => {
    const key = `${file}|${client}`;
    if (seen.has(key)) return;
    seen.add(key);
    const inClient = client || isClient(file);
    if (inClient) found.push(file);
    for (const imported of importsOf(file)) visit(imported, inClient);
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

  it("leave the rest out: a member page gets a small part of the message file", () => {
    const sent = JSON.stringify(pickMessages(nl, namespacesFor("app/(member)/my")));
    expect(sent).toContain("memberNav");
    expect(sent).not.toContain("accounts");
    expect(sent.length).toBeLessThan(JSON.stringify(nl).length / 4);
  });
});
