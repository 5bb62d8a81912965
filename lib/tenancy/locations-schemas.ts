// The shape and limits of a location or client (name, address, client flag), without database code,
// so the coordinator's forms share them with the server.
import { z } from "zod";

export const LOCATION_NAME_MAX = 100;
export const ADDRESS_MAX = 300;

const fields = {
  name: z.string({ error: "name" }).trim().min(1, "name").max(LOCATION_NAME_MAX, "name"),
  address: z
    .string({ error: "address" })
    .trim()
    .max(ADDRESS_MAX, "address")
    .optional()
    .transform((value) => (value ? value : null)),
  /** A checkbox: "on" when ticked, absent when not; a boolean from code. */
  isClient: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()),
};

export const createLocationSchema = z.object(fields);
export type CreateLocationInput = z.output<typeof createLocationSchema>;

export const updateLocationSchema = z.object({ locationId: z.uuid({ error: "locationId" }), ...fields });
export type UpdateLocationInput = z.output<typeof updateLocationSchema>;

export const locationIdSchema = z.object({ locationId: z.uuid({ error: "locationId" }) });
export type LocationIdInput = z.output<typeof locationIdSchema>;
