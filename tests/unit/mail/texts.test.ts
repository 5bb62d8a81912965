import { describe, expect, test } from "vitest";
import {
  emailLocales,
  emailTemplateKeys,
  emailTemplates,
  fillPlaceholders,
  placeholderDescriptions,
  renderEmailTexts,
  toEmailLocale,
  validateTemplateText,
} from "@/lib/mail/registry";

describe("the template registry", () => {
  // Section 7's list, plus the notice to the coordinator that section 4 asks for when a shift is taken
  // over, the notice to the colleagues asked when a handover request is withdrawn, and the notice to a
  // member whose authenticator app a coordinator removed, and the notice to the people on a shift
  // whose date, time or place changed, and the confirmations to a member who signs up for or off from
  // a shift themselves.
  test("holds every email of PRODUCT.md section 7", () => {
    expect([...emailTemplateKeys].sort()).toEqual(
      [
        "sign-in-link",
        "login-request",
        "password-reset",
        "two-factor-code",
        "invitation",
        "username",
        "shift-assigned",
        "shift-removed",
        "shift-cancelled",
        "shift-changed",
        "shift-signed-up",
        "shift-signed-off",
        "handover-request",
        "handover-accepted-requester",
        "handover-accepted-taker",
        "handover-already-taken",
        "handover-withdrawn",
        "handover-coordinator",
        "access-blocked",
        "access-unblocked",
        "account-locked",
        "account-locked-coordinator",
        "authenticator-removed",
        "hours-reminder",
        "hours-sent-back",
        "correction-request",
      ].sort(),
    );
  });

  const cases = emailTemplateKeys.flatMap((template) => emailLocales.map((locale) => ({ template, locale })));

  test.each(cases)("$template ($locale) has default texts that use only its own placeholders", ({ template, locale }) => {
    const definition = emailTemplates[template];
    const texts = definition.defaults[locale];
    expect(template).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(texts.subject.trim()).not.toBe("");
    expect(texts.body.trim()).not.toBe("");
    expect(texts.buttonLabel === null).toBe(!definition.hasButton);
    for (const text of [texts.subject, texts.body, texts.buttonLabel ?? ""]) {
      expect(validateTemplateText(template, text, locale)).toEqual({ ok: true });
    }
    expect(definition.placeholders).toContain("organisatie");
    for (const name of definition.placeholders) expect(placeholderDescriptions[name][locale]).toBeTruthy();
  });
});

describe("validating a text an admin typed", () => {
  test.each([
    { label: "known placeholders are accepted", text: "Hoi {voornaam}, welkom bij {organisatie}", ok: true },
    { label: "text without placeholders is accepted", text: "Hallo!", ok: true },
    { label: "a lone brace is ordinary text", text: "Een losse { accolade", ok: true },
    { label: "a closing brace alone is ordinary text", text: "Smiley :-}", ok: true },
    { label: "spaces inside braces do not hide a mistake", text: "Hoi { voornaam }", ok: false },
    { label: "a placeholder of another template is refused", text: "Je dienst {dienst}", ok: false },
    { label: "a misspelt placeholder is refused", text: "Hoi {Voornaam}", ok: false },
    { label: "an empty pair of braces is refused", text: "Hoi {}", ok: false },
  ])("$label", ({ text, ok }) => {
    expect(validateTemplateText("sign-in-link", text).ok).toBe(ok);
  });

  test("the Dutch message names the unknown placeholder and lists the usable ones", () => {
    expect(validateTemplateText("sign-in-link", "Hoi {naam}")).toEqual({
      ok: false,
      unknownPlaceholders: ["naam"],
      message: "Onbekende placeholder {naam}. Je kunt gebruiken: {voornaam}, {gebruikersnaam}, {organisatie}.",
    });
  });

  test("the English message lists several unknown placeholders once each", () => {
    const result = validateTemplateText("access-blocked", "{dienst} {code} {dienst} {week}", "en");
    expect(result).toEqual({
      ok: false,
      unknownPlaceholders: ["dienst", "code", "week"],
      message: "Unknown placeholders {dienst}, {code} and {week}. You can use: {voornaam}, {organisatie}.",
    });
  });
});

describe("filling placeholders", () => {
  test("every occurrence is replaced and values are inserted literally", () => {
    expect(
      fillPlaceholders("sign-in-link", "{voornaam} {voornaam} ({gebruikersnaam}) bij {organisatie}", {
        voornaam: "Ann $& $1",
        gebruikersnaam: "ann",
        organisatie: "<De Linde>",
      }),
    ).toBe("Ann $& $1 Ann $& $1 (ann) bij <De Linde>");
  });

  test("a placeholder the template does not allow is a programming error", () => {
    expect(() => fillPlaceholders("sign-in-link", "{dienst}", { voornaam: "", gebruikersnaam: "", organisatie: "" })).toThrow(/no placeholder \{dienst\}/);
  });

  test("a subject stays on one line whatever the values contain", () => {
    const texts = renderEmailTexts(
      "shift-assigned",
      { subject: "Dienst: {dienst}", body: "{dienst}", buttonLabel: "Bekijk" },
      { voornaam: "A", dienst: "Bar\r\nBcc: someone@example.com", organisatie: "X" },
    );
    expect(texts.subject).toBe("Dienst: Bar Bcc: someone@example.com");
    expect(texts.body).toBe("Bar\r\nBcc: someone@example.com");
  });
});

describe("locales", () => {
  test.each([
    { value: "nl", expected: "nl" },
    { value: "en", expected: "en" },
    { value: "de", expected: "nl" },
    { value: null, expected: "nl" },
  ])("$value is mailed in $expected", ({ value, expected }) => {
    expect(toEmailLocale(value)).toBe(expected);
  });
});
