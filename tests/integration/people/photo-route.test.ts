// GET /api/photos/[id]: only signed-in members of the photo's own organisation get it (checked in the
// query), with a private cache and an ETag that answers a repeat visit with 304.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createAvatarPhoto, createOrganisation, type Organisation } from "@/lib/demo/factories";
import { createTestDatabase, type TestDatabase } from "@/tests/setup/database";
import { signInAs, signOut } from "@/tests/setup/sign-in-as";
import { actorOf, createMember, setProfileFields, type Member } from "./fixtures";

vi.mock("@/lib/auth/session", () => import("@/tests/setup/sign-in-as").then((m) => m.stubbedSession));

const { GET } = await import("@/app/api/photos/[id]/route");

let database: TestDatabase;
let organisation: Organisation;
let owner: Member;
let colleague: Member;
let coordinator: Member;
let outsider: Member;
let photoId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  organisation = await createOrganisation(database.db, { name: "Stichting Portret" });
  owner = await createMember(database.db, organisation);
  colleague = await createMember(database.db, organisation);
  coordinator = await createMember(database.db, organisation, {}, "coordinator");
  outsider = await createMember(database.db, await createOrganisation(database.db, { name: "Stichting Elders" }));
  photoId = (await createAvatarPhoto(database.db, owner.person)).id;
});
afterAll(async () => {
  await database.close();
});

function fetchPhoto(id: string, query = "", headers: Record<string, string> = {}): Promise<Response> {
  return GET(new Request(`http://localhost/api/photos/${id}${query}`, { headers }), { params: Promise.resolve({ id }) });
}

describe("who may fetch a photo", () => {
  it("a colleague in the same organisation gets the small WebP by default, privately cached with an ETag", async () => {
    signInAs(await actorOf(colleague));
    const response = await fetchPhoto(photoId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toMatch(/^private, max-age=\d+$/);
    expect(response.headers.get("etag")).toMatch(/^"[0-9a-f]+-small"$/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const metadata = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect(metadata).toMatchObject({ format: "webp", width: 128, height: 128 });
  });

  it("?size=large gives the 512 px version under its own ETag", async () => {
    signInAs(await actorOf(colleague));
    const response = await fetchPhoto(photoId, "?size=large");
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toMatch(/-large"$/);
    expect((await sharp(Buffer.from(await response.arrayBuffer())).metadata()).width).toBe(512);
  });

  it("without a session the answer is 401 and no image", async () => {
    signOut();
    const response = await fetchPhoto(photoId);
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("a member of another organisation gets 404, the same as for a photo that does not exist", async () => {
    signInAs(await actorOf(outsider));
    const response = await fetchPhoto(photoId);
    expect(response.status).toBe(404);
    expect((await fetchPhoto("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect(await response.text()).toBe(await (await fetchPhoto("00000000-0000-4000-8000-000000000000")).text());
  });

  it.each([
    { label: "an id that is not a uuid", id: "../../etc/passwd", query: "" },
    { label: "an unknown size", id: "00000000-0000-4000-8000-000000000000", query: "?size=huge" },
  ])("refuses $label with 400", async ({ id, query }) => {
    signInAs(await actorOf(colleague));
    expect((await fetchPhoto(id, query)).status).toBe(400);
  });

  it("when the admin hides photos from colleagues, a colleague gets 404, the owner and a coordinator still get it", async () => {
    await setProfileFields(database.db, organisation.id, { visible: ["email", "phone"] });
    try {
      signInAs(await actorOf(colleague));
      expect((await fetchPhoto(photoId)).status).toBe(404);
      signInAs(await actorOf(owner));
      expect((await fetchPhoto(photoId)).status).toBe(200);
      signInAs(await actorOf(coordinator));
      expect((await fetchPhoto(photoId)).status).toBe(200);
    } finally {
      await setProfileFields(database.db, organisation.id, { visible: ["firstName", "infix", "lastName", "email", "phone", "photo"] });
    }
  });
});

describe("caching", () => {
  it("If-None-Match with the current ETag answers 304 without a body", async () => {
    signInAs(await actorOf(colleague));
    const first = await fetchPhoto(photoId);
    const etag = first.headers.get("etag") ?? "";
    const again = await fetchPhoto(photoId, "", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toBe(first.headers.get("cache-control"));
    expect((await again.arrayBuffer()).byteLength).toBe(0);
  });

  it.each([
    { label: "a weak form of the ETag", header: (etag: string) => `W/${etag}`, status: 304 },
    { label: "a list holding the ETag", header: (etag: string) => `"0123abcd-small", ${etag}`, status: 304 },
    { label: "the other size's ETag", header: (etag: string) => etag.replace("-small", "-large"), status: 200 },
    { label: "an old ETag", header: () => `"0123456789abcdef-small"`, status: 200 },
    { label: "garbage", header: () => `"'; drop table photos; --"`, status: 200 },
  ])("If-None-Match with $label → $status", async ({ header, status }) => {
    signInAs(await actorOf(colleague));
    const etag = (await fetchPhoto(photoId)).headers.get("etag") ?? "";
    expect((await fetchPhoto(photoId, "", { "if-none-match": header(etag) })).status).toBe(status);
  });

  it("a 304 is never given to someone who may not see the photo", async () => {
    signInAs(await actorOf(colleague));
    const etag = (await fetchPhoto(photoId)).headers.get("etag") ?? "";
    signInAs(await actorOf(outsider));
    expect((await fetchPhoto(photoId, "", { "if-none-match": etag })).status).toBe(404);
  });
});
