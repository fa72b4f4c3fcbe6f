/** The runs page's head (title and launch buttons) and its first-visit empty state, moved from runs-table.tsx. */
"use client";
import Link from "next/link";
import { EditorOnly } from "@/components/account/role-context";
import { PageHead } from "@/components/page-head";

export function RunsPageHead() {
  return (
    <PageHead title="Runs" sub="Every training run in this project: filter, sort, pick columns, compare.">
      <div className="row">
        <Link className="btn" href="/lab" prefetch={false}>
          Activation lab
        </Link>
        <EditorOnly>
          <Link className="btn" href="/sweeps/new">
            + New sweep
          </Link>
          <Link className="btn btn-primary" href="/runs/new">
            + New run
          </Link>
        </EditorOnly>
      </div>
    </PageHead>
  );
}

export function NoRunsYet() {
  return (
    <div className="panel empty">
      <h2>No runs yet</h2>
      <p>Launch a first run to see how an activation function trains, or a sweep to compare several.</p>
      <div className="row" style={{ justifyContent: "center" }}>
        <EditorOnly>
          <Link className="btn btn-primary" href="/runs/new">
            Launch a run
          </Link>
        </EditorOnly>
        <Link className="btn" href="/sweeps">
          Compare activations
        </Link>
        <Link className="btn" href="/lab" prefetch={false}>
          Test a claim in the lab
        </Link>
      </div>
    </div>
  );
}
