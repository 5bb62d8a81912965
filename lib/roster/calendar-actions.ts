"use server";
// The member's own calendar-feed address: making a new one revokes the old.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { memberAction } from "@/lib/auth/guards";
import { renewCalendarFeed } from "./calendar";

const renewCalendarFeedAction = memberAction("renewMyCalendarFeed", z.object({}), async (actor) => {
  const url = await renewCalendarFeed(actor.tenantId, actor.personId);
  revalidatePath("/my/calendar");
  return { url };
});

export async function renewMyCalendarFeed(): Promise<void> {
  await renewCalendarFeedAction({});
}
