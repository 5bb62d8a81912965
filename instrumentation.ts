// Runs once when a server instance boots (also on Vercel, where `npm start` is not used).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkSettingsOrExit } = await import("./lib/boot-check");
    checkSettingsOrExit();
  }
}
