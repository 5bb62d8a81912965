// Input of the delivery log's actions, shared by its buttons and the actions.
import { z } from "zod";

export const sendMailAgainSchema = z.object({ mailId: z.uuid() });
export type SendMailAgainInput = z.infer<typeof sendMailAgainSchema>;

/** The delivery log's query string (?state=&page=); anything unreadable falls back to all mail, page 1. */
export const deliveryLogSearchSchema = z.object({
  state: z.enum(["failed", "retrying", "queued", "sent"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
