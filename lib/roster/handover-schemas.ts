// Input of the handover actions. Tenant and member always come from the session, never from here.
import { z } from "zod";
import { plainText } from "@/lib/plain-text";

/** More than any organisation's roster: a request to everyone is made by choosing a group. */
export const HANDOVER_RECIPIENTS_MAX = 500;
export const HANDOVER_MESSAGE_MAX = 1000;

export const requestHandoverSchema = z.object({
  shiftId: z.uuid(),
  personIds: z.array(z.uuid()).max(HANDOVER_RECIPIENTS_MAX).default([]),
  groupId: z.uuid().nullable().default(null),
  message: plainText()
    .max(HANDOVER_MESSAGE_MAX)
    .nullable()
    .default(null)
    .transform((value) => value?.trim() || null),
});
export type RequestHandoverFormInput = z.input<typeof requestHandoverSchema>;

export const handoverRefSchema = z.object({ requestId: z.uuid() });

/** A route segment that should be a request id; anything else is "not found". */
export const handoverIdParamSchema = z.uuid();
