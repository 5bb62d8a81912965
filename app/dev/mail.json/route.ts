// The development mailbox as JSON, newest first, for e2e tests: GET /dev/mail.json?to=address[&limit=n].
// A 404 wherever /dev/mail is one.
import type { NextRequest } from "next/server";
import { z } from "zod";
import { env } from "@/lib/env";
import { extractLinks } from "@/lib/mail/preview";
import { listMailboxMessagesWithBodies } from "@/lib/mail/queries";

const querySchema = z.object({
  to: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === "" ? undefined : value)),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export async function GET(request: NextRequest): Promise<Response> {
  // Reading the request first keeps this handler out of any build-time prerender (no DB, no env at build).
  const searchParams = Object.fromEntries(request.nextUrl.searchParams);
  if (!env().devMailboxEnabled) return new Response("Not found", { status: 404 });
  const query = querySchema.safeParse(searchParams);
  if (!query.success) return Response.json({ error: "invalid query", issues: z.treeifyError(query.error) }, { status: 400 });
  const messages = await listMailboxMessagesWithBodies(query.data);
  return Response.json(
    messages.map((message) => ({
      id: message.id,
      template: message.template,
      to: message.toAddress,
      toName: message.toName,
      subject: message.subject,
      status: message.status,
      html: message.html,
      text: message.text,
      createdAt: message.createdAt.toISOString(),
      links: extractLinks(message.html),
    })),
    { headers: { "Cache-Control": "no-store" } },
  );
}
