// Every answer a member can get when taking or leaving a shift has a sentence in both languages: the
// refusals the sign-up and sign-off actions translate, and the reasons the shift page shows instead
// of the Inschrijven button.
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import nl from "@/lib/i18n/messages/nl.json";
import type { SignUpProblem } from "@/lib/roster/rules";
import type { SignOffResult, SignUpResult } from "@/lib/roster/sign-ups";

type Refusal = Extract<SignUpResult, { outcome: "refused" }>["problem"] | Extract<SignOffResult, { outcome: "refused" }>["problem"];

// Records rather than lists, so a new refusal in the domain fails to compile here until it has a text.
const actionRefusals: Record<Refusal | "forbidden" | "invalid" | "overlapWith", true> = {
  cancelled: true,
  alreadyOn: true,
  started: true,
  notInGroup: true,
  overlap: true,
  overlapWith: true,
  full: true,
  notFound: true,
  notOnShift: true,
  notSignUpDay: true,
  notOwnSignUp: true,
  forbidden: true,
  invalid: true,
};
const pageReasons: Record<SignUpProblem, true> = { cancelled: true, alreadyOn: true, started: true, notInGroup: true, overlap: true, full: true };

describe.each([
  { language: "Dutch", messages: nl },
  { language: "English", messages: en },
])("$language texts", ({ messages }) => {
  it.each(Object.keys(actionRefusals).map((key) => ({ key })))("the action's refusal $key", ({ key }) => {
    expect(messages.shifts.errors[key as keyof typeof messages.shifts.errors]).toMatch(/\S/);
  });
  it.each(Object.keys(pageReasons).map((key) => ({ key })))("the shift page's reason $key", ({ key }) => {
    expect(messages.shifts.detail.why[key as keyof typeof messages.shifts.detail.why]).toMatch(/\S/);
  });
  it.each([{ source: "coordinator" as const }, { source: "handover" as const }])("says why a place from $source cannot be signed off", ({ source }) => {
    expect(messages.shifts.detail.signOffNotOwn[source]).toMatch(/\S/);
  });
  it("says the last place was just taken, not merely that the shift is full", () => {
    expect(messages.shifts.errors.full).not.toBe(messages.shifts.detail.why.full);
  });
});
