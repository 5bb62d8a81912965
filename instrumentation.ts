// Runs once when a server instance boots (also on Vercel, where `npm start` is not used).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Before any request: finished renders must not keep their state alive (see the module).
    const { formatAbortReasonStacks } = await import("./lib/abort-reasons");
    formatAbortReasonStacks();
    const { checkSettingsOrExit } = await import("./lib/boot-check");
    checkSettingsOrExit();
    // The page cache's handler reads tag expirations through this process's database handle.
    const { registerTagSource } = await import("./lib/cache/tag-source");
    registerTagSource();
    // Whole member pages per session for `npm start`'s server (scripts/serve.ts); not in development,
    // where the code behind a page changes while it runs.
    if (process.env.NODE_ENV === "production") {
      const { registerResponseCache } = await import("./lib/cache/response-cache");
      registerResponseCache();
    }
  }
}
