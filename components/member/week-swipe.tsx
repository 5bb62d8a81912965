"use client";
import { useRouter } from "next/navigation";
import { useRef } from "react";

/** A horizontal swipe this long (px), clearly more sideways than up or down, turns the week. */
const SWIPE_MIN = 70;

/**
 * Swiping the roster left shows the next week, right the previous one, as the week buttons do; a
 * vertical scroll or a tap is left alone. The buttons stay for everyone who does not swipe.
 */
export function WeekSwipe({ previousHref, nextHref, children }: { previousHref: string; nextHref: string; children: React.ReactNode }) {
  const router = useRouter();
  const start = useRef<{ x: number; y: number } | null>(null);
  return (
    <div
      onTouchStart={(event) => {
        const touch = event.touches[0];
        start.current = event.touches.length === 1 && touch ? { x: touch.clientX, y: touch.clientY } : null;
      }}
      onTouchEnd={(event) => {
        const from = start.current;
        const touch = event.changedTouches[0];
        start.current = null;
        if (!from || !touch) return;
        const dx = touch.clientX - from.x;
        const dy = touch.clientY - from.y;
        if (Math.abs(dx) < SWIPE_MIN || Math.abs(dx) < 2 * Math.abs(dy)) return;
        router.push(dx < 0 ? nextHref : previousHref);
      }}
    >
      {children}
    </div>
  );
}
