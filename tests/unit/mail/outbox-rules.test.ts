import { describe, expect, test } from "vitest";
import { maxDeliveryAttempts, nextRetryDelay } from "@/lib/mail/outbox";

const minute = 60_000;
const hour = 60 * minute;

describe("retrying a failed delivery", () => {
  test.each([
    { label: "after the first failure, 1 minute", attempts: 1, delay: minute },
    { label: "after the second, 5 minutes", attempts: 2, delay: 5 * minute },
    { label: "after the third, 30 minutes", attempts: 3, delay: 30 * minute },
    { label: "after the fourth, 2 hours", attempts: 4, delay: 2 * hour },
    { label: "after the seventh, a day", attempts: 7, delay: 24 * hour },
    { label: "after the eighth and last, never", attempts: 8, delay: null },
    { label: "beyond the last, never", attempts: 12, delay: null },
  ])("$label", ({ attempts, delay }) => {
    expect(nextRetryDelay(attempts)).toBe(delay);
  });

  test("a mail gets 8 attempts in all by default", () => {
    expect(maxDeliveryAttempts).toBe(8);
  });

  test.each([
    { label: "with 3 attempts allowed, the third failure is the last", attempts: 3, maxAttempts: 3, delay: null },
    { label: "with 12 allowed, the waits beyond the table stay a day", attempts: 10, maxAttempts: 12, delay: 24 * hour },
  ])("$label", ({ attempts, maxAttempts, delay }) => {
    expect(nextRetryDelay(attempts, maxAttempts)).toBe(delay);
  });
});
