"use client";
/**
 * The public, read-only report behind a share link: title, markdown, and the comparison drawn from
 * share.compare. No comments, no links into the workspace (the share page hides the top navigation).
 */
import type { RouterOutputs } from "@actlab/api";
import { Suspense } from "react";
import { CompareView } from "@/components/compare/compare-view";
import { ReportMarkdown } from "./report-markdown";
import styles from "./views.module.css";

/** share.view's answer, its date made a string on the server (a client component's props are plain JSON). */
type SharedViewData = Omit<RouterOutputs["share"]["view"], "updatedAt"> & { updatedAt: string };

export function SharedReport({ token, view }: { token: string; view: SharedViewData }) {
  return (
    <div className="grid" data-testid="shared-report">
      <div className="page-head">
        <div className={styles.report}>
          <h1 data-testid="view-title">{view.title}</h1>
          <p className="sub">
            Shared by {view.createdByName} · updated {new Date(view.updatedAt).toISOString().slice(0, 10)} ·
            read-only
          </p>
        </div>
      </div>
      {view.body.trim() ? (
        <section className="panel">
          <ReportMarkdown body={view.body} />
        </section>
      ) : null}
      <Suspense fallback={<div className="skeleton" style={{ height: 420 }} />}>
        <CompareView saved={{ state: view.state, shareToken: token }} />
      </Suspense>
    </div>
  );
}
