// Every refused session passes through here: a blocked account, a session signed out or logged out on
// all devices, ended by a password change, idle or past its lifetime, or a cookie that is not ours. A
// route handler, because only handlers and actions may clear a cookie; pages redirect here.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { blockedNoticePath } from "@/lib/accounts/blocking/blocked-notice";
import { getSessionCheck } from "@/lib/auth/session";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-token";

export async function GET(): Promise<Response> {
  const check = await getSessionCheck();
  // Still valid (a second tab signed in meanwhile): nothing to clear.
  if (check.status === "ok") redirect("/my");
  if (check.status === "provider") redirect("/provider");
  const store = await cookies();
  for (const name of SESSION_COOKIE_NAMES) {
    if (store.has(name)) store.delete({ name, path: "/", secure: name.startsWith("__Secure-"), httpOnly: true, sameSite: "lax" });
  }
  redirect(check.status === "blocked" ? blockedNoticePath(check.tenantId) : "/sign-in");
}
