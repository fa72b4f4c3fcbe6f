"use client";
/**
 * `value`, passed on at most once per `gapMs` while `throttle` holds, the newest always last: a fast run's
 * epochs arrive faster than a decision boundary redraws, and redrawing each would starve the page.
 */
import { useEffect, useRef, useState } from "react";

export function useThrottled<T>(value: T, gapMs: number, throttle: boolean): T {
  const [shown, setShown] = useState(value);
  const lastAt = useRef(0);
  useEffect(() => {
    if (!throttle) return;
    const wait = lastAt.current + gapMs - Date.now();
    const pass = () => {
      lastAt.current = Date.now();
      setShown(value);
    };
    if (wait <= 0) return pass();
    const t = setTimeout(pass, wait);
    return () => clearTimeout(t);
  }, [value, gapMs, throttle]);
  return throttle ? shown : value;
}
