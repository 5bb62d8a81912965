// The members table's query string: how many people a page shows is one of the offered lengths, and
// anything else (typed into the address bar, an old link) falls back to the short default page.
import { describe, expect, it } from "vitest";
import { peopleFilterSchema } from "@/lib/accounts/blocking/schemas";

describe("people per page", () => {
  const cases: Array<{ label: string; size: string | undefined; expected: number }> = [
    { label: "no size: the short default page", size: undefined, expected: 25 },
    { label: "fifty, as offered", size: "50", expected: 50 },
    { label: "a hundred, as offered", size: "100", expected: 100 },
    { label: "a length not offered", size: "30", expected: 25 },
    { label: "more than offered", size: "5000", expected: 25 },
    { label: "not a number", size: "alle", expected: 25 },
  ];
  it.each(cases)("$label", ({ size, expected }) => {
    expect(peopleFilterSchema.parse({ size }).size).toBe(expected);
  });
});
