"use client";
/**
 * /views/[id]: a saved view inside the workspace — title, the report, the comparison as it was saved
 * (read-only), a link to reopen it in /compare, the public-link controls for its creator or an owner, and
 * the team's comments.
 */
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { CommentsPanel } from "@/components/collaboration/comments-panel";
import { timeAgo } from "@/components/collaboration/time-ago";
import { CompareView } from "@/components/compare/compare-view";
import { useTRPC } from "@/trpc/client";
import { ReportMarkdown } from "./report-markdown";
import { ShareControls } from "./share-controls";
import styles from "./views.module.css";

export function ViewReport({ viewId }: { viewId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const view = useQuery(trpc.views.get.queryOptions({ viewId }));
  const remove = useMutation(trpc.views.remove.mutationOptions({ onSuccess: () => router.push("/views") }));
  if (view.isPending) return <div className="skeleton" style={{ height: 420 }} />;
  if (view.isError)
    return (
      <div className="panel empty" data-testid="view-missing">
        <h2>This saved view does not exist</h2>
        <p>{view.error.message}</p>
        <Link className="btn" href="/views">
          All saved views
        </Link>
      </div>
    );
  const v = view.data;
  return (
    <div className="grid">
      <div className="page-head">
        <div className={styles.report}>
          <h1 data-testid="view-title">{v.title}</h1>
          <p className="sub">
            Saved by {v.createdByName} · {timeAgo(new Date(v.createdAt))}
          </p>
        </div>
        <div className="row">
          <Link className="btn" href={`/compare?${v.state}`} data-testid="open-in-compare">
            Open in compare
          </Link>
          {v.canManage ? (
            <button
              type="button"
              className="btn"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(`Delete the saved view “${v.title}”?`)) remove.mutate({ viewId });
              }}
            >
              Delete
            </button>
          ) : null}
        </div>
      </div>
      {v.body.trim() ? (
        <section className="panel">
          <ReportMarkdown body={v.body} />
        </section>
      ) : null}
      <CompareView saved={{ state: v.state }} />
      {v.canManage ? <ShareControls viewId={v.id} shared={v.shared} /> : null}
      <section className="panel" data-testid="view-discussion">
        <CommentsPanel targetKind="view" targetId={v.id} />
      </section>
    </div>
  );
}
