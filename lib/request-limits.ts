// The largest request body the app accepts: a 15 MB photo (lib/people/photo-processing.ts) with the
// form around it. next.config.ts gives it to Next, and proxy.ts answers a larger request itself, so
// an oversized upload ends in the form's "te groot" message instead of an error page.
export const REQUEST_BODY_LIMIT_MB = 16;
export const REQUEST_BODY_LIMIT_BYTES = REQUEST_BODY_LIMIT_MB * 1024 * 1024;

/** The query parameter a page reads when proxy.ts sent an oversized form post back to it. */
export const UPLOAD_REFUSED_PARAM = "upload";
