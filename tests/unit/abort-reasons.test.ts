// A finished request must not keep its state alive: with Node's retention bug (lib/abort-reasons.ts)
// an Error made inside a setImmediate callback and kept as an abort reason held every store of its
// batch of Immediates, so a server's memory grew with every request it had served.
import { AsyncLocalStorage } from "node:async_hooks";
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { formatAbortReasonStacks } from "@/lib/abort-reasons";

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

/** Runs `count` Immediates each in a store of its own, each aborting a signal it keeps; how many stores are still alive after collection. */
async function storesAliveAfterAborts(count: number): Promise<number> {
  const storage = new AsyncLocalStorage<{ payload: Buffer }>();
  const stores: WeakRef<object>[] = [];
  const kept: AbortSignal[] = [];
  await new Promise<void>((resolve) => {
    let done = 0;
    for (let i = 0; i < count; i++) {
      const store = { payload: Buffer.alloc(64 * 1024) };
      stores.push(new WeakRef(store));
      storage.run(store, () =>
        setImmediate(() => {
          const controller = new AbortController();
          controller.abort(new Error("This render completed successfully."));
          kept.push(controller.signal);
          if (++done === count) setTimeout(resolve, 10);
        }),
      );
    }
  });
  for (let round = 0; round < 3; round++) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(kept).toHaveLength(count);
  return stores.filter((store) => store.deref() !== undefined).length;
}

describe("abort reasons", () => {
  it("do not keep the stores of finished Immediates alive", async () => {
    formatAbortReasonStacks();
    // The last Immediate's store may stay reachable from the timer list; none of the others.
    expect(await storesAliveAfterAborts(50)).toBeLessThanOrEqual(1);
  });

  it("keep their message and stack", () => {
    formatAbortReasonStacks();
    formatAbortReasonStacks();
    const controller = new AbortController();
    const reason = new Error("stopped");
    controller.abort(reason);
    expect(controller.signal.reason).toBe(reason);
    expect(String(controller.signal.reason.stack)).toMatch(/^Error: stopped\n\s+at /);
  });
});
