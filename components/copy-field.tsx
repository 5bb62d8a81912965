"use client";
import { useState } from "react";
import { StatusText } from "@/components/ui/status-text";

/** A read-only value with a copy button; the value stays selectable where the clipboard is unavailable. */
export function CopyField({ label, value, copyLabel, copiedLabel }: { label: string; value: string; copyLabel: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div>
      <label className="block text-sm font-medium" htmlFor="copy-field">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input id="copy-field" readOnly value={value} onFocus={(event) => event.currentTarget.select()} className="min-w-0 flex-1 rounded-lg border border-stone-300 bg-stone-50 px-3 py-2 text-sm" />
        <button
          type="button"
          className="rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm font-medium"
          onClick={async () => {
            await navigator.clipboard?.writeText(value);
            setCopied(true);
          }}
        >
          <StatusText as="span">{copied ? copiedLabel : copyLabel}</StatusText>
        </button>
      </div>
    </div>
  );
}
