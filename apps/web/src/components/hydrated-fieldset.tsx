"use client";
/**
 * A form's fields, disabled until hydration (what is typed before it would be lost, a click would submit the
 * form natively) and while `busy`.
 */
import type { ReactNode } from "react";
import { useHydrated } from "@/lib/use-hydrated";

export function HydratedFieldset({ busy = false, children }: { busy?: boolean; children: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <fieldset className="fieldset-contents" disabled={!hydrated || busy}>
      {children}
    </fieldset>
  );
}
