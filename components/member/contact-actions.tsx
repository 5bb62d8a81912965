import { getTranslations } from "@/lib/i18n/server";
import { formatPhoneNumber } from "@/lib/people/rules";
import type { VisibleContact } from "@/lib/people/queries";

const icons = {
  phone: "M3 5a2 2 0 012-2h2.3a1 1 0 011 .8l1 4a1 1 0 01-.3 1L7.6 10.6a12 12 0 005.8 5.8l1.8-1.4a1 1 0 011-.3l4 1a1 1 0 01.8 1V19a2 2 0 01-2 2h-1C10.3 21 3 13.7 3 5z",
  email: "M3 7l9 6 9-6M5 5h14a2 2 0 012 2v10a2 2 0 01-2 2H5a2 2 0 01-2-2V7a2 2 0 012-2z",
  vcard: "M12 4v12m0 0l-4-4m4 4l4-4M5 20h14",
} as const;

function Icon({ name }: { name: keyof typeof icons }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5 shrink-0" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
      <path d={icons[name]} />
    </svg>
  );
}

/**
 * One-tap call and mail buttons for the contact details colleagues may see (and a vCard download on
 * the person page). Shows nothing for a field that is hidden or empty.
 */
export async function ContactActions({
  name,
  contact,
  vCardHref,
  compact = false,
}: {
  name: string;
  contact: VisibleContact;
  vCardHref?: string;
  compact?: boolean;
}) {
  const t = await getTranslations("personPage");
  const phone = contact.phone ? formatPhoneNumber(contact.phone) : null;
  const button = compact
    ? "inline-flex min-h-11 items-center gap-2 rounded-lg border border-stone-300 bg-white px-3 text-sm font-medium text-stone-800"
    : "flex min-h-12 items-center gap-3 rounded-lg border border-stone-300 bg-white px-4 font-medium text-stone-800";
  if (!phone && !contact.email && !vCardHref) return null;
  return (
    <div className={compact ? "flex flex-wrap gap-2" : "grid gap-2"}>
      {phone ? (
        <a href={phone.href} className={button} aria-label={t("callLabel", { name, number: phone.display })}>
          <Icon name="phone" />
          <span>{compact ? phone.display : t("call", { number: phone.display })}</span>
        </a>
      ) : null}
      {contact.email ? (
        <a href={`mailto:${contact.email}`} className={`${button} min-w-0`} aria-label={t("mailLabel", { name, email: contact.email })}>
          <Icon name="email" />
          <span className="truncate">{compact ? t("mailShort") : contact.email}</span>
        </a>
      ) : null}
      {vCardHref ? (
        <a href={vCardHref} className={button} download>
          <Icon name="vcard" />
          <span>{t("saveContact")}</span>
        </a>
      ) : null}
    </div>
  );
}
