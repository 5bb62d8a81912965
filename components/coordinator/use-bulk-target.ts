"use client";
import { useState } from "react";
import type { AccessTarget } from "@/lib/accounts/blocking/schemas";

/** The props every bulk control of the members table's bar takes. */
export type BulkControlProps = {
  /** The selected people on this page of the members table. */
  personIds: readonly string[];
  groups: readonly { id: string; name: string }[];
  /** Another control of the bar is waiting for the server. */
  disabled?: boolean;
  /** After the change: the bar clears its selection. */
  onDone?: () => void;
};

type ScopeLabels = { selection: (count: number) => string; group: (name: string) => string; everyone: string };

/**
 * The "who" choice of a bulk control: the selection (when there is one), a group or everyone. The
 * selection falls back to everyone once it is emptied. `targetOf` turns the choice into a target.
 */
export function useBulkTarget(personIds: readonly string[], groups: BulkControlProps["groups"], labels: ScopeLabels) {
  const [scope, setScope] = useState(personIds.length > 0 ? "selection" : "everyone");
  const effectiveScope = scope === "selection" && personIds.length === 0 ? "everyone" : scope;

  function targetOf(): AccessTarget {
    if (effectiveScope === "selection") return { kind: "selection", personIds: [...personIds] };
    if (effectiveScope.startsWith("group:")) return { kind: "group", groupId: effectiveScope.slice("group:".length) };
    return { kind: "everyone" };
  }

  const scopes = [
    ...(personIds.length > 0 ? [{ value: "selection", label: labels.selection(personIds.length) }] : []),
    ...groups.map((group) => ({ value: `group:${group.id}`, label: labels.group(group.name) })),
    { value: "everyone", label: labels.everyone },
  ];

  return { scope: effectiveScope, setScope, scopes, targetOf };
}
