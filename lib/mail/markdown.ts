// The small markdown subset of email bodies: paragraphs, line breaks, **bold** (and *italic*) and
// http(s)/mailto links. Rendered by markdown-it, a maintained parser, with raw HTML, linkify and every
// other rule off: everything else an admin types is escaped and shows as the characters they typed.
import MarkdownIt from "markdown-it";

const markdown = new MarkdownIt("zero", { html: false, linkify: false, breaks: true, typographer: false }).enable([
  "emphasis",
  "link",
  "newline",
  "escape",
]);

const safeLink = /^(https?:\/\/|mailto:)/i;
// markdown-it's own check refuses javascript: and data:; this narrows it to what belongs in an email.
markdown.validateLink = (url: string) => safeLink.test(url.trim());

/** Inline style of a link: email clients ignore stylesheets. */
export const emailLinkStyle = "color:#166534;text-decoration:underline";

markdown.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  const token = tokens[index];
  token.attrSet("style", emailLinkStyle);
  token.attrSet("target", "_blank");
  token.attrSet("rel", "noopener noreferrer");
  return self.renderToken(tokens, index, options);
};

/**
 * The body as paragraphs, each the escaped inner HTML of one paragraph (blank line between
 * paragraphs, a single newline a line break). Safe to place inside an element as HTML.
 */
export function renderMarkdownParagraphs(text: string): string[] {
  const tokens = markdown.parse(text.replace(/\r\n?/g, "\n"), {});
  return tokens
    .filter((token) => token.type === "inline")
    .map((token) => markdown.renderer.renderInline(token.children ?? [], markdown.options, {}).replace(/<br>\n/g, "<br>").trim())
    .filter((html) => html !== "");
}

/** The whole body as HTML paragraphs (`<p>…</p>`), for tests and previews. */
export function renderMarkdown(text: string): string {
  return renderMarkdownParagraphs(text)
    .map((html) => `<p>${html}</p>`)
    .join("\n");
}
