// The green button in every member email: /l/<token> signs in and opens the link's destination.
// A route handler, because only handlers and actions may set the session cookie; GET signs in and
// changes nothing else (mail scanners open links before people do).
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { holdSecondFactorChallenge } from "@/lib/accounts/two-factor/challenge-cookie";
import { linkOpenPerClient, signInWithLink } from "@/lib/accounts/links/sign-in-links";
import { consumeRateLimit } from "@/lib/accounts/rate-limit";
import { getClientKey } from "@/lib/auth/client";
import { signIn } from "@/lib/auth/config";

const problemPage = (problem: "expired" | "invalid" | "busy" | "failed") => `/sign-in/link?problem=${problem}`;

export async function GET(_request: Request, context: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await context.params;
  const limit = await consumeRateLimit(linkOpenPerClient, await getClientKey());
  if (!limit.allowed) redirect(problemPage("busy"));
  const result = await signInWithLink(token);
  if (!result.ok) redirect(problemPage(result.reason));
  if (result.kind === "second-factor") {
    await holdSecondFactorChallenge(result.challenge);
    redirect("/sign-in/verify");
  }
  try {
    // Sets the session cookie and throws Next's redirect to the destination, which must propagate.
    await signIn("credentials", { ticket: result.ticket, redirectTo: result.destination });
  } catch (error) {
    if (error instanceof AuthError) redirect(problemPage("failed"));
    throw error;
  }
  redirect(result.destination);
}

/** Link checkers probe with HEAD: answer without looking at the token, signing in or counting a use. */
export function HEAD(): Response {
  return new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
}
