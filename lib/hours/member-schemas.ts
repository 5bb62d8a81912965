// Input of the member's hours actions: only the week and a message. The tenant and the person always
// come from the session, so a member can never name someone else's week.
import { z } from "zod";
import { plainText } from "@/lib/plain-text";
import { isWeekStart } from "./rules";

/** The longest correction request a member can send; the form says so. */
export const CORRECTION_MESSAGE_MAX = 2000;

/** A week named by its Monday (YYYY-MM-DD); anything else is refused at the edge. */
export const weekStartSchema = z.string().refine(isWeekStart, { message: "notAWeek" });

export const confirmMyWeekSchema = z.object({ weekStart: weekStartSchema });
export type ConfirmMyWeekInput = z.input<typeof confirmMyWeekSchema>;

export const requestMyCorrectionSchema = z.object({
  weekStart: weekStartSchema,
  message: plainText()
    .transform((value) => value.trim())
    .pipe(z.string().min(1, { message: "empty" }).max(CORRECTION_MESSAGE_MAX, { message: "tooLong" })),
});
export type RequestMyCorrectionInput = z.input<typeof requestMyCorrectionSchema>;
