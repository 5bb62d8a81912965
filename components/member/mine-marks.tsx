/**
 * Marks the reader's own shifts in a roster list that is shared by every member (RosterShiftList):
 * a few style rules for this reader's cards, drawn by the browser, so the cached fragment itself
 * holds nothing of who reads it. The mark reads as text to assistive technology too (its label is
 * the rule's generated content, the check mark left out of what is spoken).
 */
export function MineMarks({ shiftIds, label }: { shiftIds: readonly string[]; label: string }) {
  if (shiftIds.length === 0) return null;
  // Ids are uuids and the label is one of the app's own texts; JSON quoting is valid CSS string syntax.
  const cards = shiftIds.map((id) => `a[href="/my/shifts/${id}"]`);
  const text = JSON.stringify(`✓ ${label}`);
  const spoken = JSON.stringify(label);
  const css =
    `${cards.join(",")}{border-color:var(--color-brand-700);border-left-width:4px}` +
    `${cards.map((card) => `${card}::after`).join(",")}{content:${text};content:${text}/${spoken};display:block;width:fit-content;` +
    "margin-top:.5rem;border-radius:9999px;background:var(--color-brand-700);padding:.25rem .625rem;font-size:.875rem;line-height:1.25rem;font-weight:600;color:#fff}";
  return <style>{css}</style>;
}
