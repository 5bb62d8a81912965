// Whole member pages kept per session in front of Next: a member's second visit of a page gets what
// was rendered for their own session with a fresh nonce, and never once anything behind the page,
// the member's standing or the clock says it may be out of date; another session never gets it.
// A real HTTP server on 127.0.0.1 with a stand-in renderer (what Next would send), a stand-in
// session check and a stand-in list of tag expirations.
import { createServer, get as httpGet, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it } from "vitest";
import type { checkSession, MemberActor } from "@/lib/accounts/queries";
import { createResponseCache, RESPONSE_MAX_AGE_MS } from "@/lib/cache/response-cache";
import { requestStore } from "@/lib/cache/tag-watch.mjs";
import { env } from "@/lib/env";
import { buildContentSecurityPolicy, createNonce } from "@/lib/security-headers";

const cookieName = "authjs.session-token";

function member(overrides: Partial<MemberActor> = {}): MemberActor {
  return {
    userId: "user-sanne",
    personId: "person-sanne",
    tenantId: "org-a",
    role: "member",
    firstName: "Sanne",
    displayName: "Sanne de Vries",
    organisationName: "Buurthuis",
    timeZone: "Europe/Amsterdam",
    locale: "nl",
    mustChangePassword: false,
    providerVisit: null,
    ...overrides,
  };
}

type Rendered = { status?: number; setCookie?: string; body?: string; gzip?: boolean };

function harness() {
  let now = 1_000_000_000;
  const expirations: Array<{ tag: string; at: number }> = [];
  const actors = new Map<string, MemberActor | null>();
  let renders = 0;
  let answer: Rendered = {};
  let onRender = () => {};
  const cache = createResponseCache({
    clock: () => now,
    source: () => ({ expiredSince: async (since) => expirations.filter((row) => row.at > since) }),
    check: (async (claims) => {
      const actor = actors.get(claims.userId);
      return actor ? { status: "ok", actor, providerAdmin: null } : { status: "ended" };
    }) as typeof checkSession,
  });
  // What Next does for a page: a fresh nonce in the policy and on the scripts, the member's name in the page.
  async function render(request: IncomingMessage, response: ServerResponse) {
    renders += 1;
    onRender();
    const nonce = createNonce();
    response.statusCode = answer.status ?? 200;
    response.setHeader("content-type", "text/html; charset=utf-8");
    response.setHeader("content-security-policy", buildContentSecurityPolicy({ nonce, development: false, https: false }));
    if (answer.setCookie) response.setHeader("set-cookie", answer.setCookie);
    const body = answer.body ?? `<html><body>render ${renders} of ${request.url}<script nonce="${nonce}">self.__next_f.push([1,"${nonce}"])</script></body></html>`;
    response.end(body);
  }
  const server: Server = createServer((request, response) => void cache.handle(request, response, () => render(request, response)));
  return {
    cache,
    server,
    actors,
    expirations,
    set answer(value: Rendered) {
      answer = value;
    },
    set onRender(value: () => void) {
      onRender = value;
    },
    get renders() {
      return renders;
    },
    advance(ms: number) {
      now += ms;
    },
    get now() {
      return now;
    },
  };
}

let open: Server | undefined;
afterEach(() => {
  open?.close();
  open = undefined;
});

