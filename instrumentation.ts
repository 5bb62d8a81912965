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
    // Loaded beside the start rather than before it: until it is there, pages are rendered as usual.
    if (process.env.NODE_ENV === "production") {
      import("./lib/cache/response-cache").then(
        ({ registerResponseCache }) => registerResponseCache(),
        (error: unknown) => console.error("The response cache could not be loaded; pages are rendered on every request:", error),
      );
    }
  }
}
