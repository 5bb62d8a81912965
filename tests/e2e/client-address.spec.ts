// Per-client rate limits count the address the server saw, not what the client claims in
// X-Forwarded-For. Requests here go straight to the app's own server (PLAYWRIGHT_APP_URL, not through
// the e2e mailbox proxy) from 127.0.0.2 (any 127.x address reaches the server on this machine), so
// using up that address's limit leaves the other journeys, which come from 127.0.0.1, alone.
import { request as httpRequest } from "node:http";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";

type Answer = { status: number; retryAfter: string | undefined; body: string };

function get(url: string, headers: Record<string, string>, localAddress: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(url, { method: "GET", headers, localAddress }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, retryAfter: response.headers["retry-after"], body }));
    });
    call.on("error", reject);
    call.end();
  });
}

const randomAddress = () => `198.51.100.${1 + Math.floor(Math.random() * 250)}`;

const appUrl = process.env.PLAYWRIGHT_APP_URL;

test("a fresh X-Forwarded-For per request is still limited without a trusted proxy", async ({ baseURL }) => {
  const server = appUrl ?? baseURL;
  const answers: Answer[] = [];
  // The sign-in link allows 30 opens a minute per client; every request claims to come from elsewhere.
  for (let i = 0; i < 35; i += 1) {
    const token = randomBytes(32).toString("base64url");
    answers.push(await get(`${server}/l/${token}`, { "x-forwarded-for": randomAddress(), "x-ploeg-client-address": randomAddress(), "accept-language": "nl" }, "127.0.0.2"));
  }
  // Unknown tokens send to the problem page until the limit, then the answer is 429.
  expect(answers.slice(0, 30).map((a) => a.status)).toEqual(Array(30).fill(307));
  const limited = answers.slice(30);
  expect(limited.map((a) => a.status)).toEqual(Array(5).fill(429));
  expect(Number(limited[0].retryAfter)).toBeGreaterThan(0);
  expect(limited[0].body).toContain("Te veel pogingen vanaf dit apparaat");

  // Another address is counted on its own.
  const other = await get(`${server}/l/${randomBytes(32).toString("base64url")}`, {}, "127.0.0.1");
  expect(other.status).toBe(307);
});
