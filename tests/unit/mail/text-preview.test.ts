// The editor's preview renders every template's default text with its sample values.
import { describe, expect, it } from "vitest";
import { defaultEmailTexts, emailLocales, emailTemplateKeys, emailTemplates } from "@/lib/mail/registry";
import { renderPreview } from "@/lib/mail/text-preview";

const cases = emailTemplateKeys.flatMap((template) => emailLocales.map((locale) => ({ label: `${template} (${locale})`, template, locale })));

describe("the email text preview", () => {
  it.each(cases)("renders $label with sample values in place of every placeholder", async ({ template, locale }) => {
    const preview = await renderPreview(template, locale, defaultEmailTexts(template, locale), "Buurthuis De Linde", "https://ploeg.example/my");
    expect(preview.subject).not.toMatch(/[{}]/);
    expect(preview.text).not.toMatch(/\{[a-z]+\}/);
    if (emailTemplates[template].hasButton) expect(preview.html).toContain("https://ploeg.example/my");
  });
});
