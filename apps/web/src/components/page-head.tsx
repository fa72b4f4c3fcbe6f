/** A page's title row: its name, one line on what the page is for, and any actions on the right. */
import type { ReactNode } from "react";

export function PageHead({ title, sub, children }: { title: string; sub: ReactNode; children?: ReactNode }) {
  return (
    <div className="page-head">
      <div>
        <h1>{title}</h1>
        <p className="sub">{sub}</p>
      </div>
      {children}
    </div>
  );
}
