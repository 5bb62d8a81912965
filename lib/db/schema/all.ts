// The schema registry: drizzle's client and drizzle-kit read every table from here.
export * from "./tenancy";
export * from "./people";
export * from "./accounts";
export * from "./roster";
export * from "./hours";
export * from "./platform";
export * from "./member-imports";
