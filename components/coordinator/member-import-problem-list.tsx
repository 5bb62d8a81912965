// One row's problems in words: "E-mailadres: geen geldig e-mailadres".
import type { getTranslations } from "next-intl/server";

export type MemberImportProblemView = { field: string; error: string; value?: string };

export function MemberImportProblemList({ problems, t }: { problems: readonly MemberImportProblemView[]; t: Awaited<ReturnType<typeof getTranslations<"memberImport">>> }) {
  return (
    <ul className="space-y-0.5">
      {problems.map((problem, index) => (
        <li key={index}>{t("preview.problem", { field: t(`fields.${problem.field}` as "fields.person"), error: t(`errors.${problem.error}` as "errors.invalid", { value: problem.value ?? "" }) })}</li>
      ))}
    </ul>
  );
}
