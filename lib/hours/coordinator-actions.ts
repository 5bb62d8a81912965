"use server";
// The coordinator's write surface for worked hours: corrections, approving, sending back and handling
// correction requests. Built with coordinatorAction: the organisation always comes from the session,
// and a person, shift or location of another organisation answers "not found".
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import type { Actor } from "@/lib/accounts/queries";
import { coordinatorAction } from "@/lib/auth/guards";
import { deliverAfterCommit } from "@/lib/mail/outbox";
import { approveWeeks, markCorrectionHandled, sendWeekBack, type HoursChange } from "./approval";
import { addExtraHours, changeExtraHours, correctShiftHours, removeExtraHours } from "./corrections";
import {
  approveWeeksSchema,
  changeExtraHoursSchema,
  correctShiftSchema,
  extraHoursSchema,
  removeExtraHoursSchema,
  sendWeekBackSchema,
  setNoShowSchema,
  weekRefSchema,
  type ExtraHoursInput,
} from "./coordinator-schemas";
import { spanOnDay } from "./rules";

/** Mail written in the change's transaction goes out after the response; the outbox cron retries. */
function deliver<R>(change: HoursChange<R>): R {
  if (change.mailIds.length > 0) after(() => deliverAfterCommit(change.mailIds));
  return change.result;
}

function refresh(): void {
  revalidatePath("/dashboard/hours", "layout");
  revalidatePath("/my", "layout");
}

function extraOf(actor: Actor, input: ExtraHoursInput) {
  const { startsAt, endsAt } = spanOnDay(input.day, input.start, input.end, actor.timeZone);
  return { personId: input.personId, startsAt, endsAt, breakMinutes: input.breakMinutes, activity: input.activity, locationId: input.locationId };
}

export const correctShift = coordinatorAction("correctShiftHours", correctShiftSchema, async (actor, input) => {
  const { startsAt, endsAt } = spanOnDay(input.day, input.start, input.end, actor.timeZone);
  const result = await correctShiftHours(actor, { personId: input.personId, shiftId: input.shiftId, startsAt, endsAt, breakMinutes: input.breakMinutes });
  refresh();
  return result;
});

export const setNoShow = coordinatorAction("setNoShow", setNoShowSchema, async (actor, input) => {
  const result = await correctShiftHours(actor, { personId: input.personId, shiftId: input.shiftId, noShow: input.noShow });
  refresh();
  return result;
});

export const addHoursOutsideShift = coordinatorAction("addHoursOutsideShift", extraHoursSchema, async (actor, input) => {
  const result = await addExtraHours(actor, extraOf(actor, input));
  refresh();
  return result;
});

export const changeHoursOutsideShift = coordinatorAction("changeHoursOutsideShift", changeExtraHoursSchema, async (actor, input) => {
  const result = await changeExtraHours(actor, { ...extraOf(actor, input), entryId: input.entryId });
  refresh();
  return result;
});

export const removeHoursOutsideShift = coordinatorAction("removeHoursOutsideShift", removeExtraHoursSchema, async (actor, input) => {
  const result = await removeExtraHours(actor, input);
  refresh();
  return result;
});

export const approveHours = coordinatorAction("approveHours", approveWeeksSchema, async (actor, input) => {
  const result = await approveWeeks(actor, input.weeks);
  refresh();
  return result;
});

export const sendHoursBack = coordinatorAction("sendHoursBack", sendWeekBackSchema, async (actor, input) => {
  const result = deliver(await sendWeekBack(actor, input));
  refresh();
  return result;
});

export const markCorrectionRequestHandled = coordinatorAction("markCorrectionRequestHandled", weekRefSchema, async (actor, input) => {
  const result = await markCorrectionHandled(actor, input);
  refresh();
  return result;
});
