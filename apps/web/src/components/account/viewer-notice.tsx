"use client";
/** Shown instead of a launch form to someone whose role cannot launch. */
import type { ReactNode } from "react";
import { useCanEdit } from "./role-context";

export function EditorsOnlyPage({ children }: { children: ReactNode }) {
  if (useCanEdit()) return children;
  return (
    <div className="panel empty" data-testid="viewer-notice">
      <h2>Viewers cannot launch runs</h2>
      <p>Ask an owner of this workspace to make you an editor.</p>
    </div>
  );
}
