// Input shapes for creating and changing organisations, shared by the operator CLI and the dashboard.
import { z } from "zod";

export function isValidTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

// Slugs appear in URLs and links in emails: keep them plain.
const slugSchema = z
  .string()
  .trim()
  .min(2, "must be at least 2 characters")
  .max(48, "must be at most 48 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "may only contain lower-case letters, digits and single hyphens (e.g. samen-sterk)");

const usernameSchema = z
  .string()
  .trim()
  .min(3, "must be at least 3 characters")
  .max(100, "must be at most 100 characters")
  .regex(/^[\p{L}\p{N}._@-]+$/u, "may only contain letters, digits and . _ @ -");

export const createOrganisationSchema = z.object({
  name: z.string().trim().min(2, "must be at least 2 characters").max(120, "must be at most 120 characters"),
  slug: slugSchema,
  adminUsername: usernameSchema,
  adminEmail: z.string().trim().pipe(z.email("must be an email address")),
  /** "First [infix] Last"; when absent the admin is called "Beheerder" until they edit their profile. */
  adminName: z.string().trim().min(1).max(200).optional(),
  provider: slugSchema.default("ploeg"),
  timeZone: z
    .string()
    .trim()
    .default("Europe/Amsterdam")
    .refine(isValidTimeZone, "must be an IANA time zone such as Europe/Amsterdam"),
});
export type CreateOrganisationInput = z.input<typeof createOrganisationSchema>;
export type ParsedCreateOrganisationInput = z.output<typeof createOrganisationSchema>;

/** The provider page's form: the provider is the admin's own, taken from the session, never from the form. */
export const createProviderOrganisationSchema = createOrganisationSchema.omit({ provider: true }).extend({
  /** An empty name field means "no name given". */
  adminName: z
    .string()
    .trim()
    .max(200, "must be at most 200 characters")
    .optional()
    .transform((value) => value || undefined),
});
export type CreateProviderOrganisationInput = z.output<typeof createProviderOrganisationSchema>;

export const createProviderAdminSchema = z.object({
  provider: slugSchema,
  username: usernameSchema,
  email: z.string().trim().pipe(z.email("must be an email address")),
  name: z.string().trim().min(1).max(200).optional(),
});
export type ParsedCreateProviderAdminInput = z.output<typeof createProviderAdminSchema>;
