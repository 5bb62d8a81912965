// The delivery state of one outbox message, in words a developer reading the mailbox expects.
import type { OutboxStatus } from "@/lib/mail/queries";

const looks: Record<OutboxStatus, { label: string; className: string }> = {
  // Without SMTP nothing leaves the outbox: "pending" means "in this mailbox".
  pending: { label: "in outbox", className: "bg-amber-100 text-amber-900" },
  sent: { label: "verstuurd", className: "bg-brand-100 text-brand-800" },
  failed: { label: "mislukt", className: "bg-red-100 text-red-900" },
};

export function MailStatusBadge({ status }: { status: OutboxStatus }) {
  const look = looks[status];
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${look.className}`}>{look.label}</span>;
}
