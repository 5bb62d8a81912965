/**
 * The detail lines of a bulk confirmation: the first few names (and how many more), then who is left
 * out and why. `namesLine` and `skippedLine` word them in the control's own texts.
 */
export function previewDetails(
  preview: { affected: number; names: readonly string[] },
  namesLine: (names: string, more: number) => string,
  skippedLine: string | null,
): string[] {
  const lines: string[] = [];
  if (preview.names.length > 0) lines.push(namesLine(preview.names.join(", "), Math.max(0, preview.affected - preview.names.length)));
  if (skippedLine) lines.push(skippedLine);
  return lines;
}
