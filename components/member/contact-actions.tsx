import { getTranslations } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/locales";
import { formatPhoneNumber } from "@/lib/people/rules";
import type { VisibleContact } from "@/lib/people/queries";
import { PeopleIcon, peopleIconStyle } from "./people-icons";

/**
 * One-tap call and mail buttons for the contact details colleagues may see, and a vCard download,
 * on a colleague's page. Shows nothing for a field that is hidden or empty. The language is passed
 * in: the page renders this inside its cached fragment, where the request's own cannot be read. */
export async function ContactActions({ locale, name, contact, vCardHref }: { locale: Locale; name: string; contact: VisibleContact; vCardHref: string }) {
  const t = await getTranslations({ locale, namespace: "personPage" });
  const phone = contact.phone ? formatPhoneNumber(contact.phone) : null;
  return (
    <div
      className={`grid gap-2 [&_a]:flex [&_a]:min-h-12 [&_a]:items-center [&_a]:gap-3 [&_a]:rounded-lg [&_a]:border [&_a]:border-stone-300 [&_a]:bg-white [&_a]:px-4 [&_a]:font-medium [&_a]:text-stone-800 ${peopleIconStyle}`}
    >
      {phone ? (
        <a href={phone.href} aria-label={t("callLabel", { name, number: phone.display })}>
          <PeopleIcon name="phone" />
          {t("call", { number: phone.display })}
        </a>
      ) : null}
      {contact.email ? (
        <a href={`mailto:${contact.email}`} aria-label={t("mailLabel", { name, email: contact.email })}>
          <PeopleIcon name="email" />
          <span className="min-w-0 break-all">{contact.email}</span>
        </a>
      ) : null}
      <a href={vCardHref} download>
        <PeopleIcon name="vcard" />
        {t("saveContact")}
      </a>
    </div>
  );
}
