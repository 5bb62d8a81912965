// Compatibility entry point: the registry and renderer live in registry.ts (pure), the resolver that
// reads overrides from the database in text-overrides.ts. New code imports from those directly.
export * from "./registry";
export * from "./text-overrides";
