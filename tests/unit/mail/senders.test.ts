// Every template in the registry is a message the product promises; this scans the source for who sends
// each one, so a new entry without a sender (or a sender nobody calls) fails here instead of in an inbox.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { emailTemplateKeys, type EmailTemplate } from "@/lib/mail/registry";

const root = join(__dirname, "..", "..", "..");

/**
 * The hours feature is not built yet: it will send these when a week is due, sent back or corrected.
 * They are the only known exceptions; remove each from this list when that feature sends it.
 */
const sentByTheHoursFeature: readonly EmailTemplate[] = [];

/** The registry, its resolver and the mail machinery name every key without sending anything. */
const notSenders = new Set(["lib/mail/registry.ts", "lib/mail/text-overrides.ts", "lib/mail/fan-out.ts", "lib/mail/messages.ts"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = [...sourceFiles(join(root, "lib")), ...sourceFiles(join(root, "app"))].map((path) => ({
  path: relative(root, path),
  text: readFileSync(path, "utf8"),
}));

/** A file's text without its import statements: importing a sender is not calling it (passing it on is). */
function withoutImports(text: string): string {
  return text.replace(/^import[^;]*;/gm, "");
}

/** The named senders of lib/mail/messages.ts, each with the template keys its body names. */
function namedSenders(): { name: string; templates: string[] }[] {
  const text = readFileSync(join(root, "lib", "mail", "messages.ts"), "utf8");
  return text
    .split(/\n(?=export |function |type )/)
    .flatMap((chunk) => {
      const match = /^export (?:async )?function (\w+)/.exec(chunk);
      if (!match || match[1] === "sendTemplate") return [];
      return [{ name: match[1], templates: [...chunk.matchAll(/"([a-z]+(?:-[a-z]+)*)"/g)].map((found) => found[1]) }];
    });
}

function sendersOf(template: EmailTemplate): string[] {
  const literal = `"${template}"`;
  // Through the fan-out step: a file that calls sendToMany and names the template.
  const direct = files.filter((file) => !notSenders.has(file.path) && file.text.includes("sendToMany(") && file.text.includes(literal)).map((file) => file.path);
  // Through a named sender of messages.ts that some file of the app calls or hands on to be called.
  const named = namedSenders()
    .filter((sender) => sender.templates.includes(template))
    .flatMap((sender) =>
      files
        .filter((file) => file.path !== "lib/mail/messages.ts" && new RegExp(`\\b${sender.name}\\b`).test(withoutImports(file.text)))
        .map((file) => `${file.path} (${sender.name})`),
    );
  return [...direct, ...named];
}

describe("every email of the registry is sent", () => {
  test("each template has a sender that the app calls, but for the hours messages", () => {
    const unsent = emailTemplateKeys.filter((template) => !sentByTheHoursFeature.includes(template) && sendersOf(template).length === 0);
    expect(unsent, `Templates nobody sends: ${unsent.join(", ")}`).toEqual([]);
  });

  test("the hours messages are still in the registry and still without a sender, so the exception list stays true", () => {
    for (const template of sentByTheHoursFeature) {
      expect(emailTemplateKeys).toContain(template);
      expect(sendersOf(template), `${template} is sent now: take it off the list of exceptions`).toEqual([]);
    }
  });

  test("the scan finds the senders it should, through the fan-out step and through a named sender", () => {
    expect(sendersOf("handover-request")).toContain("lib/roster/handover.ts");
    expect(sendersOf("shift-signed-up")).toContain("lib/roster/notifications.ts");
    expect(sendersOf("two-factor-code").some((sender) => sender.includes("sendTwoFactorCode"))).toBe(true);
  });
});
