// Where the coordinator is in the three steps of a member import.
import type { getTranslations } from "next-intl/server";

const steps = ["upload", "mapping", "preview"] as const;

export function MemberImportSteps({ current, t }: { current: (typeof steps)[number]; t: Awaited<ReturnType<typeof getTranslations<"memberImport.steps">>> }) {
  return (
    <nav aria-label={t("label")} className="mt-4">
      <ol className="flex flex-wrap gap-2 text-sm">
        {steps.map((step, index) => {
          const active = step === current;
          return (
            <li
              key={step}
              aria-current={active ? "step" : undefined}
              className={`rounded-full border px-3 py-1 ${active ? "border-brand-600 bg-brand-50 font-semibold text-brand-800" : "border-stone-300 text-stone-600"}`}
            >
              {index + 1}. {t(step)}
              {active ? <span className="sr-only"> {t("current")}</span> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
