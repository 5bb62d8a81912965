import { describe, expect, test } from "vitest";
import { extractLinks, htmlForPreviewFrame } from "@/lib/mail/preview";

describe("reading links from a stored email", () => {
  test.each([
    { label: "entities in an href are decoded", html: '<a href="https://x.nl/v?a=1&amp;b=2">x</a>', links: ["https://x.nl/v?a=1&b=2"] },
    { label: "a link that appears twice is listed once", html: '<a href="/a">1</a><a target="_blank" href="/a">2</a>', links: ["/a"] },
    { label: "links keep their order", html: "<a href='/b'>b</a> <a class=\"x\" href=\"/a\">a</a>", links: ["/b", "/a"] },
    { label: "an email without links has none", html: "<p>Hallo</p>", links: [] },
    { label: "data-href is not a link", html: '<a data-href="/no" href="/yes">x</a>', links: ["/yes"] },
  ])("$label", ({ html, links }) => {
    expect(extractLinks(html)).toEqual(links);
  });
});

describe("showing a stored email in a sandboxed frame", () => {
  test("links without a target open in the whole tab", () => {
    expect(htmlForPreviewFrame('<html><head lang="nl"><title>x</title></head></html>')).toBe(
      '<html><head lang="nl"><base target="_top"><title>x</title></head></html>',
    );
    expect(htmlForPreviewFrame("<p>x</p>")).toBe('<base target="_top"><p>x</p>');
  });
});
