// Texts a page's client components need only after the reader asks for something: a confirmation, its
// outcome, the tools behind a "more" button. Their area leaves them out of what every visit carries
// (lib/i18n/client-messages.ts) and <OnDemandMessages part="…"> (components/on-demand-messages.tsx)
// fetches them from /api/messages/<locale>/<part> when it first renders, showing nothing of its
// children until they are there, so a raw message key is never shown. Imported by client code: keep it
// free of anything but the lists.

/**
 * Each part's message paths ("accounts.confirm", or a whole namespace). A part is served to
 * coordinators only (app/api/messages/[locale]/[part]/route.ts).
 */
export const onDemandMessageParts = {
  // The members table's confirmations and outcomes: block, unblock, schedule, unlock, group membership.
  "people.dialogs": [
    "accounts.confirm",
    "accounts.schedule",
    "accounts.done",
    "accounts.skip",
    "accounts.errors",
    ...["confirmAddTitle", "confirmAddBody", "confirmRemoveTitle", "confirmRemoveBody", "confirmAdd", "confirmRemove", "pending", "cancel", "added", "removed", "alreadyIn", "notIn", "errors"].map(
      (key) => `groupMembership.${key}`,
    ),
  ],
  // The members table's tools behind "Logins, wachtwoorden en hele groepen".
  "people.bulkTools": [
    "logins",
    "temporaryPasswords",
    "usernameResend",
    ...["wholeGroups", "groupToBlock", "chooseGroup", "blockGroup", "blockEveryone"].map((key) => `accounts.bulk.${key}`),
  ],
  // The progress of the latest bulk mailing above the members table, when there is one.
  "people.mailProgress": ["mailBatches"],
} as const satisfies Record<string, readonly string[]>;

export type OnDemandPart = keyof typeof onDemandMessageParts;

export function isOnDemandPart(value: string): value is OnDemandPart {
  return Object.hasOwn(onDemandMessageParts, value);
}
