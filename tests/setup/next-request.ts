// Next's request helpers as a request without cookies or headers sees them, for tests that call
// actions outside Next: `vi.mock("next/headers", () => import("@/tests/setup/next-request").then((m) => m.emptyHeaders))`.

export const emptyHeaders = {
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
};

/** redirect() and notFound() end the action or page by throwing, as in Next; a redirect's message names the destination. */
export const throwingNavigation = {
  redirect: (path: string) => {
    throw new Error(`NEXT_REDIRECT ${path}`);
  },
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
};
