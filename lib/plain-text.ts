// The one rule for text that comes from outside (form fields, query strings): no control characters.
// Postgres cannot store a NUL at all (the query fails), and the others are never typed by a person,
// only pasted or scripted. Tab, line feed and carriage return stay allowed for multi-line fields.
import { z } from "zod";

const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The message key every schema reports for such text; forms translate it like their other keys. */
export const CONTROL_CHARACTERS = "controlCharacters";

export function hasControlCharacters(value: string): boolean {
  return controlCharacters.test(value);
}

/** A string without control characters; the shared building block of every text field's schema. */
export function plainText(message: string = CONTROL_CHARACTERS) {
  return z.string().refine((value) => !hasControlCharacters(value), { message, abort: true });
}

/**
 * The first field of a submitted form or input object whose text holds a control character, or
 * null. The action guards run it on every input before any schema, so no action can forget it.
 */
export function findControlCharacterField(input: unknown): string | null {
  const visit = (value: unknown, path: string, depth: number): string | null => {
    if (typeof value === "string") return hasControlCharacters(value) ? path || "_form" : null;
    if (depth > 6 || value === null || typeof value !== "object") return null;
    const entries: Iterable<[string, unknown]> =
      value instanceof FormData ? value.entries() : Array.isArray(value) ? value.map((item, index) => [String(index), item] as [string, unknown]) : Object.entries(value);
    for (const [key, item] of entries) {
      // A field name is text from outside too; it is never echoed back.
      if (hasControlCharacters(key)) return "_form";
      // A file's bytes and name are the upload's own business (names are not stored).
      if (typeof Blob !== "undefined" && item instanceof Blob) continue;
      const found = visit(item, path ? `${path}.${key}` : key, depth + 1);
      if (found) return found;
    }
    return null;
  };
  return visit(input, "", 0);
}