async function start(h: ReturnType<typeof harness>): Promise<string> {
  open = h.server;
  await new Promise<void>((resolve) => h.server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(h.server.address() as AddressInfo).port}`;
}

async function sessionCookie(userId: string, sessionId = `session-of-${userId}`): Promise<string> {
  const token = await encode({ token: { uid: userId, sv: 1, sid: sessionId }, secret: env().authSecret as string, salt: cookieName, maxAge: 3600 });
  return `${cookieName}=${token}`;
}

async function get(base: string, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers: { "accept-encoding": "identity", ...headers }, redirect: "manual" });
  const body = await response.text();
  const policyNonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  return { status: response.status, body, policyNonce, headers: response.headers };
}

describe("the response cache in front of Next", () => {
  it("answers a member's second visit with the page rendered for their session, under a fresh nonce", async () => {
    const h = harness();
    h.actors.set("user-sanne", member());
    const base = await start(h);
    const cookie = await sessionCookie("user-sanne");
    const first = await get(base, "/my/shifts?view=open", { cookie });
    const second = await get(base, "/my/shifts?view=open", { cookie });
    expect(h.renders).toBe(1);
    expect(second.body).toContain("render 1 of /my/shifts?view=open");
    expect(second.policyNonce).toBeDefined();
    expect(second.policyNonce).not.toBe(first.policyNonce);
    // Every place the old nonce stood now holds the new one, the policy's included.
    expect(second.body.replaceAll(second.policyNonce as string, first.policyNonce as string)).toBe(first.body);
    expect(second.body).not.toContain(first.policyNonce);
    expect(h.cache.stats()).toMatchObject({ hits: 1, misses: 1, entries: 1 });
  });

  it("hands the render its session check and tag look, so a first view costs no more statements than a kept one", async () => {
    const h = harness();
    h.actors.set("user-sanne", member());
    const base = await start(h);
    const cookie = await sessionCookie("user-sanne");
    const seen: Array<ReturnType<ReturnType<typeof requestStore>["getStore"]>> = [];
    h.onRender = () => seen.push(requestStore().getStore());
    await get(base, "/my", { cookie });
    await get(base, "/my/account", { cookie });
    expect(seen).toHaveLength(2);
    expect(seen[0]?.looked).toBe(true);
    expect(seen[0]?.session?.token).toBe(cookie.slice(`${cookieName}=`.length));
    expect(seen[0]?.session?.check).toMatchObject({ status: "ok", actor: { userId: "user-sanne", personId: "person-sanne" } });
    // A page that is not kept is checked by the page itself.
    expect(seen[1]).toBeUndefined();
  });

  it("never gives one session's page to another session, of the same member or another", async () => {
    const h = harness();
    h.actors.set("user-sanne", member());
    h.actors.set("user-piet", member({ userId: "user-piet", personId: "person-piet", firstName: "Piet", displayName: "Piet Jansen" }));
    const base = await start(h);
    await get(base, "/my", { cookie: await sessionCookie("user-sanne") });
    const piet = await get(base, "/my", { cookie: await sessionCookie("user-piet") });
    const sanneElsewhere = await get(base, "/my", { cookie: await sessionCookie("user-sanne", "her-phone") });
    expect(piet.body).toContain("render 2 of /my");
    expect(sanneElsewhere.body).toContain("render 3 of /my");
  });

  it("renders again after any change in the member's organisation, not after one in another organisation", async () => {
    const h = harness();
    h.actors.set("user-sanne", member());
    const base = await start(h);
    const cookie = await sessionCookie("user-sanne");
    await get(base, "/my/people/photos", { cookie });
    h.advance(5_000);
    h.expirations.push({ tag: "tenant:org-b:people", at: h.now });
    h.advance(5_000);
    expect((await get(base, "/my/people/photos", { cookie })).body).toContain("render 1 of");
    h.expirations.push({ tag: "tenant:org-a:roster", at: h.now });
    // A render that starts within the margin after a change is not trusted to hold it either.
    h.advance(2_000);
    expect((await get(base, "/my/people/photos", { cookie })).body).toContain("render 2 of");
    h.advance(5_000);
    expect((await get(base, "/my/people/photos", { cookie })).body).toContain("render 2 of");
  });

  it("renders again when the member's standing changed, and leaves an ended session to the page", async () => {
    const h = harness();
    h.actors.set("user-sanne", member());
    const base = await start(h);
    const cookie = await sessionCookie("user-sanne");
    await get(base, "/my", { cookie });
    h.actors.set("user-sanne", member({ locale: "en" }));
    expect((await get(base, "/my", { cookie })).body).toContain("render 2 of");
    h.actors.set("user-sanne", member({ locale: "en", mustChangePassword: true }));
    h.answer = { status: 307, body: "to the password page" };
    expect((await get(base, "/my", { cookie })).body).toBe("to the password page");
    h.actors.set("user-sanne", null);
    h.answer = { status: 307, body: "to sign in" };
    expect((await get(base, "/my", { cookie })).body).toBe("to sign in");
    expect(h.renders).toBe(4);
  });

  it("keeps a page no longer than its maximum age, for what changes with the clock alone", async () => {
    const h = harness();
    h.actors.set("user-sanne", member());
    const base = await start(h);
    const cookie = await sessionCookie("user-sanne");
    await get(base, "/my/hours", { cookie });
    h.advance(RESPONSE_MAX_AGE_MS - 1);
    expect((await get(base, "/my/hours", { cookie })).body).toContain("render 1 of");
    h.advance(2);
    expect((await get(base, "/my/hours", { cookie })).body).toContain("render 2 of");
  });

  it("keeps only whole member pages: no client-router or action requests, other pages, errors or answers that set cookies", async () => {
    const h = harness();
    h.actors.set("user-sanne", member());
    const base = await start(h);
    const cookie = await sessionCookie("user-sanne");
    const twice = async (path: string, headers: Record<string, string> = {}, init: Partial<RequestInit> = {}) => {
      for (let i = 0; i < 2; i += 1) await fetch(`${base}${path}`, { headers: { cookie, ...headers }, redirect: "manual", ...init }).then((r) => r.text());
    };
    await twice("/my", { rsc: "1" });
    await twice("/my", { "next-router-prefetch": "1" });
    await twice("/my", {}, { method: "POST", body: "x" });
    await twice("/my/account");
    await twice("/dashboard/people/import");
    await twice("/sign-in");
    expect(h.renders).toBe(12);
    h.answer = { status: 404, body: "not here" };
    await twice("/my/people/nobody");
    h.answer = { setCookie: "flash=1; Path=/" };
    await twice("/my");
    expect(h.renders).toBe(16);
    // Without a session cookie the page itself sends the visitor to sign in.
    await fetch(`${base}/my`).then((r) => r.text());
    await fetch(`${base}/my`).then((r) => r.text());
    expect(h.renders).toBe(18);
  });

  it("serves nothing it kept while the tag expirations cannot be read", async () => {
    const h = harness();
    h.actors.set("user-sanne", member());
    let failing = false;
    const expirations = h.expirations;
    const cache = createResponseCache({
      source: () => ({
        expiredSince: async () => {
          if (failing) throw new Error("database unreachable");
          return expirations;
        },
      }),
      check: (async () => ({ status: "ok", actor: member(), providerAdmin: null })) as typeof checkSession,
    });
    let renders = 0;
    const server = createServer((request, response) =>
      void cache.handle(request, response, async () => {
        renders += 1;
        response.setHeader("content-type", "text/html");
        response.setHeader("content-security-policy", buildContentSecurityPolicy({ nonce: createNonce(), development: false, https: false }));
        response.end(`render ${renders}`);
      }),
    );
    open = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const cookie = await sessionCookie("user-sanne");
    await get(base, "/my", { cookie });
    expect((await get(base, "/my", { cookie })).body).toBe("render 1");
    failing = true;
    expect((await get(base, "/my", { cookie })).body).toBe("render 2");
  });

  it("sends a kept page compressed to a browser that accepts gzip", async () => {
    const h = harness();
    h.actors.set("user-sanne", member());
    const base = await start(h);
    const cookie = await sessionCookie("user-sanne");
    // node:http rather than fetch, which would undo the compression before the test could see it.
    const visit = () =>
      new Promise<{ encoding: string | undefined; bytes: Buffer }>((resolve, reject) => {
        httpGet(`${base}/my`, { headers: { cookie, "accept-encoding": "gzip" } }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ encoding: response.headers["content-encoding"], bytes: Buffer.concat(chunks) }));
        }).on("error", reject);
      });
    await visit();
    const { encoding, bytes } = await visit();
    expect(encoding).toBe("gzip");
    const html = gunzipSync(bytes).toString("utf8");
    expect(html).toContain("render 1 of /my");
    expect(h.renders).toBe(1);
  });
});
