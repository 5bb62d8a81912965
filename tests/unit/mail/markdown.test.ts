// The body's markdown subset: hostile input shows as the characters typed, bold and safe links work.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/mail/markdown";
import { escapeMarkdown, renderEmailTexts } from "@/lib/mail/registry";

describe("email body markdown", () => {
  it.each([
    { label: "a script tag is escaped text", input: "<script>alert(1)</script>", html: "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>" },
    { label: "template syntax stays literal", input: "{{7*7}}", html: "<p>{{7*7}}</p>" },
    { label: "a javascript: link stays text", input: "[x](javascript:alert(1))", html: "<p>[x](javascript:alert(1))</p>" },
    { label: "raw HTML is escaped", input: 'Hoi <b onclick="x()">daar</b> & <img src=x onerror=alert(1)>', html: "<p>Hoi &lt;b onclick=&quot;x()&quot;&gt;daar&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</p>" },
    { label: "a data: link stays text", input: "[x](data:text/html,hi)", html: "<p>[x](data:text/html,hi)</p>" },
    { label: "a bare address is not turned into a link", input: "kijk op https://example.org", html: "<p>kijk op https://example.org</p>" },
    { label: "a heading marker is ordinary text", input: "# Kop", html: "<p># Kop</p>" },
  ])("$label", ({ input, html }) => {
    expect(renderMarkdown(input)).toBe(html);
  });

  it.each([
    { label: "bold", input: "Dit is **belangrijk**.", html: "<p>Dit is <strong>belangrijk</strong>.</p>" },
    {
      label: "an https link",
      input: "Lees [het rooster](https://example.org/rooster).",
      html: '<p>Lees <a href="https://example.org/rooster" style="color:#166534;text-decoration:underline" target="_blank" rel="noopener noreferrer">het rooster</a>.</p>',
    },
    {
      label: "a mailto link",
      input: "[Mail ons](mailto:info@example.org)",
      html: '<p><a href="mailto:info@example.org" style="color:#166534;text-decoration:underline" target="_blank" rel="noopener noreferrer">Mail ons</a></p>',
    },
    { label: "paragraphs and line breaks", input: "Hoi,\n\nregel een\nregel twee", html: "<p>Hoi,</p>\n<p>regel een<br>regel twee</p>" },
  ])("renders $label", ({ input, html }) => {
    expect(renderMarkdown(input)).toBe(html);
  });

  it("a filled-in value can never become markup", () => {
    const texts = renderEmailTexts(
      "handover-request",
      { subject: "x", body: "{collega}: {bericht}", buttonLabel: "Bekijk" },
      { voornaam: "A", collega: "**Piet**", dienst: "d", bericht: "[klik](https://evil.example) <i>", organisatie: "O" },
    );
    expect(renderMarkdown(texts.body)).toBe("<p>**Piet**: [klik](https://evil.example) &lt;i&gt;</p>");
    expect(escapeMarkdown("a_b")).toBe("a\\_b");
  });
});
