"use client";
/** The sweep page: progress by status, ETA, cancel, and its runs, all kept live. */
import { METRIC } from "@actlab/core";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useCanEdit } from "@/components/account/role-context";
import { SweepCollaboration } from "@/components/collaboration/collaboration-panel";
import { PageHead } from "@/components/page-head";
import { RunTable } from "@/components/run-table";
import { Verdict } from "@/components/verdict/verdict";
import { formatSeconds } from "@/lib/format";
import { useLiveSweep } from "@/lib/use-live-sweep";
import { useTRPC } from "@/trpc/client";

const SEGMENTS = [
  ["COMPLETED", "var(--ok)", "done"],
  ["DIVERGED", "var(--bad)", "diverged"],
  ["FAILED", "var(--bad)", "failed"],
  ["CANCELED", "var(--warn)", "canceled"],
  ["RUNNING", "var(--info)", "running"],
  ["QUEUED", "var(--muted)", "queued"],
] as const;

export function SweepView({ sweepId }: { sweepId: string }) {
  const trpc = useTRPC();
  const canEdit = useCanEdit();
  const sweep = useLiveSweep(sweepId);
  const cancel = useMutation(trpc.sweeps.cancel.mutationOptions({ onSuccess: () => void sweep.refetch() }));
  if (sweep.isPending) return <div className="skeleton" style={{ height: 320 }} />;
  // A refresh that fails keeps the page (and a comment being typed) and says so; only a first read that
  // fails replaces it.
  if (!sweep.data) {
    return (
      <div className="alert" data-testid="sweep-error">
        {sweep.error?.data?.code === "NOT_FOUND" ? `There is no sweep ${sweepId}.` : sweep.error?.message}{" "}
        <Link href="/sweeps">All sweeps</Link>
      </div>
    );
  }
  const { progress, runs } = sweep.data;
  const open = (progress.counts.QUEUED ?? 0) + (progress.counts.RUNNING ?? 0);
  return (
    <div className="grid">
      <PageHead
        title={sweep.data.name}
        sub={`${progress.total} runs · launched ${new Date(sweep.data.createdAt).toLocaleString()}`}
      >
        <div className="row">
          <Link
            className="btn btn-primary"
            data-testid="compare-sweep"
            href={`/compare?runs=${runs.map((r) => r.id).join(",")}&key=${METRIC.valAcc}&group=activation`}
          >
            Compare runs
          </Link>
          {open > 0 && canEdit ? (
            <button
              type="button"
              className="btn"
              onClick={() => cancel.mutate({ sweepId })}
              disabled={cancel.isPending}
              data-testid="cancel-sweep"
            >
              Cancel {open} open run{open === 1 ? "" : "s"}
            </button>
          ) : null}
        </div>
      </PageHead>
      {sweep.isError ? (
        <div className="alert" data-testid="sweep-refresh-error">
          Could not refresh this sweep ({sweep.error.message}); showing what was last read.
        </div>
      ) : null}
      <section className="panel grid">
        <div
          className="stack-bar"
          role="img"
          aria-label={`${progress.done} of ${progress.total} runs finished`}
        >
          {SEGMENTS.map(([status, color]) => (
            <div
              key={status}
              style={{
                width: `${(100 * (progress.counts[status] ?? 0)) / Math.max(1, progress.total)}%`,
                background: color,
              }}
            />
          ))}
        </div>
        <div className="grid grid-4">
          <div className="stat">
            <span className="label">Finished</span>
            <span className="value" data-testid="sweep-done">
              {progress.done} / {progress.total}
            </span>
          </div>
          {SEGMENTS.map(([status, color, label]) => (
            <div className="stat" key={status}>
              <span className="label">{label}</span>
              <span className="value" style={{ color }} data-testid={`count-${status}`}>
                {progress.counts[status] ?? 0}
              </span>
            </div>
          ))}
          <div className="stat">
            <span className="label">ETA</span>
            <span className="value">{open === 0 ? "—" : formatSeconds(progress.etaSec)}</span>
          </div>
        </div>
      </section>
      <Verdict sweepId={sweepId} />
      <RunTable runs={runs} testId="sweep-runs" />
      <SweepCollaboration sweepId={sweepId} />
    </div>
  );
}
