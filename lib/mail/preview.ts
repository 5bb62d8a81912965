// Pure helpers for reading stored emails back: the links they contain and HTML fit for a sandboxed frame.

const namedEntities: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", nbsp: "\u00a0" };

function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : entity;
    }
    return namedEntities[name.toLowerCase()] ?? entity;
  });
}

/** Every distinct href of the email's links, in order of appearance (e2e tests follow these). */
export function extractLinks(html: string): string[] {
  const links = new Set<string>();
  for (const match of html.matchAll(/<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const href = decodeAttribute(match[1] ?? match[2] ?? "").trim();
    if (href) links.add(href);
  }
  return [...links];
}

/**
 * The stored HTML for an `<iframe sandbox srcdoc>`: links without a target open in the whole tab
 * rather than inside the frame. Email buttons carry target="_blank" and open a new tab.
 */
export function htmlForPreviewFrame(html: string): string {
  const base = '<base target="_top">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`) : `${base}${html}`;
}
