"use client";
// How the hours dashboard's buttons call an action: one control busy at a time, the answer shown as a
// notice (the refusal's sentence, or the success text the caller makes of the value), and the page
// refreshed after a change. A thrown error (network, server) becomes "errors.failed".
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/auth/guards";
import { hoursFailureText } from "./hours-failure";
import { useServerCall } from "./use-server-call";

export type HoursNotice = { tone: "success" | "error"; text: string };

export function useHoursCall<Key extends string>() {
  const t = useTranslations("hoursDashboard");
  const router = useRouter();
  const [notice, setNotice] = useState<HoursNotice | null>(null);
  const { busy, run } = useServerCall<Key>(() => setNotice({ tone: "error", text: t("errors.failed") }));

  async function call<T>(key: Key, action: () => Promise<ActionResult<T>>, done: (value: T) => HoursNotice): Promise<void> {
    setNotice(null);
    const result = await run(key, action);
    if (!result) return;
    if (!result.ok) return setNotice({ tone: "error", text: hoursFailureText(t, result) });
    setNotice(done(result.value));
    router.refresh();
  }

  return { busy, notice, setNotice, call };
}
