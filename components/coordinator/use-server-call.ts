"use client";
import { useState } from "react";

/**
 * Which control waits for the server, and `run` to call it: the control is busy meanwhile, and a thrown
 * error (network, server) becomes `onThrow` (a message), never a crash; the call then answers null.
 */
export function useServerCall<Key extends string>(onThrow: () => void) {
  const [busy, setBusy] = useState<Key | null>(null);

  async function run<T>(key: Key, call: () => Promise<T>): Promise<T | null> {
    setBusy(key);
    try {
      return await call();
    } catch {
      onThrow();
      return null;
    } finally {
      setBusy(null);
    }
  }

  return { busy, run };
}
