// The sentence for an hours action that did not go through: a refusal of the guard, a field of the
// input, or a reason of the use case, each a key of "hoursDashboard.errors".
import type { ActionResult } from "@/lib/auth/guards";

type Translate = { (key: string): string; has: (key: string) => boolean };

export function hoursFailureText(t: Translate, result: Extract<ActionResult<unknown>, { ok: false }>): string {
  if (result.error !== "invalid") return t(`errors.${result.error}`);
  const first = Object.values(result.fieldErrors ?? {})[0]?.[0];
  return first && t.has(`errors.${first}`) ? t(`errors.${first}`) : t("errors.invalid");
}
