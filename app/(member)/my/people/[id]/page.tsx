import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/locales";
import { cache } from "react";
import { z } from "zod";
import { ContactActions } from "@/components/member/contact-actions";
import { PersonPhoto } from "@/components/member/person-photo";
import { ShiftCard } from "@/components/shift-card";
import { requireMember } from "@/lib/auth/session";
import { cachedForOrganisation, organisationKey, type OrganisationKey } from "@/lib/cache/tags";
import { formatPersonName } from "@/lib/people/names";
import { readColleague } from "@/lib/people/shared-views";
import { dayKeyAsDate, todayIn } from "@/lib/dates";
import { formatPhoneNumber } from "@/lib/people/rules";
import { listShiftsForPerson } from "@/lib/roster/queries";

const idSchema = z.uuid();

/**
 * Coming shifts are those that end after the start of the current five minutes: a coarse moment, so
 * the page's cached fragment is shared by every view in those minutes instead of one per request.
 */
const SHIFTS_FROM_STEP_MS = 5 * 60 * 1000;

function startOfCurrentStep(now: Date): string {
  return new Date(Math.floor(now.getTime() / SHIFTS_FROM_STEP_MS) * SHIFTS_FROM_STEP_MS).toISOString();
}

// Cached per request: the title and the page need the same person.
const loadColleague = cache(async (id: string) => {
  const actor = await requireMember();
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) notFound();
  const person = await readColleague(organisationKey(actor.tenantId), parsed.data, todayIn(actor.timeZone));
  if (!person) notFound();
  return { actor, person };
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { person } = await loadColleague((await params).id);
  return { title: formatPersonName(person) };
}

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, person } = await loadColleague((await params).id);
  const t = await getTranslations("personPage");

  return (
    <>
      <Link href="/my/people" className="inline-flex min-h-11 items-center gap-1 font-medium text-brand-700">
        <span aria-hidden="true">←</span> {t("back")}
      </Link>
      <ColleagueProfile
        organisation={organisationKey(actor.tenantId)}
        locale={actor.locale}
        personId={person.id}
        today={todayIn(actor.timeZone)}
        timeZone={actor.timeZone}
        shiftsFrom={startOfCurrentStep(new Date())}
      />
    </>
  );
}

/**
 * A colleague's photo, name, groups, the contact details the organisation shares and their coming
 * shifts: the same for every member, kept in the page cache per organisation, person, day, five
 * minutes (`shiftsFrom`, ISO) and language.
 */
async function ColleagueProfile({
  organisation,
  locale,
  personId,
  today,
  timeZone,
  shiftsFrom,
}: {
  organisation: OrganisationKey;
  locale: Locale;
  personId: string;
  today: string;
  timeZone: string;
  shiftsFrom: string;
}) {
  "use cache";
  const tenantId = cachedForOrganisation(organisation, "people", "roster");
  const [t, tShifts, format, person, shifts] = await Promise.all([
    getTranslations({ locale, namespace: "personPage" }),
    getTranslations({ locale, namespace: "shifts" }),
    getFormatter({ locale }),
    readColleague(organisation, personId, today),
    listShiftsForPerson(tenantId, personId, "coming", new Date(shiftsFrom), 10),
  ]);
  // The page has checked the person; one who left between that read and this one shows nothing.
  if (!person) return null;
  const name = formatPersonName(person);
  const { contact } = person;
  const addressLines = [contact.address, [contact.postcode, contact.city].filter(Boolean).join(" ")].filter(Boolean);
  const details: Array<{ key: string; label: string; value: React.ReactNode }> = [];
  if (contact.phone) details.push({ key: "phone", label: t("phone"), value: formatPhoneNumber(contact.phone).display });
  if (contact.email) details.push({ key: "email", label: t("email"), value: <span className="break-all">{contact.email}</span> });
  if (contact.birthDate) {
    // A calendar date: formatted in UTC so no time zone can move it to the day before.
    const birthDate = format.dateTime(dayKeyAsDate(contact.birthDate), "day", { timeZone: "UTC" });
    details.push({ key: "birthDate", label: t("birthDate"), value: birthDate });
  }
  if (addressLines.length > 0) {
    details.push({
      key: "address",
      label: t("address"),
      value: addressLines.map((line) => (
        <span key={line} className="block">
          {line}
        </span>
      )),
    });
  }

  return (
    <div data-shared-fragment="colleague">
      <header className="mt-2 flex flex-col items-center text-center">
        <PersonPhoto person={person} photoId={contact.photoId} size="lg" />
        <h1 className="mt-3 text-2xl font-semibold">{name}</h1>
        {person.groups.length > 0 ? <p className="mt-1 text-stone-600">{person.groups.join(" · ")}</p> : null}
      </header>

      <section aria-labelledby="contact" className="mt-6">
        <h2 id="contact" className="sr-only">
          {t("contact")}
        </h2>
        <ContactActions locale={locale} name={name} contact={contact} vCardHref={`/my/people/${person.id}/vcard`} />
        {details.length > 0 ? (
          <dl className="mt-4 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white *:px-4 *:py-3 [&_dt]:text-sm [&_dt]:text-stone-600">
            {details.map((detail) => (
              <div key={detail.key}>
                <dt>{detail.label}</dt>
                <dd>{detail.value}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="mt-4 rounded-xl border border-dashed border-stone-300 p-4 text-stone-700">{t("noDetails")}</p>
        )}
      </section>

      {/* When, what and how full; who else is on each shift is on the shift's own page, so ten shifts stay light on a phone. */}
      <section aria-labelledby="coming" className="mt-8">
        <h2 id="coming" className="text-lg font-semibold">
          {t("comingShifts", { name: person.firstName })}
        </h2>
        {shifts.length === 0 ? (
          <p className="mt-3 rounded-xl border border-dashed border-stone-300 p-4 text-stone-700">{t("noComingShifts", { name: person.firstName })}</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {shifts.map((shift) => (
              <li key={shift.id}>
                <ShiftCard tools={{ t: tShifts, format }} shift={shift} timeZone={timeZone} showPeople={false} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
