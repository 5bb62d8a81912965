// Runs in the browser before the app's own code. Zod compiles object parsers with `new Function` when
// it may, and finds out by trying: under the Content-Security-Policy (no eval, see proxy.ts) that probe
// is blocked and reported as a violation even though Zod then falls back. Tell it up front.
import { z } from "zod";

z.config({ jitless: true });
