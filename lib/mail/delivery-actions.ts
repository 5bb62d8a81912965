"use server";
// The coordinators' write surface for mail delivery: "send again" from the delivery log and the member page.
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { coordinatorAction } from "@/lib/auth/guards";
import { sendMailAgain as queueMailAgain, type SendAgainResult } from "./delivery";
import { sendMailAgainSchema } from "./delivery-schemas";
import { deliverAfterCommit } from "./outbox";

/** Copies a failed message of the actor's organisation into a new outbox row and tries it after the response. */
export const sendMailAgain = coordinatorAction("sendMailAgain", sendMailAgainSchema, async (actor, input): Promise<SendAgainResult> => {
  const result = await queueMailAgain(actor.tenantId, input.mailId);
  if (result.outcome === "queued") {
    const { mailId } = result;
    after(() => deliverAfterCommit([mailId]));
    revalidatePath("/dashboard/mail");
    revalidatePath("/dashboard/people", "layout");
  }
  return result;
});
