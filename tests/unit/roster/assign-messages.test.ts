// Every reason a coordinator can be told why someone was not put on a shift has a sentence in both languages.
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import type { AssignProblem } from "@/lib/roster/rules";

// A record rather than a list, so a new reason in the rules fails to compile here until it has a text.
const reasons: Record<AssignProblem, true> = { cancelled: true, alreadyOn: true, started: true, notInGroup: true, overlap: true, noPlace: true };

describe.each([
  { language: "Dutch", messages: nl },
  { language: "English", messages: en },
])("$language texts", ({ messages }) => {
  it.each(Object.keys(reasons).map((key) => ({ key })))("the reason $key names the person", ({ key }) => {
    expect(messages.roster.assign.person[key as keyof typeof messages.roster.assign.person]).toContain("{name}");
  });
});
