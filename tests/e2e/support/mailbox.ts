// The journeys' view of the mailbox: the e2e stage's SMTP mailbox answers /dev/mail.json (newest
// first), the development server's outbox answers the same address.
import { expect, type Page } from "@playwright/test";

export type MailboxMessage = { template: string; to: string; toName: string | null; subject: string; text: string; links: string[]; createdAt: string };

/** The messages a /dev/mail.json query (`to=…`, `limit=…`) selects, newest first; `base` names another server than the page's. */
export async function mailboxQuery(page: Page, query: string, base = ""): Promise<MailboxMessage[]> {
  const response = await page.request.get(`${base}/dev/mail.json?${query}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as MailboxMessage[];
}

/** Every message sent to `address`, newest first. */
export async function mailTo(page: Page, address: string): Promise<MailboxMessage[]> {
  const response = await page.request.get(`/dev/mail.json?to=${encodeURIComponent(address)}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as MailboxMessage[];
}

/** The newest hundred messages in the mailbox, newest first. */
export async function allMail(page: Page): Promise<MailboxMessage[]> {
  const response = await page.request.get("/dev/mail.json?limit=100");
  expect(response.ok()).toBe(true);
  return (await response.json()) as MailboxMessage[];
}

/** The path of the mail's green sign-in button, opened on the server under test whatever AUTH_URL says. */
export function signInPathOf(message: MailboxMessage): string {
  const link = message.links.find((href) => /\/l\/[A-Za-z0-9_-]+$/.test(href));
  if (!link) throw new Error(`no sign-in button in "${message.subject}"`);
  return new URL(link).pathname;
}
