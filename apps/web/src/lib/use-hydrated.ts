"use client";
/**
 * False during server rendering and until React has attached its handlers in the browser. Submit buttons
 * stay disabled until then: a click before hydration would submit the form natively (a GET carrying every
 * field in the URL, a password included) instead of through our handler.
 */
import { useEffect, useState } from "react";

export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
