import type { Metadata } from "next";
import { getFormatter, getTranslations } from "@/lib/i18n/server";
import { PersonPhoto } from "@/components/member/person-photo";
import { PhotoUploadForm } from "@/components/member/photo-upload-form";
import { ProfileForm } from "@/components/member/profile-form";
import { requireMember } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/people/queries";
import { UPLOAD_REFUSED_PARAM } from "@/lib/request-limits";
import { dayKeyAsDate, todayIn } from "@/lib/dates";
import { formatPhoneNumber, profileFieldOrder, textProfileFields, type TextProfileField } from "@/lib/people/rules";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("profile");
  return { title: t("title") };
}

export default async function MyProfilePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireMember();
  // Set by proxy.ts when a photo posted without JavaScript was larger than the server accepts.
  const uploadTooLarge = (await searchParams)[UPLOAD_REFUSED_PARAM] === "tooLarge";
  const [t, format, profile] = await Promise.all([getTranslations("profile"), getFormatter(), getOwnProfile(actor.tenantId, actor.personId)]);
  if (!profile) throw new Error("the signed-in member has no person record");
  const { values, settings } = profile;

  const inputValues = {} as Record<TextProfileField, string>;
  const displayValues = {} as Record<TextProfileField, string>;
  for (const field of textProfileFields) {
    const value = values[field] ?? "";
    inputValues[field] = field === "phone" && value ? formatPhoneNumber(value).display : value;
    displayValues[field] = inputValues[field];
  }
  if (values.birthDate) {
    // A calendar date: formatted in UTC so no time zone can move it to the day before.
    displayValues.birthDate = format.dateTime(dayKeyAsDate(values.birthDate), "day", { timeZone: "UTC" });
  }
  const editable = textProfileFields.filter((field) => settings.editable.has(field));
  const visibleToColleagues = profileFieldOrder.filter((field) => settings.visible.has(field)).map((field) => t(`fields.${field}`).toLowerCase());
  const person = { firstName: values.firstName, infix: values.infix, lastName: values.lastName };

  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-stone-700">{editable.length > 0 ? t("intro") : t("introReadOnly")}</p>

      <section aria-labelledby="photo-heading" className="mt-6 rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="photo-heading" className="text-lg font-semibold">
          {t("photo.title")}
        </h2>
        <div className="mt-3">
          {settings.editable.has("photo") ? (
            <PhotoUploadForm refusedBeforeUpload={uploadTooLarge ? "tooLarge" : null} hasPhoto={profile.photoId !== null} currentPhoto={<PersonPhoto person={person} photoId={profile.photoId} size="md" variant="large" />} />
          ) : (
            <div className="flex items-center gap-4">
              <PersonPhoto person={person} photoId={profile.photoId} size="md" variant="large" />
              <p className="text-stone-700">{t("photo.readOnly")}</p>
            </div>
          )}
        </div>
      </section>

      <section aria-labelledby="details-heading" className="mt-6">
        <h2 id="details-heading" className="text-lg font-semibold">
          {t("detailsTitle")}
        </h2>
        <div className="mt-3">
          <ProfileForm inputValues={inputValues} displayValues={displayValues} editable={editable} today={todayIn(actor.timeZone)} />
        </div>
      </section>

      <p className="mt-6 rounded-xl bg-stone-100 p-4 text-sm text-stone-700">{t("visibleToColleagues", { fields: format.list(visibleToColleagues) })}</p>
    </>
  );
}
