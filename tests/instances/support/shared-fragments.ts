// The parts of a page rendered once for a whole organisation ("use cache" fragments), found in the
// HTML exactly as the server sent it: every element whose start tag carries `data-shared-fragment`,
// from its start tag through its matching end tag, byte for byte. React writes every element it
// opens with an explicit end tag (void elements aside) and escapes `<` and `>` in text and
// attribute values, so counting start and end tags finds the end without an HTML parser.

export type SharedFragment = { name: string; html: string };

const voidElements = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
/** Elements whose content is raw text: skipped to their end tag, since a `<` inside is not a tag. */
const rawTextElements = new Set(["script", "style"]);

const fragmentStart = /<([a-zA-Z][a-zA-Z0-9-]*)\s[^>]*?\bdata-shared-fragment="([^"]*)"[^>]*>/g;
const anyTag = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g;

/** Where the element whose start tag ends at `from` ends (just past its end tag). */
function endOfElement(html: string, from: number, tagName: string): number {
  const open: string[] = [tagName.toLowerCase()];
  anyTag.lastIndex = from;
  for (let match = anyTag.exec(html); match; match = anyTag.exec(html)) {
    const [whole, closing, rawName, selfClosing] = match;
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at === -1) throw new Error(`unbalanced </${name}> at ${match.index} inside a shared fragment`);
      open.length = at;
      if (open.length === 0) return match.index + whole.length;
    } else if (rawTextElements.has(name)) {
      const endTag = html.indexOf(`</${name}`, anyTag.lastIndex);
      const end = endTag === -1 ? -1 : html.indexOf(">", endTag);
      if (end === -1) throw new Error(`<${name}> at ${match.index} is never closed`);
      anyTag.lastIndex = end + 1;
    } else if (!voidElements.has(name) && !selfClosing) {
      open.push(name);
    }
  }
  throw new Error(`the shared fragment <${tagName}> starting before ${from} is never closed`);
}

/** Every shared fragment of `html`, in document order (a fragment inside another is listed as well). */
export function extractSharedFragments(html: string): SharedFragment[] {
  const fragments: SharedFragment[] = [];
  for (const match of html.matchAll(fragmentStart)) {
    const [startTag, tagName, name] = match;
    const start = match.index;
    const end = voidElements.has(tagName.toLowerCase()) || startTag.endsWith("/>") ? start + startTag.length : endOfElement(html, start + startTag.length, tagName);
    fragments.push({ name, html: html.slice(start, end) });
  }
  return fragments;
}
