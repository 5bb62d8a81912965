// The page cache's store keeps its memory bounded and never serves what it should not: the least
// recently used fragments go first when it is full, a fragment past its lifetime is gone, a read of
// a fragment still being rendered waits for it, and nothing is served before the first successful
// look at the tag expirations. No database: the tag source is a stand-in list.
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript module (Next imports it at run time)
import { createCacheHandler } from "@/lib/cache/handler.mjs";
import { MARGIN_MS, requestStore } from "@/lib/cache/tag-watch.mjs";

type Entry = { value: ReadableStream<Uint8Array>; tags: string[]; stale: number; timestamp: number; expire: number; revalidate: number };
type Handler = {
  get(key: string, softTags: string[]): Promise<Entry | undefined>;
  set(key: string, entry: Promise<Entry>): Promise<void>;
  refreshTags(): Promise<void>;
  stats(): { entries: number; bytes: number };
};

function entry(text: string, timestamp: number, options: { tags?: string[]; revalidate?: number } = {}): Entry {
  return {
    value: new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(text));
        controller.close();
      },
    }),
    tags: options.tags ?? ["tenant:a:roster"],
    stale: 0,
    timestamp,
    expire: options.revalidate ?? 600,
    revalidate: options.revalidate ?? 600,
  };
}

function store(options: { maxBytes?: number; expirations?: Array<{ tag: string; at: number }>; now: () => number }) {
  const expirations = options.expirations ?? [];
  return createCacheHandler({
    maxBytes: options.maxBytes,
    clock: options.now,
    source: () => ({ expiredSince: async () => expirations, expire: async () => {} }),
  }) as Handler;
}

async function read(handler: Handler, key: string): Promise<string | undefined> {
  const found = await handler.get(key, []);
  return found ? new Response(found.value).text() : undefined;
}

describe("the page cache's store", () => {
  it("serves nothing until it has looked at the tag expirations once", async () => {
    const handler = store({ now: () => 1_000_000 });
    await handler.set("week", Promise.resolve(entry("week", 999_000)));
    expect(await read(handler, "week")).toBeUndefined();
    await handler.refreshTags();
    expect(await read(handler, "week")).toBe("week");
  });

  it("keeps within its size by dropping the least recently used fragment", async () => {
    const handler = store({ maxBytes: 4_000, now: () => 1_000_000 });
    await handler.refreshTags();
    const body = "x".repeat(900);
    for (const key of ["a", "b", "c", "d"]) await handler.set(key, Promise.resolve(entry(body, 999_000)));
    // "a" is read, so "b" is now the least recently used.
    expect(await read(handler, "a")).toBe(body);
    await handler.set("e", Promise.resolve(entry(body, 999_000)));
    expect(handler.stats().bytes).toBeLessThanOrEqual(4_000);
    expect(await read(handler, "b")).toBeUndefined();
    expect(await read(handler, "a")).toBe(body);
    expect(await read(handler, "e")).toBe(body);
  });

  it("does not keep a fragment larger than a quarter of the store", async () => {
    const handler = store({ maxBytes: 4_000, now: () => 1_000_000 });
    await handler.refreshTags();
    await handler.set("huge", Promise.resolve(entry("x".repeat(1_500), 999_000)));
    expect(await read(handler, "huge")).toBeUndefined();
  });

  it("drops a fragment past its lifetime", async () => {
    let now = 1_000_000;
    const handler = store({ now: () => now });
    await handler.refreshTags();
    await handler.set("page", Promise.resolve(entry("page", now, { revalidate: 60 })));
    now += 59_000;
    expect(await read(handler, "page")).toBe("page");
    now += 2_000;
    expect(await read(handler, "page")).toBeUndefined();
  });

  it("counts a fragment rendered within the margin after its tag expired as older than the change", async () => {
    const now = 2_000_000;
    const handler = store({ now: () => now, expirations: [{ tag: "tenant:a:roster", at: now - 5_000 }] });
    await handler.refreshTags();
    await handler.set("just-after", Promise.resolve(entry("just after", now - 5_000 + MARGIN_MS - 1)));
    await handler.set("well-after", Promise.resolve(entry("well after", now - 5_000 + MARGIN_MS + 1)));
    await handler.set("other-tag", Promise.resolve(entry("other", now - 5_000, { tags: ["tenant:b:roster"] })));
    expect(await read(handler, "just-after")).toBeUndefined();
    expect(await read(handler, "well-after")).toBe("well after");
    expect(await read(handler, "other-tag")).toBe("other");
  });

  it("does not look again for a request the response cache already looked for, and looks for any other", async () => {
    const expirations: Array<{ tag: string; at: number }> = [];
    let looks = 0;
    const handler = createCacheHandler({
      clock: () => 1_000_000,
      source: () => ({
        expiredSince: async () => {
          looks += 1;
          return expirations;
        },
        expire: async () => {},
      }),
    }) as Handler;
    await handler.refreshTags();
    expect(looks).toBe(1);
    await requestStore().run({ looked: true }, () => handler.refreshTags());
    expect(looks).toBe(1);
    await handler.refreshTags();
    expect(looks).toBe(2);
  });

  it("makes a read wait for a fragment that is still being rendered", async () => {
    const handler = store({ now: () => 1_000_000 });
    await handler.refreshTags();
    let finish: (value: Entry) => void = () => {};
    const rendering = handler.set("slow", new Promise<Entry>((resolve) => (finish = resolve)));
    const reading = read(handler, "slow");
    finish(entry("slow", 999_000));
    await rendering;
    expect(await reading).toBe("slow");
  });
});
