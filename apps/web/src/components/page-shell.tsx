/** A page with a title row above its content; `editorsOnly` shows viewers a notice instead of the content. */
import type { ReactNode } from "react";
import { EditorsOnlyPage } from "./account/viewer-notice";
import { PageHead } from "./page-head";

export function PageShell({
  title,
  sub,
  editorsOnly = false,
  children,
}: {
  title: string;
  sub: string;
  editorsOnly?: boolean;
  children: ReactNode;
}) {
  return (
    <main className="page">
      <PageHead title={title} sub={sub} />
      {editorsOnly ? <EditorsOnlyPage>{children}</EditorsOnlyPage> : children}
    </main>
  );
}
