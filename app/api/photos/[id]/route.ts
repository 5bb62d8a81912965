// Serves a member photo from Postgres to signed-in members of the same organisation only (the guard
// and getPhotoForViewer both check). Private caching with an ETag: a browser that has the photo gets a 304.
import { z } from "zod";
import { memberRoute } from "@/lib/auth/route-guards";
import { getPhotoForViewer, type PhotoSize } from "@/lib/people/queries";

const paramsSchema = z.object({ id: z.uuid() });
const sizeSchema = z.enum(["small", "large"]).default("small");

/** Photo addresses change with every upload, so an hour of private caching never shows an old photo. */
const CACHE_CONTROL = "private, max-age=3600";

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** The stored etags named by an If-None-Match header for this size (`"<etag>-small"`, weak or strong). */
function knownEtags(header: string | null, size: PhotoSize): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, "").replace(/^"|"$/g, ""))
    .filter((tag) => tag.endsWith(`-${size}`))
    .map((tag) => tag.slice(0, -(size.length + 1)))
    .filter((tag) => /^[0-9a-f]{1,64}$/.test(tag))
    .slice(0, 8);
}

const notFound = () => plain(404, "Deze foto bestaat niet (meer).");

export const GET = memberRoute<{ id: string }>(
  "memberPhoto",
  async (actor, request, rawParams) => {
    const params = paramsSchema.safeParse(rawParams);
    const size = sizeSchema.safeParse(new URL(request.url).searchParams.get("size") ?? undefined);
    if (!params.success || !size.success) return plain(400, "Onbekende foto.");

    const photo = await getPhotoForViewer(actor, params.data.id, size.data, knownEtags(request.headers.get("if-none-match"), size.data));
    if (!photo) return notFound();
    const headers = {
      etag: `"${photo.etag}-${size.data}"`,
      "cache-control": CACHE_CONTROL,
      "x-content-type-options": "nosniff",
    };
    if (photo.bytes === null) return new Response(null, { status: 304, headers });
    return new Response(Buffer.from(photo.bytes), {
      headers: { ...headers, "content-type": "image/webp", "content-length": String(photo.bytes.byteLength) },
    });
  },
  { references: ({ id }) => ({ photoId: id }), notFound },
);
