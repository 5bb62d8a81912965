// Texts laid over texts, for the browser's providers (components/intl-client-provider.tsx): a nested
// part of the app adds its texts to those of the parts around it instead of sending them all again.

export type Messages = { [key: string]: string | Messages };

/** `base` with `extra` laid over it, objects merged at every depth. */
export function mergeMessages(base: Messages, extra: Messages): Messages {
  const result: Messages = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = result[key];
    result[key] = typeof value === "object" && typeof current === "object" ? mergeMessages(current, value) : value;
  }
  return result;
}
