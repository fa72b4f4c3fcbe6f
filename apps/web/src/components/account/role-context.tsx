"use client";
/** The viewer's role in the current workspace, so launch, cancel and retry controls render only for editors. */
import { createContext, type ReactNode, useContext } from "react";

const RoleContext = createContext<string>("VIEWER");

export function RoleProvider({ role, children }: { role: string; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

/** Editors and owners launch, cancel, retry and remove; viewers read and comment (the API enforces it too). */
export function useCanEdit(): boolean {
  const role = useContext(RoleContext);
  return role === "EDITOR" || role === "OWNER";
}

export function EditorOnly({ children }: { children: ReactNode }) {
  return useCanEdit() ? children : null;
}
