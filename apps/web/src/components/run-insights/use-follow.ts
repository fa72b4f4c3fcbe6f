"use client";
/** Runs `ask` whenever the follow policy says so: behind, nothing in flight, the gap since the last ask passed. */
import { useEffect, useRef } from "react";
import { delayBeforeNextAsk } from "./follow-policy";

export function useFollow(behind: boolean, inFlight: boolean, ask: () => void) {
  const lastAskedAt = useRef<number | null>(null);
  const askRef = useRef(ask);
  askRef.current = ask;
  useEffect(() => {
    const delay = delayBeforeNextAsk({ behind, inFlight, lastAskedAt: lastAskedAt.current, now: Date.now() });
    if (delay === null) return;
    const t = setTimeout(() => {
      lastAskedAt.current = Date.now();
      askRef.current();
    }, delay);
    return () => clearTimeout(t);
  }, [behind, inFlight]);
}
