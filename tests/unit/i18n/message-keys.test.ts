// Every text exists in both languages: a key present in one locale and missing in the other shows a
// reader a raw key (or a Dutch sentence in the English interface), so the two files must hold the
// same keys at every depth, each a non-empty text.
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";

type Messages = { [key: string]: string | Messages };

/** "accounts.confirm.names" → the text, for every leaf; a branch that is not an object or text is reported as it is. */
function leaves(messages: Messages, prefix = ""): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [inner, text] of leaves(value, path)) found.set(inner, text);
    } else {
      found.set(path, value);
    }
  }
  return found;
}

const locales = { nl: leaves(nl as Messages), en: leaves(en as Messages) };

describe("message keys", () => {
  it.each([
    { label: "every Dutch text has an English one", from: "nl", to: "en" },
    { label: "every English text has a Dutch one", from: "en", to: "nl" },
  ] as const)("$label", ({ from, to }) => {
    const missing = [...locales[from].keys()].filter((key) => !locales[to].has(key));
    expect(missing, `keys in ${from}.json missing from ${to}.json`).toEqual([]);
  });

  it.each([{ locale: "nl" }, { locale: "en" }] as const)("every $locale text is a non-empty string", ({ locale }) => {
    const broken = [...locales[locale]].filter(([, text]) => typeof text !== "string" || text.trim() === "").map(([key]) => key);
    expect(broken).toEqual([]);
  });

  it("finds a key missing at depth", () => {
    const one = leaves({ a: { b: { c: "x" }, d: "y" } });
    const other = leaves({ a: { b: {}, d: "y" } });
    expect([...one.keys()].filter((key) => !other.has(key))).toEqual(["a.b.c"]);
  });
});
