// The organisation-wide parts of the member pages are rendered once and served to every member from
// the cache, so they must not depend on who asks. Two members with different names, addresses,
// phone numbers and shifts (Sanne is on shifts of the week shown, her colleague on none of hers)
// request the same pages as the server sends them; every element marked `data-shared-fragment` must
// be byte for byte the same for both, and hold neither member's own marks ("jij", the greeting) nor
// personal details that colleagues may not see (on a roster none; on the people pages those the
// organisation keeps from colleagues, by default the address, postcode and birth date). A page
// without any marked fragment fails: a check that finds nothing to compare proves nothing.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { addDays } from "date-fns";
import { formatPhoneNumber } from "@/lib/people/rules";
import { weekKeyOf } from "@/lib/roster/rules";
import { instanceA, markedAsMine, newPhone, readDemoPeople, signInByLoginEmail, signInDemoMember, type Member } from "./support/instances";
import { extractSharedFragments, type SharedFragment } from "./support/shared-fragments";

const timeZone = "Europe/Amsterdam";

/** Marks a page puts on the reader's own things, in both languages; none belongs in a shared fragment. */
function ownMarks(member: Member): string[] {
  return [
    "(jij)",
    "(you)",
    "Jij staat hierop",
    "You are on this one",
    "Je staat op deze dienst",
    "You are on this shift",
    `Hallo ${member.firstName}`,
    `Hello ${member.firstName}`,
  ];
}

const personalFields = ["email", "phone", "address", "postcode", "birthDate"] as const;
type PersonalField = (typeof personalFields)[number];

/** The ways a page may write one of a member's details (a number as stored, as shown, as dialled; a date in full or as digits). */
function writtenForms(member: Member, field: PersonalField): string[] {
  const value = member[field];
  if (!value) return [];
  switch (field) {
    case "email":
      return [value, value.toLowerCase()];
    case "phone": {
      const { display, href } = formatPhoneNumber(value);
      return [...new Set([value, display, href.replace(/^tel:/, ""), value.replace(/\s+/g, "")])];
    }
    case "birthDate": {
      const [year, month, day] = value.split("-");
      const long = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${value}T12:00:00Z`));
      return [value, `${Number(day)}-${Number(month)}-${year}`, `${day}-${month}-${year}`, long];
    }
    default:
      return [value];
  }
}

async function htmlOf(request: APIRequestContext, path: string, who: Member): Promise<string> {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), `${path} as ${who.name}`).toBe(200);
  const html = await response.text();
  // A page that failed while rendering still answers 200, with the error's digest for the client.
  expect(html.includes("data-dgst="), `${path} as ${who.name} failed on the server: see its log`).toBe(false);
  return html;
}

type PageCase = { path: string; label: string; roster: boolean };

/** A week of the roster in which Sanne is on at least one shift: this week or one of the next two. */
async function weekWithHerShifts(page: Page): Promise<string> {
  const now = new Date();
  for (const days of [0, 7, 14]) {
    const week = weekKeyOf(addDays(now, days), timeZone);
    await page.goto(`/my/shifts?week=${week}`);
    await expect(page.getByRole("heading", { level: 1, name: "Diensten" }), `/my/shifts?week=${week} failed on the server: see its log`).toBeVisible();
    for (const card of await page.locator('main a[href^="/my/shifts/"]').all()) {
      if (await markedAsMine(card)) return week;
    }
  }
  throw new Error("Sanne is on no shift this week or in the next two weeks");
}

test("a page's shared fragments are the same for two members and hold nothing of either", async ({ browser }) => {
  test.setTimeout(120_000);
  const { sanne, colleague, third, visibleToColleagues } = await readDemoPeople();
  const A = instanceA();
  const sannePhone = await newPhone(browser, A);
  const sannePage = await sannePhone.newPage();
  await signInDemoMember(sannePage);
  const colleaguePhone = await newPhone(browser, A);
  await signInByLoginEmail(await colleaguePhone.newPage(), colleague);

  const week = await weekWithHerShifts(sannePage);
  const pages: PageCase[] = [
    { path: `/my/shifts?week=${week}`, label: "Alle diensten of a week she works in", roster: true },
    { path: `/my/people?q=${encodeURIComponent(sanne.firstName)}`, label: "people search finding Sanne", roster: false },
    { path: `/my/people?q=${encodeURIComponent(colleague.firstName)}`, label: "people search finding her colleague", roster: false },
    { path: "/my/people/photos", label: "photo book", roster: false },
    { path: `/my/people/${third.personId}`, label: `the page of a third member, ${third.name}`, roster: false },
  ];

  for (const { path, label, roster } of pages) {
    await test.step(label, async () => {
      // Each member twice: once as the one whose request fills the cache, once served from it.
      const first = extractSharedFragments(await htmlOf(sannePhone.request, path, sanne));
      const second = extractSharedFragments(await htmlOf(colleaguePhone.request, path, colleague));
      const third = extractSharedFragments(await htmlOf(colleaguePhone.request, path, colleague));
      const fourth = extractSharedFragments(await htmlOf(sannePhone.request, path, sanne));
      const names = (fragments: SharedFragment[]) => fragments.map((fragment) => fragment.name);
      expect(
        first.length,
        `${label} (${path}) has no element with data-shared-fragment: its organisation-wide part is not marked (or not cached) yet, so there is nothing to prove`,
      ).toBeGreaterThan(0);
      for (const [fragments, who] of [[second, colleague], [third, colleague], [fourth, sanne]] as const) {
        expect(names(fragments), `${label}: the shared fragments as ${who.name}`).toEqual(names(first));
        fragments.forEach((fragment, i) => {
          expect(fragment.html, `${label}: fragment "${fragment.name}" as ${who.name} differs from the one ${sanne.name} got`).toBe(first[i].html);
        });
      }

      // The same markup for both, so anything of one member in it would show to the other.
      const markup = first.map((fragment) => fragment.html).join("\n");
      for (const member of [sanne, colleague]) {
        for (const mark of ownMarks(member)) {
          expect(markup.includes(mark), `${label}: a shared fragment holds "${mark}", a mark of ${member.name}'s own`).toBe(false);
        }
        for (const field of personalFields) {
          // A roster never shows personal details; the people pages show what the organisation lets colleagues see.
          if (!roster && visibleToColleagues.has(field)) continue;
          for (const detail of writtenForms(member, field)) {
            expect(markup.includes(detail), `${label}: a shared fragment holds ${member.name}'s ${field} (${detail}), which colleagues may not see here`).toBe(false);
          }
        }
      }
    });
  }
});
