// next-intl's server API as a Dutch request sees it, for tests that call actions and pages outside
// Next: `vi.mock("next-intl/server", () => import("@/tests/setup/next-intl-dutch"))`.
import { createFormatter, createTranslator } from "next-intl";
import nl from "@/lib/i18n/messages/nl.json";

// Plain nested records: actions name their namespaces as strings, like next-intl's own API.
const messages: Record<string, unknown> = nl;
const timeZone = "Europe/Amsterdam";

function namespaceOf(value?: string | { namespace?: string }): string | undefined {
  return typeof value === "string" ? value : value?.namespace;
}

export const getTranslations = async (value?: string | { namespace?: string }) => createTranslator({ locale: "nl", messages, namespace: namespaceOf(value) });
export const getFormatter = async () => createFormatter({ locale: "nl", timeZone });
export const getLocale = async () => "nl";
export const getMessages = async () => messages;
export const getTimeZone = async () => timeZone;
export const getNow = async () => new Date();
export const getRequestConfig = (load: unknown) => load;
