"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { ConfirmSubmitButton } from "@/components/confirm-submit-button";
import { removeMyPhoto, uploadMyPhoto, type PhotoFormState } from "@/lib/people/actions";
import { Button } from "@/components/ui/button";

/** Same limit as the server (lib/people/photo-processing.ts): checked here first to spare a slow upload. */
const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

const initialState: PhotoFormState = { status: "idle" };
const noSubscription = () => () => {};

/**
 * Take a photo with the phone's camera or pick one from the phone or computer. With JavaScript the
 * photo is sent as soon as it is chosen, with a preview and progress; without, a button sends it.
 */
export function PhotoUploadForm({
  currentPhoto,
  hasPhoto,
  refusedBeforeUpload = null,
}: {
  currentPhoto: React.ReactNode;
  hasPhoto: boolean;
  /** A photo the server refused before the form could see it (too large for any request). */
  refusedBeforeUpload?: "tooLarge" | null;
}) {
  const t = useTranslations("profile.photo");
  const [uploadState, upload, uploading] = useActionState(uploadMyPhoto, initialState);
  const [removeState, remove] = useActionState(removeMyPhoto, initialState);
  const [clientError, setClientError] = useState<"empty" | "tooLarge" | null>(refusedBeforeUpload);
  const [preview, setPreview] = useState<string | null>(null);
  const [lastAction, setLastAction] = useState<"upload" | "remove">("upload");
  const formRef = useRef<HTMLFormElement>(null);
  // False during server rendering and without JavaScript: then a plain submit button is shown.
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false);

  useEffect(() => (preview ? () => URL.revokeObjectURL(preview) : undefined), [preview]);

  function choose(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    if (!file) return;
    if (file.size === 0 || file.size > MAX_PHOTO_BYTES) {
      setClientError(file.size === 0 ? "empty" : "tooLarge");
      event.currentTarget.value = "";
      return;
    }
    setClientError(null);
    setLastAction("upload");
    setPreview(URL.createObjectURL(file));
    // Only the photo just chosen is sent: a camera shot and a picked file together could pass the
    // server's body limit (two allowed photos), which ends in an error page instead of this form.
    for (const input of formRef.current?.querySelectorAll<HTMLInputElement>("input[type=file]") ?? []) {
      if (input !== event.currentTarget) input.value = "";
    }
    formRef.current?.requestSubmit();
  }

  const latest = uploading ? null : lastAction === "remove" ? removeState : uploadState;
  const errorKey = clientError ?? (latest?.status === "refused" ? latest.reason : latest?.status === "failed" ? "failed" : null);
  const button =
    "flex min-h-12 cursor-pointer items-center justify-center gap-2 rounded-lg border border-stone-300 bg-white px-4 font-medium text-stone-800 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700";

  return (
    <div>
      <div className="flex items-center gap-4">
        {/* shrink-0: the text beside it must not narrow the photo (it would be squashed into an oval). */}
        <div className="relative shrink-0">
          {preview && uploading ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={preview} alt="" className="h-24 w-24 max-w-none rounded-full object-cover opacity-60" onError={(event) => (event.currentTarget.style.display = "none")} />
          ) : (
            currentPhoto
          )}
        </div>
        <p className="text-stone-700">{hasPhoto ? t("hasPhoto") : t("noPhoto")}</p>
      </div>

      <form ref={formRef} action={upload} className="mt-4">
        <fieldset disabled={uploading} className="grid gap-2 sm:grid-cols-2">
          <legend className="sr-only">{t("legend")}</legend>
          <div className="hidden pointer-coarse:block">
            <input id="photo-camera" name="camera" type="file" accept="image/*" capture="user" className="peer sr-only" onChange={choose} />
            <label htmlFor="photo-camera" className={button}>
              <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
                <path d="M4 8h3l2-3h6l2 3h3v11H4z" />
                <circle cx="12" cy="13" r="3.5" />
              </svg>
              {t("takePhoto")}
            </label>
          </div>
          <div>
            <input
              id="photo-file"
              name="photo"
              type="file"
              accept="image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif,image/*"
              className={enhanced ? "peer sr-only" : "block w-full text-base"}
              onChange={choose}
              aria-describedby="photo-rules"
            />
            <label htmlFor="photo-file" className={enhanced ? button : "sr-only"}>
              <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
                <rect x="3" y="5" width="18" height="14" rx="2" />
                <path d="M3 16l5-5 4 4 3-3 6 6" />
              </svg>
              {t("choosePhoto")}
            </label>
          </div>
          {enhanced ? null : (
            <Button variant="save" type="submit">
              {t("upload")}
            </Button>
          )}
        </fieldset>
        <p id="photo-rules" className="mt-2 text-sm text-stone-600">
          {t("rules")}
        </p>
      </form>

      {uploading ? (
        <div role="status" className="mt-3">
          <p className="font-medium">{t("uploading")}</p>
          <progress className="mt-1 h-2 w-full overflow-hidden rounded-full accent-brand-600" aria-label={t("uploading")} />
        </div>
      ) : null}
      {errorKey ? (
        <p role="alert" className="mt-3 rounded-lg border border-red-300 bg-red-50 p-3 text-red-900">
          {t(`errors.${errorKey}`)}
        </p>
      ) : null}
      {!uploading && !clientError && latest?.status === "saved" ? (
        <p role="status" className="mt-3 rounded-lg border border-brand-600/40 bg-brand-50 p-3 text-brand-800">
          {t("saved")}
        </p>
      ) : null}
      {!uploading && latest?.status === "removed" ? (
        <p role="status" className="mt-3 rounded-lg border border-stone-300 bg-stone-50 p-3 text-stone-800">
          {t("removed")}
        </p>
      ) : null}

      {hasPhoto ? (
        <form action={remove} onSubmit={() => setLastAction("remove")} className="mt-3">
          <ConfirmSubmitButton confirmText={t("removeConfirm")} className="min-h-11 rounded-lg px-2 font-medium text-red-800 underline">
            {t("remove")}
          </ConfirmSubmitButton>
        </form>
      ) : null}
    </div>
  );
}
